"""The metrics.json document of an orders dataset (SPEC section 2), assembled from the
aggregates a peer computed (pandas, polars, DuckDB), so that bench/metrics.sh compares
every peer's figures with loysite's through one shape: each peer script only computes.

Money is in exact thousandths and written as decimal text (json has no raw numbers);
month periods are integers year * 12 + month - 1.
"""
import calendar
import json


def ratio(a, b):
    return None if b == 0 else a / b


def money(milli):
    """Exact thousandths as a JSON number text."""
    sign = "-" if milli < 0 else ""
    whole, frac = divmod(abs(int(milli)), 1000)
    return sign + str(whole) + ("." + f"{frac:03d}".rstrip("0") if frac else "")


def key(p):
    return f"{p // 12:04d}-{p % 12 + 1:02d}"


def orders_document(engine, *, rows, without, customers, orders, revenue, return_orders, returns_amount,
                    repeat, once, first, last, active, new, retained, period_revenue, matrix, observation_end):
    """`active`, `new`, `retained`, `period_revenue` map a period to its count or money,
    `matrix` (cohort, k) to a count; each answers `.get(key, 0)` (dicts and pandas
    Series both do). Cohorts without customers are left out, as SPEC says.
    `observation_end` is the latest order's day (a `datetime.date`), loysite's default: the
    last period is partial when it ends after that day."""
    periods = list(range(first, last + 1))
    def partial(p):
        year, month = p // 12, p % 12 + 1
        ends = (year, month, calendar.monthrange(year, month)[1])
        return p == last and ends > (observation_end.year, observation_end.month, observation_end.day)

    period_rows = []
    for i, p in enumerate(periods):
        previous = int(active.get(p - 1, 0)) if i > 0 else 0
        retention = None if i == 0 or previous == 0 else int(retained.get(p, 0)) / previous
        period_rows.append({
            "period": key(p), "active_customers": int(active.get(p, 0)), "new_customers": int(new.get(p, 0)),
            "retention_rate": retention, "churn_rate": None if retention is None else 1 - retention,
            "revenue": money(period_revenue.get(p, 0)), "partial": partial(p),
        })
    cohorts = [{"cohort": key(c), "size": int(new.get(c, 0)), "retention": [
        int(matrix.get((c, k), 0)) / int(new.get(c, 0)) for k in range(0, last - c + 1)]}
        for c in periods if int(new.get(c, 0)) > 0]
    figures = {
        "kind": "orders", "period": "month", "rows": rows, "skipped_rows": 0,
        "rows_without_customer": without, "customers": customers, "orders": orders,
        "revenue": money(revenue), "return_orders": return_orders, "returns_amount": money(returns_amount),
        "average_order_value": ratio(revenue / 1000, orders), "purchase_frequency": ratio(orders, customers),
        "revenue_per_customer": ratio(revenue / 1000, customers), "repeat_purchase_rate": ratio(repeat, customers),
        "repurchase_ratio": ratio(repeat, once), "periods": period_rows, "cohorts": cohorts,
    }
    return json.dumps({"generated_by": engine, "datasets": {"online-retail": figures}}, indent=2) + "\n"
