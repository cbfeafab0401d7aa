#!/usr/bin/env python3
"""Generates the SYNTHETIC demo datasets of the loysite demo site.

    python3 scripts/generate-demo-data.py      # rewrites content/data/{orders,nps-responses}.csv

SYNTHETIC DATA: every customer, order and survey answer written by this script is made
up. Nothing comes from a real shop. The numbers are shaped to look like a plausible
two-year history of a small online and in-store retailer (2025-01 to 2026-12):

* orders.csv — one row per order line (order_id, date, customer_id, channel, sku,
  quantity, price). About 3,300 customers arrive over the two years, most in
  November–December and in a March campaign. Each month after their first order a
  customer orders again with a probability of 35% scaled by half the season's swing and by the
  customer's own loyalty; after each order they leave for good with a probability of
  their own (beta-distributed, about 29% on average), and their orders are larger or
  smaller by a basket factor of their own — the heterogeneity the lifetime-value models
  (BG/NBD, Gamma-Gamma) of the demo's "Customer lifetime value" report learn from, so
  that their fits have an interior maximum. About 4% of orders are
  followed by a return (an order `R-…` with a negative quantity), a few orders net to
  exactly zero, and about 1% are guest checkouts with no customer_id.
* nps-responses.csv — one row per survey answer (response_id, date, customer_id,
  channel, score 0–10). The Net Promoter Score improves steadily from about 22 to about
  42, the app scoring best and the store worst. Monthly counts of promoters, passives and
  detractors are set from the trend (not drawn at random), so month-to-month noise never
  fakes a drop: the script checks that the last month's NPS is at least 30 and that it
  never falls more than 5 points from one month to the next. Two more columns carry the
  other Customer Loyalty Index questions, "how likely are you to buy from us again"
  (repurchase) and "… to try our other products" (upsell), 0–10 and left empty by about
  8% of respondents each. They follow the score (repurchase a little above it, upsell
  about two points below) and are drawn from their own seeded generator, so the score
  columns are the same as without them.

Deterministic: a fixed seed and no clock, so running it twice gives identical files.
Standard library only.
"""
import csv
import math
import os
import random
import sys

SEED = 20250101
FIRST_YEAR, MONTHS = 2025, 24
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "content", "data")

# Seasonality of demand by calendar month (Jan … Dec).
SEASON = [0.80, 0.85, 1.05, 0.95, 1.00, 0.95, 0.90, 0.92, 1.00, 1.05, 1.30, 1.55]
# New customers by calendar month: the March campaign and the year-end peak.
ACQUISITION = [0.90, 0.85, 1.35, 1.00, 0.95, 0.90, 0.85, 0.85, 1.00, 1.05, 1.45, 1.65]
CHANNELS = [("web", 0.55), ("store", 0.30), ("app", 0.15)]
CATALOGUE = [  # (sku, price)
    ("SKU-%04d" % (1000 + i), price)
    for i, price in enumerate([
        4.99, 5.50, 6.25, 7.99, 8.50, 9.99, 11.00, 12.10, 12.99, 14.50, 15.00, 16.75, 18.99, 19.99,
        21.50, 22.00, 24.99, 26.40, 27.50, 29.99, 32.00, 34.95, 36.50, 39.99, 42.00, 44.90, 47.50,
        49.99, 52.00, 54.95, 59.00, 62.50, 64.99, 69.00, 72.50, 74.99, 79.00, 84.50, 89.00, 99.00,
    ])
]


def month_key(index):
    return FIRST_YEAR + index // 12, index % 12 + 1


def days_in_month(year, month):
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def timestamp(rng, year, month, day=None):
    day = day or rng.randint(1, days_in_month(year, month))
    hour = rng.choices(range(24), weights=[1, 1, 1, 1, 1, 2, 4, 6, 8, 10, 12, 12, 13, 12, 11, 11, 12, 13, 14, 14, 12, 9, 5, 2])[0]
    return "%04d-%02d-%02d %02d:%02d" % (year, month, day, hour, rng.randint(0, 59))


def pick(rng, weighted):
    return rng.choices([v for v, _ in weighted], weights=[w for _, w in weighted])[0]


def order_lines(rng, basket=1.0):
    """The lines of one order; `basket` scales the quantities (a customer's own level of
    spend, about 0.4 to 3)."""
    count = rng.choices([1, 2, 3, 4], weights=[55, 28, 12, 5])[0]
    items = rng.sample(CATALOGUE, count)
    return [(sku, max(1, round(rng.choices([1, 2, 3], weights=[78, 17, 5])[0] * basket)), price) for sku, price in items]


def generate_orders(rng):
    rows = []  # (sort key, row)
    order_number = 0
    customer_number = 0

    baskets = {}  # customer id -> their basket size (see order_lines)

    def add_order(month_index, customer, channel, day=None):
        nonlocal order_number
        order_number += 1
        year, month = month_key(month_index)
        when = timestamp(rng, year, month, day)
        order_id = "O-%06d" % order_number
        lines = order_lines(rng, baskets.get(customer, 1.0))
        for sku, quantity, price in lines:
            rows.append((when, order_id, [order_id, when, customer, channel, sku, quantity, "%.2f" % price]))
        roll = rng.random()
        if roll < 0.04 and customer:
            # A return 3–20 days later: one line sent back in full.
            sku, quantity, price = rng.choice(lines)
            back = add_days(when, rng.randint(3, 20))
            if back[:4] <= str(FIRST_YEAR + MONTHS // 12 - 1):
                rows.append((back, "R-" + order_id, ["R-" + order_id[2:], back, customer, channel, sku, -quantity, "%.2f" % price]))
        elif roll < 0.043 and customer:
            # Cancelled at the till: the order nets to exactly zero.
            sku, quantity, price = lines[0]
            rows.append((when, order_id, [order_id, when, customer, channel, sku, -quantity, "%.2f" % price]))
            for extra in lines[1:]:
                rows.append((when, order_id, [order_id, when, customer, channel, extra[0], -extra[1], "%.2f" % extra[2]]))

    customers = []  # (customer id, first month, loyalty, preferred channel)
    for month_index in range(MONTHS):
        year, month = month_key(month_index)
        growth = 1 + 0.35 * month_index / (MONTHS - 1)
        arrivals = round(118 * growth * ACQUISITION[month - 1] * rng.uniform(0.92, 1.08))
        for _ in range(arrivals):
            customer_number += 1
            customer = "C%05d" % customer_number
            loyalty = rng.choices([0.35, 0.75, 1.15, 1.9], weights=[30, 35, 25, 10])[0]
            channel = pick(rng, CHANNELS)
            # Customers differ in how much they spend and how soon they drift away: the
            # lifetime-value models (BG/NBD, Gamma-Gamma) need that to learn anything.
            baskets[customer] = min(3.0, rng.lognormvariate(0, 0.45))
            # After each order a customer leaves for good with their own probability.
            leaving = rng.betavariate(1.0, 2.5)
            customers.append([customer, month_index, loyalty, channel, rng.random() >= leaving, leaving])
            add_order(month_index, customer, channel)
        # Guest checkouts: no customer id.
        for _ in range(round(arrivals * 0.04)):
            add_order(month_index, "", pick(rng, CHANNELS))
        # Returning customers of earlier cohorts.
        for entry in customers:
            customer, first, loyalty, channel, alive, leaving = entry
            age = month_index - first
            if age <= 0 or not alive:
                continue
            chance = 0.35 * loyalty * (1 + 0.5 * (SEASON[month - 1] - 1))
            if rng.random() < min(chance, 0.95):
                add_order(month_index, customer, channel if rng.random() < 0.8 else pick(rng, CHANNELS))
                if rng.random() < leaving:  # leaves for good
                    entry[4] = False
                if rng.random() < chance * 0.25:  # a second order the same month
                    add_order(month_index, customer, channel)
    rows.sort(key=lambda r: (r[0], r[1]))
    return [row for _, _, row in rows]


def add_days(when, days):
    year, month, day = int(when[:4]), int(when[5:7]), int(when[8:10])
    day += days
    while day > days_in_month(year, month):
        day -= days_in_month(year, month)
        month += 1
        if month == 13:
            month, year = 1, year + 1
    return "%04d-%02d-%02d%s" % (year, month, day, when[10:])


def nps_targets(month_index):
    """Shares of promoters and detractors for a month: a steady improvement with a small
    seasonal ripple (busy December stores score a little lower)."""
    t = month_index / (MONTHS - 1)
    ripple = -0.012 if month_key(month_index)[1] == 12 else 0.004 * math.sin(month_index)
    promoters = 0.44 + 0.095 * t + ripple
    detractors = 0.22 - 0.105 * t - ripple / 2
    return promoters, detractors


CHANNEL_SHIFT = {"app": (0.05, -0.03), "web": (0.0, 0.0), "store": (-0.06, 0.04)}


def generate_responses(rng):
    rows = []
    number = 0
    for month_index in range(MONTHS):
        year, month = month_key(month_index)
        for channel, weight in CHANNELS:
            count = round(640 * weight * (1 + 0.2 * month_index / MONTHS))
            promoters, detractors = nps_targets(month_index)
            shift_p, shift_d = CHANNEL_SHIFT[channel]
            n_promoters = round(count * (promoters + shift_p))
            n_detractors = round(count * (detractors + shift_d))
            scores = (
                [rng.choice([9, 9, 10, 10, 10]) for _ in range(n_promoters)]
                + [rng.choice([0, 1, 2, 3, 4, 4, 5, 5, 5, 6, 6, 6, 6]) for _ in range(n_detractors)]
                + [rng.choice([7, 8, 8]) for _ in range(count - n_promoters - n_detractors)]
            )
            rng.shuffle(scores)
            for score in scores:
                number += 1
                customer = "C%05d" % rng.randint(1, 3300) if rng.random() < 0.9 else ""
                rows.append((timestamp(rng, year, month)[:10], number, channel, customer, score))
    rows.sort()
    return [["N-%06d" % i, date, customer, channel, score] for i, (date, _, channel, customer, score) in enumerate(rows, 1)]


def loyalty_answers(rng, rows):
    """Adds the repurchase and upsell answers to each response row (see the docstring)."""
    def answer(centre):
        if rng.random() < 0.08:
            return ""
        return max(0, min(10, round(centre + rng.gauss(0, 1.5))))
    return [row + [answer(row[4] + 0.5), answer(row[4] - 2)] for row in rows]


def check_responses(rows):
    """The demo must not trip the site's alerts: the last month's NPS at least 30 and no
    month-on-month drop of more than 5 points."""
    by_month = {}
    for _, date, _, _, score, *_ in rows:
        tally = by_month.setdefault(date[:7], [0, 0, 0])
        tally[0] += 1
        tally[1] += score >= 9
        tally[2] += score <= 6
    nps = [100 * (p - d) / n for _, (n, p, d) in sorted(by_month.items())]
    assert nps[-1] >= 30, f"last month's NPS {nps[-1]:.1f} is below 30"
    for previous, current in zip(nps, nps[1:]):
        assert current >= previous - 5, f"NPS drops from {previous:.1f} to {current:.1f}"
    return nps


def write(name, header, rows):
    path = os.path.join(ROOT, name)
    with open(path, "w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)
    size = os.path.getsize(path)
    assert size < 2_000_000, f"{name} is {size} bytes; keep demo data under 2 MB"
    return path, size


def main():
    os.makedirs(ROOT, exist_ok=True)
    orders = generate_orders(random.Random(SEED))
    path, size = write("orders.csv", ["order_id", "date", "customer_id", "channel", "sku", "quantity", "price"], orders)
    print(f"{os.path.relpath(path)}: {len(orders)} rows, {size} bytes", file=sys.stderr)
    responses = generate_responses(random.Random(SEED + 1))
    responses = loyalty_answers(random.Random(SEED + 2), responses)
    nps = check_responses(responses)
    path, size = write("nps-responses.csv", ["response_id", "date", "customer_id", "channel", "score", "repurchase", "upsell"], responses)
    print(f"{os.path.relpath(path)}: {len(responses)} rows, {size} bytes; NPS {nps[0]:.1f} → {nps[-1]:.1f}", file=sys.stderr)


if __name__ == "__main__":
    main()
