#!/usr/bin/env python3
"""Writes seeds with long lines and long lists for fuzz/run.sh (into the folder given).

They are generated, not committed: each is 100-300 KB, the sizes at which a reader that
rescans a line for every value turned quadratic (issue 17). See fuzz/FuzzPage.swift for
the input format (page %%% dataset %%% sidecar %%% site.yml).
"""
import os
import sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
SEP = "\n%%%\n"
PAGE = "---\ntitle: Long\n---\n```chart\ntype: line\ndata: fuzz\nmetric: periods\nx: period\ny: [retention_rate]\n```\n```metric\ndata: fuzz\nvalue: customers\n```\n"


def write(name, text):
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write(text)


# A minified (one-line) JSON orders dataset.
rows = ",".join(
    '{"order_id":"%d","customer_id":"c%d","date":"2025-%02d-%02d","amount":%d.5}' % (i, i % 97, 1 + i % 12, 1 + i % 28, i % 50)
    for i in range(3000))
write("long-json-orders", PAGE + SEP + "[" + rows + "]" + SEP + "kind: orders\n")

# A one-line JSON series with long strings.
write("long-json-series", PAGE + SEP + "[" + ",".join('{"month":"2025-%02d","note":"%s","visits":%d}' % (1 + i % 12, "é" * 40, i) for i in range(2000)) + "]")

# A flow list of 20,000 aliases on one line, and a block list of 10,000.
write("long-aliases-flow", "---\ntitle: Many names\naliases: [" + ", ".join("a%d" % i for i in range(20000)) + "]\n---\nBody [[a7]].\n")
write("long-aliases-block", "---\ntitle: Many names\naliases:\n" + "".join("  - 'b%d'\n" % i for i in range(10000)) + "---\nBody.\n")

# A CSV with a 4,000-column header and one long row.
header = ",".join("c%d" % i for i in range(4000))
write("long-csv-wide", PAGE + SEP + header + "\n" + ",".join(str(i) for i in range(4000)) + "\n")

# A pipe table with 3,000 cells in a row.
write("long-table", "---\ntitle: Table\n---\n" + "|" + "|".join("h%d" % i for i in range(3000)) + "|\n|" + "|".join("-" for _ in range(3000)) + "|\n|" + "|".join("*%d*" % i for i in range(3000)) + "|\n")

# site.yml with a long nav list and a long one-line description.
nav = "".join("  - {title: 'Page %d', url: /p%d/}\n" % (i, i) for i in range(2000))
write("long-site-yml", "---\ntitle: Site\n---\nText.\n" + SEP + "x\n1\n" + SEP + "kind: series\n" + SEP + "title: Long\ndescription: " + "word " * 20000 + "\nnav:\n" + nav)
