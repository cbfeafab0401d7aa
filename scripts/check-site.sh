#!/usr/bin/env bash
# Checks a built site the way a browser and a validator would: every HTML page with
# tidy (errors and warnings), every SVG inside pages and every XML file with xmllint,
# every JSON file with python's json module. Prints each problem; exits 1 if any.
# Usage: scripts/check-site.sh [site-folder]   (needs: tidy, libxml2-utils, python3)
set -u
site="${1:-site}"
[ -d "$site" ] || { echo "no such folder: $site"; exit 1; }
status=0
while IFS= read -r -d '' page; do
  out=$(tidy -errors -q "$page" 2>&1)
  if [ -n "$out" ]; then echo "$out" | sed "s|^|$page: |"; status=1; fi
done < <(find "$site" -name '*.html' -print0 | sort -z)
while IFS= read -r -d '' file; do
  xmllint --noout "$file" || status=1
done < <(find "$site" \( -name '*.xml' -o -name '*.svg' \) -print0 | sort -z)
python3 - "$site" <<'PY' || status=1
import json, pathlib, re, subprocess, sys
site = pathlib.Path(sys.argv[1])
bad = 0
for path in sorted(site.rglob("*.json")):
    try:
        json.loads(path.read_text(encoding="utf-8"))
    except Exception as error:
        print(f"{path}: invalid JSON: {error}"); bad = 1
svg = re.compile(r"<svg\b.*?</svg>", re.S)
for path in sorted(site.rglob("*.html")):
    for number, match in enumerate(svg.finditer(path.read_text(encoding="utf-8")), 1):
        result = subprocess.run(["xmllint", "--noout", "-"], input=match.group(0).encode(), capture_output=True)
        if result.returncode != 0:
            print(f"{path}: SVG #{number} is not well-formed XML:\n{result.stderr.decode()}"); bad = 1
sys.exit(bad)
PY
exit $status
