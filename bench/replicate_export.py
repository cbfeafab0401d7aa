#!/usr/bin/env python3
"""Writes the UCI Online Retail export replicated COPIES times, for bench/metrics.sh.

Usage: replicate_export.py online-retail.csv COPIES out.csv

Copy k (from 0) keeps every row, date and amount, and offsets the ids so that its
invoices and customers are distinct from every other copy's: the invoice number
(InvoiceNo, after its letter prefix C or A, if any) plus k x 1,000,000 and the customer
(CustomerID, when present) plus k x 100,000. Copy 0 is the export itself. So at 20
copies every figure that counts customers or orders is 20 times the export's, and the
period tables are the export's scaled: figures any reader can check.

Rows are split with the csv module's rules (quoted descriptions hold commas) but written
back as they were, byte for byte, except the two ids.
"""
import sys


def offset_invoice(text, k):
    if k == 0:
        return text
    prefix = text[:1] if text[:1].isalpha() else ""
    return prefix + str(int(text[len(prefix):]) + k * 1_000_000)


def main(source, copies, target):
    with open(source, "rb") as f:
        data = f.read()
    header, _, body = data.partition(b"\n")
    lines = body.split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    with open(target, "wb") as out:
        out.write(header + b"\n")
        for k in range(int(copies)):
            if k == 0:
                out.write(b"\n".join(lines) + b"\n")
                continue
            rows = []
            for line in lines:
                # InvoiceNo is the first field, CustomerID the second-to-last; the quoted
                # Description sits between them and may hold commas.
                invoice, rest = line.split(b",", 1)
                head, customer, country = rest.rsplit(b",", 2)
                invoice = offset_invoice(invoice.decode(), k).encode()
                if customer.strip():
                    customer = str(int(customer) + k * 100_000).encode()
                rows.append(b",".join((invoice, head, customer, country)))
            out.write(b"\n".join(rows) + b"\n")


if __name__ == "__main__":
    main(*sys.argv[1:])
