#!/usr/bin/env python3
"""Writes an orders CSV export (bench/replicate_export.py's output) as a JSON dataset:
an array of one flat object per row, for bench/metrics-json.sh.

Usage: metrics_json_export.py export.csv out.json

Every value is kept as the text the CSV holds, written as a JSON string, except Quantity
and UnitPrice, written as JSON numbers exactly as in the CSV (loysite keeps a number's
source text, so the figures are those of the CSV). One object per line, as exporters
write them.
"""
import csv
import json
import sys

NUMBERS = {"Quantity", "UnitPrice"}


def main(source, target):
    with open(source, newline="", encoding="utf-8") as f, open(target, "w", encoding="utf-8") as out:
        reader = csv.reader(f)
        header = next(reader)
        out.write("[\n")
        first = True
        for row in reader:
            fields = []
            for name, value in zip(header, row):
                text = value if name in NUMBERS and value else json.dumps(value, ensure_ascii=False)
                fields.append(json.dumps(name) + ": " + text)
            out.write(("" if first else ",\n") + "{" + ", ".join(fields) + "}")
            first = False
        out.write("\n]\n")


if __name__ == "__main__":
    main(*sys.argv[1:])
