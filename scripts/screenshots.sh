#!/usr/bin/env bash
# Screenshots of the demo site for the README (docs/screenshots/*.png): the home page, a
# report (tall enough for its first chart) and a term page, light and dark, at 1280 px,
# the search box answering "churn" (`?q=` fills it in), and three at phone width (390
# px), one of them the cohort triangle, which scrolls sideways there,
# taken with headless Chromium from a build of this repository's content/.
#
#     scripts/screenshots.sh [OUTPUT_FOLDER]    # default docs/screenshots
#
# Needs `chromium` (Debian). Builds with the debug binary (`swift build` first) unless
# $LOYSITE_BIN names another; the site is built into a temporary folder, never site/.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/screenshots}"
bin="${LOYSITE_BIN:-.build/debug/loysite}"
chromium="$(command -v chromium || command -v chromium-browser)"
work="$(mktemp -d /dev/shm/loysite-screenshots.XXXXXX 2>/dev/null || mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
"$bin" build --root . --output "$work/site" --quiet

# name  page  width,height  scheme
shots=(
  "home-light            index.html                                 1280,900  light"
  "home-dark             index.html                                 1280,900  dark"
  "report-light          reports/quarterly-loyalty-review/index.html 1280,1500 light"
  "report-dark           reports/quarterly-loyalty-review/index.html 1280,1500 dark"
  "term-light            glossary/net-promoter-score/index.html     1280,900  light"
  "term-dark             glossary/net-promoter-score/index.html     1280,900  dark"
  "search-light          glossary/index.html?q=churn                1280,900  light"
  "phone-home-light      index.html                                 390,844   light"
  "phone-glossary-dark   glossary/index.html                        390,844   dark"
  "phone-cohorts-dark    reports/cohort-retention/index.html        390,1700  dark"
)
for shot in "${shots[@]}"; do
  read -r name page size scheme <<<"$shot"
  flags=()
  # Chromium's dark mode makes prefers-color-scheme match "dark"; the theme does the rest.
  [ "$scheme" = dark ] && flags+=(--force-dark-mode --blink-settings=preferredColorScheme=0)
  [ "$scheme" = light ] && flags+=(--blink-settings=preferredColorScheme=1)
  "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars --virtual-time-budget=3000 --user-data-dir="$work/profile" \
    "${flags[@]}" --window-size="$size" --screenshot="$out/$name.png" "file://$work/site/$page" >/dev/null 2>&1
  echo "$out/$name.png"
done
