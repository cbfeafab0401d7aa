#!/usr/bin/env bash
# Incremental rebuilds (`loysite serve`'s BuildSession) against full builds, on the
# benchmark corpus (bench/site-corpus.py). One term of a copy of the corpus is edited —
# its body (with a new mention, so backlinks change), its summary, its title, its
# aliases, its related terms; a new term is added, then deleted — and after
# each edit the session rebuilds and a fresh full build is made; the two outputs are
# compared byte for byte (diff -r) and the times printed with their ratio.
#
#   bench/site-incremental.sh            # SIZE=10000 RUNS=3
#   SIZE=50000 SKIP_BUILD=1 bench/site-incremental.sh
#
# Everything it writes goes under /dev/shm.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE=${SIZE:-10000}
RUNS=${RUNS:-3}
WORK=${WORK:-/dev/shm/loysite-site-bench}
SCRATCH=${SCRATCH:-.build}
if [ -z "${SKIP_BUILD:-}" ]; then
    swift build -c release --scratch-path "$SCRATCH" --product IncrementalBench >&2
fi
corpus="$WORK/corpus-$SIZE"
[ -d "$corpus/loysite" ] || python3 bench/site-corpus.py "$corpus" --terms "$SIZE"
run="$WORK/incremental-$SIZE"
rm -rf "$run"
mkdir -p "$run"
cp -r "$corpus/loysite" "$run/root"

coproc BENCH { "$SCRATCH/release/IncrementalBench" "$run/root" "$RUNS"; }
while IFS= read -r line <&"${BENCH[0]}"; do
    echo "$line"
    case "$line" in
        edit*)
            if diff -r -q "$run/served" "$run/fresh" > "$run/diff.txt"; then
                echo "  output: identical to the full build"
            else
                echo "  output: DIFFERS from the full build ($(wc -l < "$run/diff.txt") files, see $run/diff.txt)"
            fi
            echo >&"${BENCH[1]}"
            ;;
    esac
done
wait 2>/dev/null || true
rm -rf "$run"
