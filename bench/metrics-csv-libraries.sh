#!/usr/bin/env bash
# Why loysite reads CSV with its own parser: the same task (every record of the 541,909-row
# export; four fields per row into Strings, distinct customers and invoices, Σ quantity ×
# price) done by loysite's CSVReader (the very file, linked into the side package) and
# by SwiftCSV 0.10.0 and CSV.swift 2.5.2. Median of RUNS alternating runs: wall time and
# peak RSS. All three must print the same totals.
#
#   bench/metrics-csv-libraries.sh        # RUNS=5
set -euo pipefail
cd "$(dirname "$0")/metrics-csv-libraries"
RUNS=${RUNS:-5}
CSV=$(realpath "${CSV:-../../../shared/data/online-retail/online-retail.csv}")
WORK=$(mktemp -d /dev/shm/loysite-csv-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

swift build -c release --scratch-path .build-metrics >&2
BIN=.build-metrics/release/csvbench
READERS="hand swiftcsv csvswift"
for _ in $(seq "$RUNS"); do
    for reader in $READERS; do
        start=$(date +%s%N)
        /usr/bin/time -v -o "$WORK/$reader.time" "$BIN" "$reader" "$CSV" > "$WORK/$reader.out"
        end=$(date +%s%N)
        echo "$(( (end - start) / 1000000 )) $(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/$reader.time")" >> "$WORK/$reader.times"
    done
done
python3 - "$WORK" "$RUNS" $READERS <<'PY'
import statistics, sys
work, runs, readers = sys.argv[1], sys.argv[2], sys.argv[3:]
names = {"hand": "loysite CSVReader (hand-written)", "swiftcsv": "SwiftCSV 0.10.0", "csvswift": "CSV.swift 2.5.2"}
print(f"median of {runs} alternating runs")
print(f"{'':34}{'wall (ms)':>10}{'peak RSS (MB)':>15}")
for r in readers:
    rows = [tuple(map(int, line.split())) for line in open(f"{work}/{r}.times")]
    print(f"{names[r]:34}{statistics.median(x[0] for x in rows):>10.0f}{statistics.median(x[1] for x in rows) / 1024:>15.1f}")
outputs = {r: open(f"{work}/{r}.out").read() for r in readers}
print("totals:", outputs["hand"].strip())
print("all readers agree" if len(set(outputs.values())) == 1 else f"READERS DISAGREE: {outputs}")
PY
