#!/usr/bin/env python3
"""The loysite orders figures (SPEC section 2) computed with pandas, for bench/metrics.sh.

Usage: metrics_pandas.py online-retail.csv > out.json

The same work `loysite metrics --json` does on the UCI Online Retail export: orders
grouped by InvoiceNo, amount = Quantity x UnitPrice summed exactly (integer thousandths:
UnitPrice has at most three decimals), rows without CustomerID left out, returns
(amount <= 0) counted apart, monthly active/new customers, retention and churn, and the
cohort retention matrix. Written the way a pandas user would, vectorised throughout.
"""
import sys

import pandas as pd

from metrics_document import orders_document


def main(path):
    df = pd.read_csv(
        path,
        usecols=["InvoiceNo", "Quantity", "InvoiceDate", "UnitPrice", "CustomerID"],
        dtype={"InvoiceNo": str, "CustomerID": str, "Quantity": "int64", "UnitPrice": str},
    )
    rows = len(df)
    has_customer = df["CustomerID"].notna() & (df["CustomerID"] != "")
    rows_without_customer = int((~has_customer).sum())
    df = df[has_customer]
    # Exact money: the price text in thousandths, times the integer quantity.
    price = df["UnitPrice"].str.split(".", n=1, expand=True)
    whole = price[0].astype("int64")
    frac = price[1].fillna("").str.ljust(3, "0").replace("", "0").astype("int64")
    price_milli = whole * 1000 + frac.where(whole >= 0, -frac)
    neg_zero = price[0].str.startswith("-") & (whole == 0)
    price_milli = price_milli.where(~neg_zero, -frac)
    amount = df["Quantity"] * price_milli
    day = pd.to_datetime(df["InvoiceDate"], format="%Y-%m-%d %H:%M:%S")
    orders = (
        pd.DataFrame({"order": df["InvoiceNo"], "customer": df["CustomerID"], "day": day, "amount": amount})
        .groupby("order", sort=False)
        .agg(customer=("customer", "first"), day=("day", "min"), amount=("amount", "sum"))
    )
    counted = orders[orders["amount"] > 0].copy()
    returns = orders[orders["amount"] <= 0]
    counted["period"] = counted["day"].dt.year * 12 + counted["day"].dt.month - 1

    per_customer = counted.groupby("customer").size()
    customers = len(per_customer)
    n_orders = len(counted)
    revenue = int(counted["amount"].sum())
    repeat = int((per_customer >= 2).sum())
    once = int((per_customer == 1).sum())

    first, last = int(counted["period"].min()), int(counted["period"].max())
    periods = list(range(first, last + 1))
    pairs = counted[["customer", "period"]].drop_duplicates()
    active = pairs.groupby("period").size().reindex(periods, fill_value=0)
    cohort_of = pairs.groupby("customer")["period"].min().rename("cohort")
    new = cohort_of.value_counts().reindex(periods, fill_value=0)
    shifted = pairs.assign(period=pairs["period"] + 1)
    retained = pairs.merge(shifted, on=["customer", "period"]).groupby("period").size().reindex(periods, fill_value=0)
    period_revenue = counted.groupby("period")["amount"].sum().reindex(periods, fill_value=0)
    with_cohort = pairs.join(cohort_of, on="customer")
    with_cohort["k"] = with_cohort["period"] - with_cohort["cohort"]
    matrix = with_cohort.groupby(["cohort", "k"]).size()

    sys.stdout.write(orders_document(
        "pandas " + pd.__version__, rows=rows, without=rows_without_customer, customers=customers, orders=n_orders,
        revenue=revenue, return_orders=len(returns), returns_amount=int(returns["amount"].sum()), repeat=repeat, once=once,
        first=first, last=last, active=active, new=new, retained=retained, period_revenue=period_revenue, matrix=matrix,
        observation_end=orders["day"].max().date()))

if __name__ == "__main__":
    main(sys.argv[1])
