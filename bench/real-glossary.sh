#!/usr/bin/env bash
# Build benchmark on a real glossary: the CNCF Cloud Native Glossary of ../shared/data
# copied to about 10,000 terms (bench/real-glossary.py), built by loysite (release) and by
# Hugo side by side in alternating runs. Its front matter and bodies are as their authors
# wrote them — a shape the team did not choose, unlike bench/site-corpus.py's — so this is
# the check that the speed measured on the generated corpus carries over.
#
#   bench/real-glossary.sh                        # COPIES=124 RUNS=5
#   LOYSITE=/path/to/loysite SKIP_BUILD=1 bench/real-glossary.sh
#
# Prints the median and min–max wall time of each, loysite/Hugo, the median peak RSS,
# loysite's per-step timings (--timings, medians), and how many warnings loysite gave
# (the corpus has one Hugo shortcode that loysite leaves out with a warning). Everything
# it writes goes under /dev/shm. Hugo: apt-get install -y hugo.
set -euo pipefail
cd "$(dirname "$0")/.."
COPIES=${COPIES:-124}
RUNS=${RUNS:-5}
SCRATCH=${SCRATCH:-.build}
WORK=${WORK:-/dev/shm/loysite-real-glossary}
mkdir -p "$WORK"
if [ -z "${SKIP_BUILD:-}" ] && [ -z "${LOYSITE:-}" ]; then
    swift build -c release --scratch-path "$SCRATCH" --product loysite >&2
fi
LOYSITE=$(realpath "${LOYSITE:-$SCRATCH/release/loysite}")
HUGO=$(command -v hugo || true)
[ -n "$HUGO" ] || echo "hugo is not installed (apt-get install -y hugo): loysite only" >&2

corpus="$WORK/corpus-$COPIES"
stamp=$(sha256sum bench/real-glossary.py bench/site-corpus.py | sha256sum | cut -c1-16)
if [ "$(cat "$corpus/.generator" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$corpus"
    python3 bench/real-glossary.py "$corpus" --copies "$COPIES"
    echo "$stamp" > "$corpus/.generator"
fi
rm -f "$WORK"/*.times "$WORK/loysite.timings"

# run NAME COMMAND… : one timed run; appends "ms kb" to $WORK/NAME.times.
run() {
    local name=$1; shift
    local start end
    start=$(date +%s%N)
    /usr/bin/time -v -o "$WORK/$name.time" "$@" > "$WORK/$name.out" 2> "$WORK/$name.err" || {
        echo "$name failed:"; tail -20 "$WORK/$name.err"; exit 1; }
    end=$(date +%s%N)
    awk -v ms=$(( (end - start) / 1000000 )) -F': ' '/Maximum resident set size/ {k=$2} END {print ms, k}' \
        "$WORK/$name.time" >> "$WORK/$name.times"
}

for _ in $(seq "$RUNS"); do
    rm -rf "$WORK/site" "$WORK/hugo-site"
    run loysite "$LOYSITE" build --root "$corpus/loysite" --output "$WORK/site" --timings
    grep -E '^ +[a-z]+ +[0-9.]+ ms' "$WORK/loysite.err" >> "$WORK/loysite.timings" || true
    grep -c ': warning: ' "$WORK/loysite.err" > "$WORK/loysite.warnings" || true
    terms=$(find "$WORK/site/glossary" -mindepth 2 -name index.html | wc -l)
    if [ -n "$HUGO" ]; then
        rm -rf "$WORK/site" "$WORK/hugo-site"
        run hugo "$HUGO" --quiet -s "$corpus/hugo" -d "$WORK/hugo-site"
    fi
done
rm -rf "$WORK/site" "$WORK/hugo-site"
uptime >&2
python3 - "$WORK" "$terms" <<'PY'
import os, statistics, sys
work, terms = sys.argv[1], sys.argv[2]
def load(name):
    path = f"{work}/{name}.times"
    if not os.path.exists(path): return None
    rows = [line.split() for line in open(path)]
    ms = [int(r[0]) for r in rows]
    return {"med": statistics.median(ms) / 1000, "min": min(ms) / 1000, "max": max(ms) / 1000,
            "rss": statistics.median(int(r[1]) for r in rows) / 1024, "n": len(ms)}
l, h = load("loysite"), load("hugo")
print(f"real glossary (CNCF, copied), {terms} term pages written by loysite")
print(f"{'tool':8}{'median s':>9}  {'min–max s':>13}  {'/hugo':>6}  {'peak RSS MB':>11}  runs")
for name, r in (("loysite", l), ("hugo", h)):
    if not r: continue
    ratio = f"{l['med'] / h['med']:.3f}" if (h and name == "loysite") else ""
    print(f"{name:8}{r['med']:>9.2f}  {r['min']:>6.2f}–{r['max']:<6.2f}  {ratio:>6}  {r['rss']:>11.0f}  {r['n']}")
steps = {}
for line in open(f"{work}/loysite.timings"):
    parts = line.split()
    steps.setdefault(parts[0], []).append(float(parts[1]))
print("loysite --timings (median ms): " + "  ".join(f"{k} {statistics.median(v):.0f}" for k, v in steps.items()))
print("loysite warnings: " + open(f"{work}/loysite.warnings").read().strip())
PY
