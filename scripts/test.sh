#!/usr/bin/env bash
# The whole test suite: the Swift tests, then the browser tests (Tests/browser), which
# drive headless Chromium over sites built by the debug binary `swift test` just built.
# Fails if either fails, or if pytest finds no browser test to run (its exit status 5),
# which would otherwise pass a broken checkout in silence.
set -uo pipefail
cd "$(dirname "$0")/.."
swift test || exit $?
LOYSITE_BIN="$(swift build --show-bin-path)/loysite" python3 -m pytest Tests/browser -q -rs
status=$?
if [ "$status" -eq 5 ]; then
    echo "scripts/test.sh: pytest collected no browser tests in Tests/browser" >&2
    exit 1
fi
exit "$status"
