#!/usr/bin/env python3
"""The loysite orders figures (SPEC section 2) computed with DuckDB, for bench/metrics.sh.

Usage: metrics_duckdb.py online-retail.csv > out.json

The same figures as bench/metrics_pandas.py, written the way a DuckDB user would at its
fastest: `read_csv` with the column types given (prices as DECIMAL(18,3): exact), only
the five needed columns selected (projection pushdown), the per-order totals in one SQL
query on every core, the small tables after it in SQL too.
"""
import sys

import duckdb

from metrics_document import orders_document


def main(path):
    con = duckdb.connect()
    # One scan: per invoice, its rows and those without a customer, and the totals of
    # the rows with one.
    has_customer = "CustomerID IS NOT NULL AND CustomerID <> ''"
    con.execute(f"""
        CREATE TEMP TABLE invoices AS
        SELECT InvoiceNo, count(*) AS n, count(*) FILTER (WHERE NOT ({has_customer})) AS without,
            first(CustomerID) FILTER (WHERE {has_customer}) AS customer,
            min(CAST(InvoiceDate AS DATE)) FILTER (WHERE {has_customer}) AS day,
            sum(Quantity * UnitPrice) FILTER (WHERE {has_customer}) AS amount
        FROM read_csv('{path}', header = true, timestampformat = '%Y-%m-%d %H:%M:%S',
            types = {{'InvoiceNo': 'VARCHAR', 'CustomerID': 'VARCHAR', 'Quantity': 'BIGINT',
                      'UnitPrice': 'DECIMAL(18,3)', 'InvoiceDate': 'TIMESTAMP'}})
        GROUP BY InvoiceNo
    """)
    rows, without = con.execute("SELECT sum(n), sum(without) FROM invoices").fetchone()
    rows, without = int(rows), int(without)
    con.execute("CREATE TEMP TABLE orders AS SELECT InvoiceNo, customer, day, amount FROM invoices WHERE customer IS NOT NULL")
    con.execute("""
        CREATE TEMP TABLE counted AS
        SELECT customer, amount, year(day) * 12 + month(day) - 1 AS period FROM orders WHERE amount > 0
    """)
    to_milli = lambda value: int(value * 1000) if value is not None else 0
    n_orders, revenue = con.execute("SELECT count(*), sum(amount) FROM counted").fetchone()
    revenue = to_milli(revenue)
    return_orders, returns_amount = con.execute("SELECT count(*), sum(amount) FROM orders WHERE amount <= 0").fetchone()
    customers, repeat, once = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE n >= 2), count(*) FILTER (WHERE n = 1) FROM (SELECT customer, count(*) AS n FROM counted GROUP BY customer)").fetchone()
    first, last = con.execute("SELECT min(period), max(period) FROM counted").fetchone()
    con.execute("CREATE TEMP TABLE pairs AS SELECT DISTINCT customer, period FROM counted")
    con.execute("CREATE TEMP TABLE cohort_of AS SELECT customer, min(period) AS cohort FROM pairs GROUP BY customer")
    active = dict(con.execute("SELECT period, count(*) FROM pairs GROUP BY period").fetchall())
    new = dict(con.execute("SELECT cohort, count(*) FROM cohort_of GROUP BY cohort").fetchall())
    retained = dict(con.execute(
        "SELECT a.period, count(*) FROM pairs a JOIN pairs b ON a.customer = b.customer AND b.period = a.period - 1 GROUP BY a.period").fetchall())
    period_revenue = {p: to_milli(a) for p, a in con.execute("SELECT period, sum(amount) FROM counted GROUP BY period").fetchall()}
    matrix = {(c, k): n for c, k, n in con.execute(
        "SELECT cohort, period - cohort, count(*) FROM pairs JOIN cohort_of USING (customer) GROUP BY ALL").fetchall()}

    sys.stdout.write(orders_document(
        "duckdb " + duckdb.__version__, rows=rows, without=without, customers=customers, orders=n_orders, revenue=revenue,
        return_orders=return_orders, returns_amount=to_milli(returns_amount), repeat=repeat, once=once,
        first=first, last=last, active=active, new=new, retained=retained, period_revenue=period_revenue, matrix=matrix,
        observation_end=con.execute("SELECT max(day) FROM orders").fetchone()[0]))

if __name__ == "__main__":
    main(sys.argv[1])
