#!/usr/bin/env bash
# Installs what the tests need on a fresh Debian machine with Swift, and nothing that is
# already there: the C libraries the build links (libcmark, jemalloc, NLopt), the site
# validators (tidy, xmllint), the cmark CLI (the CommonMark conformance oracle), headless
# Chromium and its driver for the browser tests, and selenium and pytest from PyPI.
# Used by the README's test command and by .ci/run. Run as root (or with sudo).
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
packages="libcmark-dev libjemalloc-dev libnlopt-dev tidy libxml2-utils cmark chromium chromium-driver python3-pip"
# shellcheck disable=SC2086
if ! dpkg -s $packages >/dev/null 2>&1; then
    apt-get update
    apt-get install -y $packages
fi
# Debian's own python3 refuses a plain pip install (PEP 668); a python3 of one's own does not.
pip_install() { python3 -m pip install "$@" || python3 -m pip install --break-system-packages "$@"; }
python3 -c 'import selenium, pytest' 2>/dev/null || pip_install selenium pytest
# axe-core for Tests/browser/test_accessibility.py: only the axe.min.js this package
# bundles is used, so its Playwright dependency is not installed.
python3 -c 'import importlib.util, sys; sys.exit(importlib.util.find_spec("axe_playwright_python") is None)' \
    || pip_install --no-deps axe-playwright-python
