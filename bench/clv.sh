#!/usr/bin/env bash
# Benchmark of the customer-lifetime-value block (BG/NBD + Gamma-Gamma fits, P(alive),
# E[Y], CLV, deciles, RFM): `loysite metrics --json` (release build) on the same data with
# and without a `clv:` block in the sidecar, alternating runs, medians of RUNS runs of
# wall time and of CPU time (user + system; the fits use both cores, and CPU time is
# what a loaded machine still measures fairly). Two inputs:
#   - the UCI Online Retail export (541,909 rows; the BG/NBD fit there is a boundary
#     maximum, so the boundary check runs in full);
#   - a synthetic file of CUSTOMERS customers (default 1,000,000) drawn from the models
#     themselves (bench/clv-synthetic.py), with an interior maximum.
#
#   bench/clv.sh                     # RUNS=5
#   RUNS=3 SKIP_BUILD=1 CUSTOMERS=200000 bench/clv.sh
#
# Everything it writes goes under /dev/shm.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
CUSTOMERS=${CUSTOMERS:-1000000}
UCI=$(realpath "${CSV:-../shared/data/online-retail/online-retail.csv}")
SYNTHETIC=/dev/shm/loysite-clv-synthetic-$CUSTOMERS.csv
WORK=$(mktemp -d /dev/shm/loysite-clv-bench.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

if [ -z "${SKIP_BUILD:-}" ]; then
    swift build -c release --product loysite >&2
fi
LOYSITE=.build/release/loysite
[ -f "$SYNTHETIC" ] || python3 bench/clv-synthetic.py "$CUSTOMERS" > "$SYNTHETIC"

# site NAME CSV SIDECAR: a site root with one dataset.
site() {
    mkdir -p "$WORK/$1/content/data"
    cp "$2" "$WORK/$1/content/data/data.csv"   # a link out of the root would be refused
    printf '%b' "$3" > "$WORK/$1/content/data/data.yml"
}
retail=$(cat bench/metrics-online-retail.yml)
site uci-plain "$UCI" "$retail\n"
site uci-clv "$UCI" "$retail\nobservation_end: 2011-12-09\nclv:\n  unit: week\n"
site synthetic-plain "$SYNTHETIC" "kind: orders\nperiod: month\n"
site synthetic-clv "$SYNTHETIC" "kind: orders\nperiod: month\nobservation_end: 2025-12-31\nclv:\n  unit: week\n"

# run NAME: one timed run; appends "wall cpu" (seconds) to $WORK/NAME.times.
run() {
    /usr/bin/time -f "%e %U %S" -o "$WORK/$1.time" "$LOYSITE" metrics --root "$WORK/$1" --json > "$WORK/$1.json" 2> "$WORK/$1.err"
    awk '{ printf "%s %.2f\n", $1, $2 + $3 }' "$WORK/$1.time" >> "$WORK/$1.times"
}
median() { sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

for input in uci synthetic; do
    for _ in $(seq "$RUNS"); do run "$input-plain"; run "$input-clv"; done
done

printf '%-22s %10s %10s\n' "input" "wall (s)" "cpu (s)"
for name in uci-plain uci-clv synthetic-plain synthetic-clv; do
    printf '%-22s %10s %10s\n' "$name" "$(cut -d' ' -f1 "$WORK/$name.times" | median)" "$(cut -d' ' -f2 "$WORK/$name.times" | median)"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo
echo "warnings of the clv runs:"
cat "$WORK/uci-clv.err" "$WORK/synthetic-clv.err"
python3 - "$WORK/synthetic-clv.json" <<'PY'
import json, sys
clv = json.load(open(sys.argv[1]))["datasets"]["data"]["clv"]
print("synthetic fit:", {k: round(v, 4) for k, v in clv["bgnbd"].items()}, {k: round(v, 4) for k, v in clv["gamma_gamma"].items()})
print("customers", clv["customers"], "repeat", clv["repeat_customers"], "clv_mean", round(clv["clv_mean"], 4))
PY
