#!/usr/bin/env python3
"""Linear-time check of loysite's readers on one-line inputs (issue 17, item 1).

For each reader it writes a site whose one long line holds n, 10n and 100n values, runs
`loysite check` on it (least CPU time of RUNS), subtracts the time of the same site
without the long line, and prints the ratios t(10n)/t(n) and t(100n)/t(10n): about 10 when the
reader is linear, about 100 when it rescans the line for every value (a minified 1 MB
JSON dataset once took 88 s, a one-line list of 100,000 aliases 25 s).

    bench/linear-readers.py                       # builds release, then measures
    LOYSITE=.build/debug/loysite bench/linear-readers.py
    READERS="json-dataset csv-wide" RUNS=5 bench/linear-readers.py

Sites are written under /dev/shm/loysite-linear-readers (WORK to change it).
"""
import os
import shutil
import subprocess
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.environ.get("WORK", "/dev/shm/loysite-linear-readers")
RUNS = int(os.environ.get("RUNS", "3"))

TERM = "---\ntitle: Base\n---\nA definition.\n"


def json_dataset(n):
    rows = ",".join('{"order_id":"%d","customer_id":"c%d","date":"2025-%02d-%02d","amount":%d.25}' % (i, i % 977, 1 + i % 12, 1 + i % 28, i % 90) for i in range(n))
    return {"content/data/orders.json": "[" + rows + "]", "content/data/orders.yml": "kind: orders\n"}


def csv_wide(n):
    return {"content/data/wide.csv": ",".join("c%d" % i for i in range(n)) + "\n" + ",".join(str(i) for i in range(n)) + "\n"}


def aliases_flow(n):
    return {"content/glossary/many.md": "---\ntitle: Many\naliases: [" + ", ".join("a%d" % i for i in range(n)) + "]\n---\nBody.\n"}


def aliases_quoted_flow(n):
    # Quoted items take the YAML parser's path, not the simple one.
    return {"content/glossary/many.md": "---\ntitle: Many\naliases: [" + ", ".join("'q%d'" % i for i in range(n)) + "]\n---\nBody.\n"}


def aliases_block(n):
    return {"content/glossary/many.md": "---\ntitle: Many\naliases:\n" + "".join("  - b%d\n" % i for i in range(n)) + "---\nBody.\n"}


def table_cells(n):
    return {"content/pages/table.md": "---\ntitle: Table\n---\n|" + "|".join("h%d" % i for i in range(n)) + "|\n|" + "-|" * n + "\n|" + "|".join("*%d*" % i for i in range(n)) + "|\n"}


# n for each reader: large enough that t(n) stands out of the baseline's noise.
READERS = {
    "json-dataset": (json_dataset, 1000),
    "csv-wide": (csv_wide, 3000),
    "aliases-flow": (aliases_flow, 1000),
    "aliases-quoted-flow": (aliases_quoted_flow, 1000),
    "aliases-block": (aliases_block, 1000),
    "table-cells": (table_cells, 1000),
}


def write_site(root, files):
    shutil.rmtree(root, ignore_errors=True)
    for path, text in {"content/glossary/base.md": TERM, **files}.items():
        full = os.path.join(root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as f:
            f.write(text)


def best_time(binary, root):
    """The least CPU time (user + system, all threads) of RUNS runs: on a machine that
    others share, wall time says more about them than about the reader."""
    best = None
    for _ in range(RUNS):
        process = subprocess.Popen([binary, "check", "--root", root, "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        stderr = process.stderr.read().decode(errors="replace")
        process.stderr.close()
        code = os.waitstatus_to_exitcode(status)
        if code not in (0, 1):
            sys.exit("loysite check failed on %s: %s" % (root, stderr[-500:]))
        elapsed = usage.ru_utime + usage.ru_stime
        best = elapsed if best is None else min(best, elapsed)
    return best


def main():
    binary = os.environ.get("LOYSITE")
    if not binary:
        subprocess.run(["swift", "build", "-c", "release", "--product", "loysite"], cwd=REPO, check=True, stdout=sys.stderr)
        binary = os.path.join(REPO, ".build/release/loysite")
    binary = os.path.abspath(binary)
    names = os.environ.get("READERS", " ".join(READERS)).split()
    base_root = os.path.join(WORK, "base")
    write_site(base_root, {})
    base = best_time(binary, base_root)
    print("baseline (site without the long line): %.3f s of CPU" % base)
    print("%-20s %10s %10s %10s %9s %9s" % ("reader", "t(n)", "t(10n)", "t(100n)", "10n/n", "100n/10n"))
    for name in names:
        make, n = READERS[name]
        times = []
        for size in (n, 10 * n, 100 * n):
            root = os.path.join(WORK, "%s-%d" % (name, size))
            write_site(root, make(size))
            times.append(max(best_time(binary, root) - base, 1e-4))
            shutil.rmtree(root, ignore_errors=True)
        print("%-20s %9.3fs %9.3fs %9.3fs %9.1f %9.1f   (n = %d)" % (name, times[0], times[1], times[2], times[1] / times[0], times[2] / times[1], n))


main()
