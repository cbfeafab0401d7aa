#!/usr/bin/env bash
# Build benchmark: `loysite build` (release) against Hugo on the same synthetic glossary
# (bench/site-corpus.py: N terms with aliases, related terms, wikilinks and varied
# Markdown, 20 reports with chart and metric blocks, an orders and a responses dataset;
# Hugo gets the same Markdown bodies and comparable templates: a term page with aliases,
# related links and previous/next, an A–Z list page with summaries).
#
# Each front-matter style of the corpus (STYLES, bench/site-corpus.py --style: plain,
# quoted, block, hugo, toml; Hugo gets the same style) and body size (BODIES: 1k, 4k) is
# its own corpus. Runs alternate (loysite, hugo, floor, loysite, …) so all see the same
# machine load. The floor is what any generator must at least do with these files:
# `cmark` over the glossary's Markdown on 2 processes, plus `cp -r` of the content
# folder. For each size, style and body the table gives the median and min–max wall
# time, loysite/Hugo, loysite/floor, the median peak resident memory (/usr/bin/time -v)
# and (user+sys)/wall, how many cores were kept busy; then loysite's own per-step
# timings (--timings, medians).
#
# Output must not change when loysite gets faster: the digest of every output file of
# the first loysite run of each size is compared with bench/site-digests.txt (recorded
# from the build before the optimisations; RECORD_DIGESTS=1 rewrites it; one digest per
# size and body, which every style must give: the styles hold the same content), and with
# REFERENCE_BIN=/path/to/other/loysite the same corpus is also built by that binary and
# the two outputs compared.
#
#   bench/site.sh                          # SIZES="1000 10000 50000", RUNS=5 (3 at 50k), plain 1k
#   SIZES=10000 RUNS=7 SKIP_BUILD=1 bench/site.sh
#   SIZES=10000 STYLES="plain quoted block hugo toml" BODIES="1k 4k" bench/site.sh
#   NO_HUGO=1 bench/site.sh                # loysite only
#   OUTPUT=kept bench/site.sh              # each build over the tool's previous output
#
# OUTPUT=fresh (the default) deletes each tool's output folder before every run;
# OUTPUT=kept builds over what the previous run left (after one untimed build of each
# tool), as a user rebuilding their site does and as `hyperfine` runs a command: Hugo
# writes over public/, loysite over the spare site its last swap kept (RecycledSite).
#
# Everything it writes (corpora, built sites, logs) goes under /dev/shm. Hugo: apt-get
# install -y hugo (Debian's 0.111 was the reference of issue 7).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"1000 10000 50000"}
RUNS=${RUNS:-5}
RUNS_50K=${RUNS_50K:-3}
OUTPUT=${OUTPUT:-fresh}
STYLES=${STYLES:-plain}
BODIES=${BODIES:-1k}
SCRATCH=${SCRATCH:-.build}
WORK=${WORK:-/dev/shm/loysite-site-bench}
DIGESTS=bench/site-digests.txt
mkdir -p "$WORK"

if [ -z "${SKIP_BUILD:-}" ]; then
    swift build -c release --scratch-path "$SCRATCH" --product loysite >&2
fi
LOYSITE=$(realpath "$SCRATCH/release/loysite")
HUGO=""
if [ -z "${NO_HUGO:-}" ] && command -v hugo >/dev/null; then HUGO=$(command -v hugo); fi
[ -n "$HUGO" ] || echo "hugo is not installed (apt-get install -y hugo): loysite only" >&2

# digest DIR: one sha256 over every file's path and sha256, in byte order of paths.
digest() { (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum | sha256sum | cut -c1-64); }

# run NAME SIZE COMMAND… : one timed run; appends "ms user sys kb" to $WORK/NAME-SIZE.times.
run() {
    local name=$1 size=$2; shift 2
    local start end
    start=$(date +%s%N)
    /usr/bin/time -v -o "$WORK/$name.time" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err" || {
        echo "$name failed:"; tail -20 "$WORK/$name.err"; exit 1; }
    end=$(date +%s%N)
    awk -v ms=$(( (end - start) / 1000000 )) -F': ' '
        /User time/ {u=$2} /System time/ {s=$2} /Maximum resident set size/ {k=$2}
        END {print ms, u, s, k}' "$WORK/$name.time" >> "$WORK/$name-$size.times"
}

# floor CORPUS: cmark over the glossary's Markdown on 2 processes (each file list's half
# concatenated into one cmark), then cp -r of the content folder.
floor() {
    local corpus=$1
    find "$corpus/loysite/content/glossary" -name '*.md' | LC_ALL=C sort > "$WORK/floor.files"
    local half=$(( ($(wc -l < "$WORK/floor.files") + 1) / 2 ))
    split -l "$half" "$WORK/floor.files" "$WORK/floor.part."
    for part in "$WORK"/floor.part.*; do (xargs cat < "$part" | cmark > /dev/null) & done
    wait
    rm -f "$WORK"/floor.part.*
    rm -rf "$WORK/floor-copy"
    cp -r "$corpus/loysite/content" "$WORK/floor-copy"
    rm -rf "$WORK/floor-copy"
}

GENERATOR_HASH=$(sha256sum bench/site-corpus.py | cut -c1-16)
CASES=""
for size in $SIZES; do
  for body in $BODIES; do
    # The digest of a size and body: `1000` for the 1k bodies (as recorded before the
    # styles existed), `1000/4k` for the others.
    key=$size
    [ "$body" = 1k ] || key="$size/$body"
    for style in $STYLES; do
    name="$size-$style-$body"
    CASES="$CASES $name:$key"
    corpus="$WORK/corpus-$name"
    if [ "$(cat "$corpus/.generator" 2>/dev/null)" != "$GENERATOR_HASH" ]; then
        echo "generating $size terms, $style front matter, $body bodies…" >&2
        python3 bench/site-corpus.py "$corpus" --terms "$size" --style "$style" --body "$body"
        echo "$GENERATOR_HASH" > "$corpus/.generator"
    fi
    rm -f "$WORK"/*-"$name".times "$WORK/loysite-$name.timings"
    runs=$RUNS
    [ "$size" -ge 50000 ] && runs=$RUNS_50K
    rm -rf "$WORK/site-$name" "$WORK/hugo-$name" "$WORK/.site-$name".loysite-*
    if [ "$OUTPUT" = kept ]; then
        "$LOYSITE" build --root "$corpus/loysite" --output "$WORK/site-$name" --quiet
        "$LOYSITE" build --root "$corpus/loysite" --output "$WORK/site-$name" --quiet  # now with a spare
        [ -z "$HUGO" ] || "$HUGO" --quiet -s "$corpus/hugo" -d "$WORK/hugo-$name" > /dev/null
    fi
    for i in $(seq "$runs"); do
        [ "$OUTPUT" = kept ] || rm -rf "$WORK/site-$name" "$WORK/hugo-$name"
        run loysite "$name" "$LOYSITE" build --root "$corpus/loysite" --output "$WORK/site-$name" --quiet --timings
        grep -E '^ +[a-z]+ +[0-9.]+ ms' "$WORK/loysite.err" >> "$WORK/loysite-$name.timings" || true
        if [ "$i" = 1 ]; then
            d=$(digest "$WORK/site-$name")
            echo "$d" > "$WORK/digest-$name"
            if [ -n "${RECORD_DIGESTS:-}" ]; then
                { grep -v "^$key " "$DIGESTS" 2>/dev/null || true; echo "$key $d"; } | sort -n > "$WORK/digests.new"
                mv "$WORK/digests.new" "$DIGESTS"
            fi
            if [ -n "${REFERENCE_BIN:-}" ]; then
                rm -rf "$WORK/reference-$name"
                "$REFERENCE_BIN" build --root "$corpus/loysite" --output "$WORK/reference-$name" --quiet 2>/dev/null
                if diff -r -q "$WORK/reference-$name" "$WORK/site-$name" > "$WORK/reference-$name.diff"; then
                    echo "$name: output identical to $REFERENCE_BIN" > "$WORK/reference-$name.result"
                else
                    echo "$name: output DIFFERS from $REFERENCE_BIN ($(wc -l < "$WORK/reference-$name.diff") files, see $WORK/reference-$name.diff)" > "$WORK/reference-$name.result"
                fi
                rm -rf "$WORK/reference-$name"
            fi
        fi
        if [ -n "$HUGO" ]; then
            [ "$OUTPUT" = kept ] || rm -rf "$WORK/site-$name" "$WORK/hugo-$name"
            run hugo "$name" "$HUGO" --quiet -s "$corpus/hugo" -d "$WORK/hugo-$name"
        fi
        if command -v cmark >/dev/null; then
            run floor "$name" bash -c "$(declare -f floor); WORK='$WORK'; floor '$corpus'"
        fi
    done
    rm -rf "$WORK/site-$name" "$WORK/hugo-$name" "$WORK/.site-$name".loysite-*
    done
  done
done

uptime >&2
echo "output folders: $OUTPUT (OUTPUT=fresh: deleted before each run; kept: each build over the last)"
python3 - "$WORK" "$DIGESTS" $CASES <<'PY'
import os, statistics, sys
work, digests_file, cases = sys.argv[1], sys.argv[2], [c.split(":") for c in sys.argv[3:]]
def load(name, case):
    path = f"{work}/{name}-{case}.times"
    if not os.path.exists(path): return None
    rows = [line.split() for line in open(path)]
    ms = [int(r[0]) for r in rows]
    cpu = [(float(r[1]) + float(r[2])) * 1000 / max(1, int(r[0])) for r in rows]
    kb = [int(r[3]) for r in rows]
    return {"med": statistics.median(ms) / 1000, "min": min(ms) / 1000, "max": max(ms) / 1000,
            "rss": statistics.median(kb) / 1024, "cpu": statistics.median(cpu), "n": len(ms)}
recorded = {}
if os.path.exists(digests_file):
    for line in open(digests_file):
        key, d = line.split()
        recorded[key] = d
print(f"{'terms':>6}  {'style':7}{'body':5}{'tool':8}{'median s':>9}  {'min–max s':>13}  {'/hugo':>6}  {'/floor':>6}  {'peak RSS MB':>11}  {'(user+sys)/wall':>15}  runs")
for case, _ in cases:
    size, style, body = case.split("-")
    l, h, f = load("loysite", case), load("hugo", case), load("floor", case)
    for name, r in (("loysite", l), ("hugo", h), ("floor", f)):
        if not r: continue
        to_hugo = f"{l['med'] / h['med']:.3f}" if (h and name == "loysite") else ""
        to_floor = f"{l['med'] / f['med']:.2f}" if (f and name == "loysite") else ""
        print(f"{size:>6}  {style:7}{body:5}{name:8}{r['med']:>9.2f}  {r['min']:>6.2f}–{r['max']:<6.2f}  {to_hugo:>6}  {to_floor:>6}  {r['rss']:>11.0f}  {r['cpu']:>15.2f}  {r['n']}")
print()
for case, _ in cases:
    path = f"{work}/loysite-{case}.timings"
    if not os.path.exists(path): continue
    steps = {}
    for line in open(path):
        parts = line.split()
        steps.setdefault(parts[0], []).append(float(parts[1]))
    print(f"loysite --timings, {case} (median ms): " + "  ".join(f"{k} {statistics.median(v):.0f}" for k, v in steps.items()))
print()
for case, key in cases:
    d = open(f"{work}/digest-{case}").read().strip()
    want = recorded.get(key)
    verdict = "no recorded digest" if not want else ("identical to the recorded digest" if want == d else f"DIFFERS from the recorded digest {want[:12]}…")
    print(f"output digest, {case}: {d[:16]}… {verdict} ({key})")
    ref = f"{work}/reference-{case}.result"
    if os.path.exists(ref): print(open(ref).read().strip())
PY
