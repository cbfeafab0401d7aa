#!/usr/bin/env bash
# Build benchmark: `loysite build` (release) against Hugo on the same synthetic glossary
# (bench/site-corpus.py: N terms with aliases, related terms, wikilinks and varied
# Markdown, 20 reports with chart and metric blocks, an orders and a responses dataset;
# Hugo gets the same Markdown bodies and comparable templates: a term page with aliases,
# related links and previous/next, an A–Z list page with summaries).
#
# Runs alternate (loysite, hugo, loysite, …) so both see the same machine load. For each
# size the table gives the median and min–max wall time, loysite/Hugo, the median peak
# resident memory (/usr/bin/time -v) and (user+sys)/wall, how many cores were kept busy;
# then loysite's own per-step timings (--timings, medians).
#
# Output must not change when loysite gets faster: the digest of every output file of
# the first loysite run of each size is compared with bench/site-digests.txt (recorded
# from the build before the optimisations; RECORD_DIGESTS=1 rewrites it), and with
# REFERENCE_BIN=/path/to/other/loysite the same corpus is also built by that binary and
# the two outputs compared.
#
#   bench/site.sh                          # SIZES="1000 10000 50000", RUNS=5 (3 at 50k)
#   SIZES=10000 RUNS=7 SKIP_BUILD=1 bench/site.sh
#   NO_HUGO=1 bench/site.sh                # loysite only
#
# Everything it writes (corpora, built sites, logs) goes under /dev/shm. Hugo: apt-get
# install -y hugo (Debian's 0.111 was the reference of issue 7).
set -euo pipefail
cd "$(dirname "$0")/.."

SIZES=${SIZES:-"1000 10000 50000"}
RUNS=${RUNS:-5}
RUNS_50K=${RUNS_50K:-3}
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

GENERATOR_HASH=$(sha256sum bench/site-corpus.py | cut -c1-16)
for size in $SIZES; do
    corpus="$WORK/corpus-$size"
    if [ "$(cat "$corpus/.generator" 2>/dev/null)" != "$GENERATOR_HASH" ]; then
        echo "generating $size terms…" >&2
        python3 bench/site-corpus.py "$corpus" --terms "$size"
        echo "$GENERATOR_HASH" > "$corpus/.generator"
    fi
    rm -f "$WORK"/*-"$size".times "$WORK/loysite-$size.timings"
    runs=$RUNS
    [ "$size" -ge 50000 ] && runs=$RUNS_50K
    for i in $(seq "$runs"); do
        rm -rf "$WORK/site-$size" "$WORK/hugo-$size"
        run loysite "$size" "$LOYSITE" build --root "$corpus/loysite" --output "$WORK/site-$size" --quiet --timings
        grep -E '^ +[a-z]+ +[0-9.]+ ms' "$WORK/loysite.err" >> "$WORK/loysite-$size.timings" || true
        if [ "$i" = 1 ]; then
            d=$(digest "$WORK/site-$size")
            echo "$d" > "$WORK/digest-$size"
            if [ -n "${RECORD_DIGESTS:-}" ]; then
                { grep -v "^$size " "$DIGESTS" 2>/dev/null || true; echo "$size $d"; } | sort -n > "$WORK/digests.new"
                mv "$WORK/digests.new" "$DIGESTS"
            fi
            if [ -n "${REFERENCE_BIN:-}" ]; then
                rm -rf "$WORK/reference-$size"
                "$REFERENCE_BIN" build --root "$corpus/loysite" --output "$WORK/reference-$size" --quiet 2>/dev/null
                if diff -r -q "$WORK/reference-$size" "$WORK/site-$size" > "$WORK/reference-$size.diff"; then
                    echo "$size: output identical to $REFERENCE_BIN" > "$WORK/reference-$size.result"
                else
                    echo "$size: output DIFFERS from $REFERENCE_BIN ($(wc -l < "$WORK/reference-$size.diff") files, see $WORK/reference-$size.diff)" > "$WORK/reference-$size.result"
                fi
                rm -rf "$WORK/reference-$size"
            fi
        fi
        if [ -n "$HUGO" ]; then
            rm -rf "$WORK/site-$size" "$WORK/hugo-$size"
            run hugo "$size" "$HUGO" --quiet -s "$corpus/hugo" -d "$WORK/hugo-$size"
        fi
    done
    rm -rf "$WORK/site-$size" "$WORK/hugo-$size"
done

python3 - "$WORK" "$DIGESTS" $SIZES <<'PY'
import os, statistics, sys
work, digests_file, sizes = sys.argv[1], sys.argv[2], sys.argv[3:]
def load(name, size):
    path = f"{work}/{name}-{size}.times"
    if not os.path.exists(path): return None
    rows = [line.split() for line in open(path)]
    ms = [int(r[0]) for r in rows]
    cpu = [(float(r[1]) + float(r[2])) * 1000 / int(r[0]) for r in rows]
    kb = [int(r[3]) for r in rows]
    return {"med": statistics.median(ms) / 1000, "min": min(ms) / 1000, "max": max(ms) / 1000,
            "rss": statistics.median(kb) / 1024, "cpu": statistics.median(cpu), "n": len(ms)}
recorded = {}
if os.path.exists(digests_file):
    for line in open(digests_file):
        size, d = line.split()
        recorded[size] = d
print(f"{'terms':>6}  {'tool':8}{'median s':>9}  {'min–max s':>13}  {'loysite/hugo':>12}  {'peak RSS MB':>11}  {'(user+sys)/wall':>15}  runs")
for size in sizes:
    l, h = load("loysite", size), load("hugo", size)
    for name, r in (("loysite", l), ("hugo", h)):
        if not r: continue
        ratio = f"{l['med'] / h['med']:.3f}" if (h and name == "loysite") else ""
        print(f"{size:>6}  {name:8}{r['med']:>9.2f}  {r['min']:>6.2f}–{r['max']:<6.2f}  {ratio:>12}  {r['rss']:>11.0f}  {r['cpu']:>15.2f}  {r['n']}")
print()
for size in sizes:
    path = f"{work}/loysite-{size}.timings"
    if not os.path.exists(path): continue
    steps = {}
    for line in open(path):
        parts = line.split()
        steps.setdefault(parts[0], []).append(float(parts[1]))
    print(f"loysite --timings, {size} terms (median ms): " + "  ".join(f"{k} {statistics.median(v):.0f}" for k, v in steps.items()))
print()
for size in sizes:
    d = open(f"{work}/digest-{size}").read().strip()
    want = recorded.get(size)
    verdict = "no recorded digest" if not want else ("identical to the recorded digest" if want == d else f"DIFFERS from the recorded digest {want[:12]}…")
    print(f"output digest, {size} terms: {d[:16]}… {verdict}")
    ref = f"{work}/reference-{size}.result"
    if os.path.exists(ref): print(open(ref).read().strip())
PY
