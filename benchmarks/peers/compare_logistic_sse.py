#!/usr/bin/env python3
"""Check that Attain's logistic fits reach an optimum at least as good as scipy's on at least 99% of series.

Reads Attain's `fit --format csv` output (one row per parameter, column sse) and the peer's unit,sse file.
A series counts as "at least as good" when sse_attain <= sse_scipy * (1 + 1e-7) + 1e-12 (rounding slack), or scipy
failed. Prints the counts and exits 1 when fewer than 99% qualify.

usage: compare_logistic_sse.py ATTAIN.csv SCIPY.csv [--required 0.99]
"""
import csv
import math
import sys


def main():
    attain_path, scipy_path = sys.argv[1], sys.argv[2]
    required = float(sys.argv[4]) if len(sys.argv) > 4 and sys.argv[3] == "--required" else 0.99
    ours = {}
    with open(attain_path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            ours[row["unit"]] = float(row["sse"]) if row["sse"] else math.inf
    theirs = {}
    with open(scipy_path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            theirs[row["unit"]] = float(row["sse"])
    good = better = worse = 0
    worst = []
    for unit, s in theirs.items():
        a = ours.get(unit, math.inf)
        if not math.isfinite(s) or a <= s * (1 + 1e-7) + 1e-12:
            good += 1
            if math.isfinite(s) and a < s * (1 - 1e-6):
                better += 1
        else:
            worse += 1
            worst.append((a / s if s > 0 else math.inf, unit, a, s))
    total = len(theirs)
    share = good / total if total else 0.0
    print("series: %d; Attain's SSE at least as good: %d (%.2f%%), clearly better (>1e-6 relative): %d, worse: %d"
          % (total, good, 100 * share, better, worse))
    for ratio, unit, a, s in sorted(worst, reverse=True)[:5]:
        print("  worse: %s attain %.6g scipy %.6g (ratio %.4f)" % (unit, a, s, ratio))
    if share < required:
        print("FAIL: fewer than %.0f%% of series" % (100 * required))
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
