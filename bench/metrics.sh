#!/usr/bin/env bash
# Benchmark of the datasets/metrics engine at scale: `loysite metrics --json` (release
# build) against polars, DuckDB and pandas computing the same figures
# (bench/metrics_{polars,duckdb,pandas}.py: needed columns only, exact decimals) over
# the UCI Online Retail export (541,909 rows) replicated 1, 5 and 20 times
# (bench/replicate_export.py: invoice and customer ids offset per copy, so orders and
# customers grow with the rows). Runs alternate (loysite, polars, duckdb, pandas,
# loysite, …) so all see the same machine load; the table gives per tool the median and
# min–max of RUNS runs: wall time, CPU time (user + system, all threads) and peak
# resident memory from /usr/bin/time. The I/O floor is `cat FILE > /dev/null`. Then every
# tool's output is compared with loysite's, figure by figure (bench/metrics_compare.py).
#
#   bench/metrics.sh                          # RUNS=3, COPIES="1 5 20"
#   RUNS=5 COPIES="1" SKIP_BUILD=1 bench/metrics.sh
#   TOOLS="loysite loysite-json" COPIES=1 bench/metrics.sh   # loysite on the export as JSON too
#
# `loysite-json` is loysite reading the same rows as a JSON dataset (written by
# bench/metrics_json_export.py, not timed), compared with loysite's figures from the CSV.
#
# Everything it writes goes under /dev/shm (about 1 GB at 20 copies). Needs python3 with
# polars, duckdb and pandas (pip install polars duckdb pandas).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-3}
COPIES=${COPIES:-1 5 20}
TOOLS=${TOOLS:-loysite polars duckdb pandas}
CSV=$(realpath "${CSV:-../shared/data/online-retail/online-retail.csv}")
WORK=$(mktemp -d /dev/shm/loysite-metrics-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

[ -f "$CSV" ] || { echo "no export at $CSV (set CSV=…)"; exit 1; }
python3 -c 'import polars, duckdb, pandas' 2>/dev/null || { echo "missing peers: pip install polars duckdb pandas"; exit 1; }
if [ -z "${SKIP_BUILD:-}" ]; then
    swift build -c release --product loysite >&2
fi
LOYSITE=$(swift build -c release --show-bin-path)/loysite

# run SIZE NAME COMMAND… : one timed run; appends "wall_ms cpu_ms rss_kb" to SIZE-NAME.times.
run() {
    local size=$1 name=$2; shift 2
    local start end
    start=$(date +%s%N)
    /usr/bin/time -f "%U %S %M" -o "$WORK/$size-$name.time" "$@" > "$WORK/$size-$name.json"
    end=$(date +%s%N)
    read -r user system rss < "$WORK/$size-$name.time"
    echo "$(( (end - start) / 1000000 )) $(python3 -c "print(round(($user + $system) * 1000))") $rss" >> "$WORK/$size-$name.times"
}

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores" > "$WORK/load"
for copies in $COPIES; do
    root="$WORK/root-$copies"
    mkdir -p "$root/content/data"
    # Written inside the site root: datasets are read only from there.
    data="$root/content/data/online-retail.csv"
    python3 bench/replicate_export.py "$CSV" "$copies" "$data"
    cp bench/metrics-online-retail.yml "$root/content/data/online-retail.yml"
    if [[ " $TOOLS " == *" loysite-json "* ]]; then
        mkdir -p "$root-json/content/data"
        python3 bench/metrics_json_export.py "$data" "$root-json/content/data/online-retail.json"
        cp bench/metrics-online-retail.yml "$root-json/content/data/online-retail.yml"
    fi
    for _ in $(seq "$RUNS"); do
        run "$copies" cat cat "$data"
        for tool in $TOOLS; do
            case $tool in
                loysite) run "$copies" loysite "$LOYSITE" metrics --root "$root" --json ;;
                loysite-json) run "$copies" loysite-json "$LOYSITE" metrics --root "$root-json" --json ;;
                *) run "$copies" "$tool" python3 "bench/metrics_$tool.py" "$data" ;;
            esac
        done
    done
    echo "$copies $(stat -c %s "$data") $(( $(wc -l < "$data") - 1 ))" >> "$WORK/sizes"
    rm -rf "$data" "$root-json"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$WORK/load"

python3 - "$WORK" "$RUNS" "cat $TOOLS" <<'PY'
import statistics, sys
work, runs, tools = sys.argv[1], sys.argv[2], sys.argv[3].split()
print(open(f"{work}/load").read().strip().replace("\n", "; "))
print(f"median (min–max) of {runs} alternating runs; wall s / CPU s / peak RSS MB")
for line in open(f"{work}/sizes"):
    copies, size, rows = map(int, line.split())
    print(f"\n{copies}× export: {rows:,} rows, {size / 1e6:,.0f} MB")
    medians = {}
    for tool in tools:
        rows_ = [tuple(map(int, l.split())) for l in open(f"{work}/{copies}-{tool}.times")]
        wall, cpu, rss = ([r[i] for r in rows_] for i in range(3))
        medians[tool] = statistics.median(wall)
        name = "cat > /dev/null (I/O)" if tool == "cat" else tool
        print(f"  {name:24}{statistics.median(wall) / 1000:7.2f} s ({min(wall) / 1000:.2f}–{max(wall) / 1000:.2f})"
              f"  CPU {statistics.median(cpu) / 1000:6.2f} s  {statistics.median(rss) / 1024:7.0f} MB")
    if "loysite" in medians:
        peers = [t for t in tools if t not in ("cat", "loysite")]
        print("  " + ", ".join(f"{t} / loysite: {medians[t] / medians['loysite']:.2f}×" for t in peers))
        # Run i of every tool ran back to back: the faster peer of round i over loysite's
        # time in round i, so that one busy minute does not decide a ratio.
        walls = {t: [int(l.split()[0]) for l in open(f"{work}/{copies}-{t}.times")] for t in ["loysite"] + peers}
        rivals = [t for t in peers if t in ("polars", "duckdb")] or peers
        if rivals:
            rounds = [min(walls[t][i] for t in rivals) / walls["loysite"][i] for i in range(len(walls["loysite"]))]
            print(f"  faster of {' and '.join(rivals)} / loysite, per round: " + " ".join(f"{r:.2f}×" for r in rounds)
                  + f" (median {statistics.median(rounds):.2f}×, min {min(rounds):.2f}×)")
PY
status=0
for copies in $COPIES; do
    for tool in $TOOLS; do
        [ "$tool" = loysite ] && continue
        printf '%s× %s against loysite: ' "$copies" "$tool"
        python3 bench/metrics_compare.py "$WORK/$copies-loysite.json" "$WORK/$copies-$tool.json" | tail -1 || status=1
    done
done
exit $status
