#!/usr/bin/env bash
# Benchmark of the datasets/metrics engine: `loysite metrics --json` (release build) over
# the UCI Online Retail export (541,909 rows), side by side with the same figures computed
# by pandas (bench/metrics_pandas.py). Runs alternate (loysite, pandas, loysite, …) so
# both see the same machine load; the table gives the median of RUNS runs of each: wall
# time, and peak resident memory from /usr/bin/time -v. Then both outputs are compared
# figure by figure (bench/metrics_compare.py).
#
#   bench/metrics.sh                 # RUNS=7
#   RUNS=3 SKIP_BUILD=1 bench/metrics.sh
#
# Everything it writes goes under /dev/shm. Needs python3 with pandas (pip install pandas).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-7}
SCRATCH=${SCRATCH:-.build-metrics}
CSV=$(realpath "${CSV:-../shared/data/online-retail/online-retail.csv}")
WORK=$(mktemp -d /dev/shm/loysite-metrics-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

[ -f "$CSV" ] || { echo "no export at $CSV (set CSV=…)"; exit 1; }
python3 -c 'import pandas' 2>/dev/null || { echo "pandas is missing: pip install pandas"; exit 1; }
if [ -z "${SKIP_BUILD:-}" ]; then
    swift build -c release --scratch-path "$SCRATCH" --product loysite >&2
fi
LOYSITE="$SCRATCH/release/loysite"

mkdir -p "$WORK/root/content/data"
# Copied, not linked: datasets are read only from inside the site root (in /dev/shm, so
# it costs no disk).
cp "$CSV" "$WORK/root/content/data/online-retail.csv"
cp bench/metrics-online-retail.yml "$WORK/root/content/data/online-retail.yml"

# run NAME COMMAND… : one timed run; appends "seconds kilobytes" to $WORK/NAME.times.
run() {
    local name=$1; shift
    local start end
    start=$(date +%s%N)
    /usr/bin/time -v -o "$WORK/$name.time" "$@" > "$WORK/$name.json"
    end=$(date +%s%N)
    local rss
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/$name.time")
    echo "$(( (end - start) / 1000000 )) $rss" >> "$WORK/$name.times"
}

for _ in $(seq "$RUNS"); do
    run loysite "$LOYSITE" metrics --root "$WORK/root" --json
    run pandas python3 bench/metrics_pandas.py "$CSV"
done

python3 - "$WORK" "$RUNS" <<'PY'
import statistics, sys
work, runs = sys.argv[1], sys.argv[2]
def load(name):
    rows = [tuple(map(int, line.split())) for line in open(f"{work}/{name}.times")]
    return statistics.median(r[0] for r in rows), statistics.median(r[1] for r in rows), rows
l_ms, l_kb, l_rows = load("loysite")
p_ms, p_kb, p_rows = load("pandas")
print(f"median of {runs} alternating runs, 541,909 rows")
print(f"{'':24}{'wall (ms)':>10}{'peak RSS (MB)':>15}")
print(f"{'loysite metrics --json':24}{l_ms:>10.0f}{l_kb / 1024:>15.1f}")
print(f"{'pandas':24}{p_ms:>10.0f}{p_kb / 1024:>15.1f}")
print(f"loysite / pandas: {l_ms / p_ms:.2f} of the wall time, {l_kb / p_kb:.2f} of the memory")
print("all runs (ms, KB): loysite", [r for r in l_rows], " pandas", [r for r in p_rows])
PY
python3 bench/metrics_compare.py "$WORK/loysite.json" "$WORK/pandas.json"
