#!/usr/bin/env bash
# Fuzzes front matter + Markdown + chart and metric blocks (+ a CSV or JSON dataset, its
# sidecar and a site.yml) for a bounded time with libFuzzer. See fuzz/FuzzPage.swift for
# the input format and the invariants checked. Inputs up to 512 KiB, with generated seeds
# of long lines and long lists (fuzz/long-seeds.py), so quadratic readers time out.
#
# Usage: fuzz/run.sh [seconds]     (default 60)
# Seeds: fuzz/seeds/ (committed) and $LOYSITE_FUZZ_DIR/seeds-long (generated). Everything else — the build, the growing corpus, the
# log and any crashing input (findings/crash-…) — goes under $LOYSITE_FUZZ_DIR,
# default /dev/shm/loysite-fuzz, never into the repository.
# Reproduce a finding: /dev/shm/loysite-fuzz/loysite-fuzz-page /dev/shm/loysite-fuzz/findings/crash-…
set -euo pipefail
seconds="${1:-60}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="${LOYSITE_FUZZ_DIR:-/dev/shm/loysite-fuzz}"
export LOYSITE_FUZZ_DIR="$work"
binary="$work/loysite-fuzz-page"
mkdir -p "$work/corpus" "$work/findings"
python3 "$repo/fuzz/long-seeds.py" "$work/seeds-long"
# Rebuild when any source the target is made of is newer than the binary.
if [ ! -x "$binary" ] || [ -n "$(find "$repo/Sources" "$repo/fuzz" "$repo/Tests/LoysiteTesting/ExecutableMarkup.swift" -newer "$binary" -name '*.swift' -print -quit)" ]; then
  "$repo/fuzz/build.sh" >/dev/null 2>&1 || { echo "fuzz/build.sh failed" >&2; exit 1; }
fi
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="detect_leaks=0:allocator_may_return_null=1:${ASAN_OPTIONS:-}"
log="$work/run.log"
status=0
"$binary" "$work/corpus" "$repo/fuzz/seeds" "$work/seeds-long" \
  -dict="$repo/fuzz/loysite.dict" -max_total_time="$seconds" -max_len=524288 -timeout=10 \
  -rss_limit_mb=2048 -artifact_prefix="$work/findings/" -print_final_stats=1 >"$log" 2>&1 || status=$?
grep -E '^#[0-9]+[[:space:]].*cov:' "$log" | tail -1 || true
grep -E '^(stat::|Done )' "$log" | tail -12 || true
findings=$(find "$work/findings" -type f | wc -l)
echo "findings: $findings in $work/findings (log: $log)"
if [ "$status" -ne 0 ] || [ "$findings" -ne 0 ]; then
  grep -E 'ERROR|Fatal error|SUMMARY|==[0-9]+==' "$log" | head -20
  exit 1
fi
