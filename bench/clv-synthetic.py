#!/usr/bin/env python3
"""A synthetic orders file for bench/clv.sh: CUSTOMERS customers (default 1,000,000)
whose purchases follow the BG/NBD and Gamma-Gamma models themselves, with parameters
near the papers' CDNOW fit (r = 0.25, α = 4 weeks, a = 0.8, b = 2.5; p = 6, q = 4,
γ = 15). Each customer's first purchase falls in the first 12 weeks of 2025; the
file runs to 2025-12-31. Fixed seed: the same file every time. Made up, not real data.
Purchases are dated to the day, so a customer's purchases on one day merge into one
occasion: the fit recovers parameters near, not exactly at, the generating ones.

    python3 bench/clv-synthetic.py 1000000 > /dev/shm/clv-synthetic.csv
"""
import datetime
import random
import sys

customers = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
rng = random.Random(15)
start = datetime.date(2025, 1, 1)
end_week = (datetime.date(2025, 12, 31) - start).days / 7
out = sys.stdout
out.write("customer_id,date,amount\n")
dates = [(start + datetime.timedelta(days=d)).isoformat() for d in range(366)]
for customer in range(customers):
    rate = rng.gammavariate(0.25, 1 / 4.0)            # purchases per week, λ ~ Gamma(r, α)
    dropout = rng.betavariate(0.8, 2.5)              # p ~ Beta(a, b)
    nu = rng.gammavariate(4.0, 1 / 15.0)             # ν ~ Gamma(q, γ)
    week = rng.uniform(0, 12)
    cid = f"C{customer:07d}"
    # The first purchase, then repeat purchases at rate λ; after each repeat purchase
    # the customer drops out with probability p (BG/NBD: none after the first).
    first = True
    while True:
        amount = max(rng.gammavariate(6.0, 1 / nu), 0.01)
        out.write(f"{cid},{dates[int(week * 7)]},{amount:.2f}\n")
        if (not first and rng.random() < dropout) or rate <= 0:
            break
        first = False
        week += rng.expovariate(rate)
        if week >= end_week:
            break
