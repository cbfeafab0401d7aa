#!/usr/bin/env python3
"""Checks that two metrics.json files (loysite's and bench/metrics_pandas.py's) hold the
same figures for every dataset they share: counts equal, money equal as exact decimals,
ratios equal to 12 significant digits. Exit status 1 on any difference."""
import json
import sys
from decimal import Decimal


def normalise(value):
    """Numbers (and decimal texts) as decimals rounded to 12 significant digits: exact for
    this data's money (at most 10 digits), and past binary rounding noise for ratios."""
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, (int, float, Decimal)) or (isinstance(value, str) and _is_number(value)):
        number = Decimal(str(value))
        return "0" if number == 0 else format(number.normalize(), ".12g")
    if isinstance(value, list):
        return [normalise(v) for v in value]
    if isinstance(value, dict):
        return {k: normalise(v) for k, v in value.items()}
    return value


def _is_number(text):
    try:
        Decimal(text)
        return True
    except Exception:
        return False


def main(first, second):
    def load(path):
        return json.load(open(path), parse_float=Decimal)["datasets"]
    a, b = load(first), load(second)
    differences = 0
    for name in sorted(set(a) & set(b)):
        for key in a[name]:
            if key in ("generated_by",) or key not in b[name]:
                continue
            x, y = normalise(a[name][key]), normalise(b[name][key])
            if x != y:
                differences += 1
                print(f"{name}.{key}: {str(x)[:120]} != {str(y)[:120]}")
    print(f"{differences} differences over {len(set(a) & set(b))} dataset(s)")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
