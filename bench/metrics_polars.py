#!/usr/bin/env python3
"""The loysite orders figures (SPEC section 2) computed with polars, for bench/metrics.sh.

Usage: metrics_polars.py online-retail.csv > out.json

The same figures as bench/metrics_pandas.py, written the way a polars user would at its
fastest: one lazy `scan_csv` of the five needed columns, prices read as exact decimals
(Decimal with 3 places: the export has at most three), amounts summed exactly as
decimals, everything else a lazy query run on every core.
"""
import sys

import polars as pl

from metrics_document import orders_document


def main(path):
    scan = pl.scan_csv(
        path,
        schema_overrides={"InvoiceNo": pl.String, "CustomerID": pl.String, "Quantity": pl.Int64,
                          "UnitPrice": pl.Decimal(18, 3), "InvoiceDate": pl.String},
    ).select("InvoiceNo", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID")
    has_customer = pl.col("CustomerID").is_not_null() & (pl.col("CustomerID") != "")
    counts_query = scan.select(pl.len().alias("rows"), (~has_customer).sum().alias("without"))
    orders_query = (
        scan.filter(has_customer)
        .with_columns(
            amount=(pl.col("UnitPrice") * pl.col("Quantity")),
            day=pl.col("InvoiceDate").str.slice(0, 10).str.to_date("%Y-%m-%d"),
        )
        .group_by("InvoiceNo")
        .agg(pl.col("CustomerID").first().alias("customer"), pl.col("day").min(), pl.col("amount").sum())
    )
    # One run of both queries, so the file is scanned once.
    counts, orders = pl.collect_all([counts_query, orders_query])
    rows, without = int(counts["rows"][0]), int(counts["without"][0])
    counted = orders.filter(pl.col("amount") > 0).with_columns(
        period=pl.col("day").dt.year().cast(pl.Int64) * 12 + pl.col("day").dt.month().cast(pl.Int64) - 1)
    returns = orders.filter(pl.col("amount") <= 0)
    per_customer = counted.group_by("customer").len()
    customers = per_customer.height
    n_orders = counted.height
    to_milli = lambda value: int(value * 1000) if value is not None else 0
    revenue = to_milli(counted["amount"].sum())
    repeat = per_customer.filter(pl.col("len") >= 2).height
    once = per_customer.filter(pl.col("len") == 1).height
    first, last = int(counted["period"].min()), int(counted["period"].max())
    pairs = counted.select("customer", "period").unique()
    active = dict(pairs.group_by("period").len().iter_rows())
    cohort_of = pairs.group_by("customer").agg(pl.col("period").min().alias("cohort"))
    new = dict(cohort_of.group_by("cohort").len().iter_rows())
    retained = dict(pairs.join(pairs.with_columns(pl.col("period") + 1), on=["customer", "period"]).group_by("period").len().iter_rows())
    period_revenue = {p: to_milli(a) for p, a in counted.group_by("period").agg(pl.col("amount").sum()).iter_rows()}
    matrix = {(c, k): n for c, k, n in pairs.join(cohort_of, on="customer")
              .with_columns(k=pl.col("period") - pl.col("cohort")).group_by("cohort", "k").len().iter_rows()}

    sys.stdout.write(orders_document(
        "polars " + pl.__version__, rows=rows, without=without, customers=customers, orders=n_orders, revenue=revenue,
        return_orders=returns.height, returns_amount=to_milli(returns["amount"].sum()), repeat=repeat, once=once,
        first=first, last=last, active=active, new=new, retained=retained, period_revenue=period_revenue, matrix=matrix,
        observation_end=orders["day"].max()))

if __name__ == "__main__":
    main(sys.argv[1])
