#!/usr/bin/env python3
"""The loysite orders figures (SPEC section 2) computed with pandas, for bench/metrics.sh.

Usage: metrics_pandas.py online-retail.csv > out.json

The same work `loysite metrics --json` does on the UCI Online Retail export: orders
grouped by InvoiceNo, amount = Quantity x UnitPrice summed exactly (integer thousandths:
UnitPrice has at most three decimals), rows without CustomerID left out, returns
(amount <= 0) counted apart, monthly active/new customers, retention and churn, and the
cohort retention matrix. Written the way a pandas user would, vectorised throughout.
"""
import json
import sys

import pandas as pd


def ratio(a, b):
    return None if b == 0 else a / b


def money(milli):
    """Exact thousandths as a JSON number text."""
    sign = "-" if milli < 0 else ""
    whole, frac = divmod(abs(int(milli)), 1000)
    return sign + str(whole) + ("." + f"{frac:03d}".rstrip("0") if frac else "")


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

    def key(p):
        return f"{p // 12:04d}-{p % 12 + 1:02d}"

    period_rows = []
    for i, p in enumerate(periods):
        previous = int(active[p - 1]) if i > 0 else 0
        retention = None if i == 0 or previous == 0 else int(retained[p]) / previous
        period_rows.append({
            "period": key(p), "active_customers": int(active[p]), "new_customers": int(new[p]),
            "retention_rate": retention, "churn_rate": None if retention is None else 1 - retention,
            "revenue": money(period_revenue[p]),
        })
    cohorts = []
    for c in periods:
        size = int(new[c])
        cohorts.append({"cohort": key(c), "size": size, "retention": [
            None if size == 0 else int(matrix.get((c, k), 0)) / size for k in range(0, last - c + 1)]})

    figures = {
        "kind": "orders", "period": "month", "rows": rows, "skipped_rows": 0,
        "rows_without_customer": rows_without_customer, "customers": customers, "orders": n_orders,
        "revenue": money(revenue), "return_orders": len(returns), "returns_amount": money(int(returns["amount"].sum())),
        "average_order_value": ratio(revenue / 1000, n_orders), "purchase_frequency": ratio(n_orders, customers),
        "revenue_per_customer": ratio(revenue / 1000, customers), "repeat_purchase_rate": ratio(repeat, customers),
        "repurchase_ratio": ratio(repeat, once), "periods": period_rows, "cohorts": cohorts,
    }
    # Money stays exact: written as decimal text in a JSON string (json has no raw numbers).
    text = json.dumps({"generated_by": "pandas " + pd.__version__, "datasets": {"online-retail": figures}}, indent=2)
    sys.stdout.write(text + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
