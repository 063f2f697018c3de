#!/usr/bin/env python3
"""Write a deterministic tidy CSV of noisy logistic series for the curve-fitting benchmark.

Each series ("unit" s00001 ...) is annual, 8 to 40 points from 1990, drawn from
    y = K / (1 + exp(-r (t - t0))) + N(0, (c K)^2),   K ~ U(50, 5000), r ~ U(0.15, 1.2),
    t0 inside the observed window (20% to 80% of it), noise fraction c ~ U(0.005, 0.04),
and kept positive (levels). Python's own Mersenne Twister with a fixed seed: the same file on every machine.

usage: make_logistic_series.py OUT.csv [--count 10000] [--seed 20240601]
"""
import argparse
import math
import random


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--count", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=20240601)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("unit,indicator,period,value\n")
        for k in range(args.count):
            n = rng.randint(8, 40)
            K = rng.uniform(50, 5000)
            r = rng.uniform(0.15, 1.2)
            t0 = 1990 + rng.uniform(0.2, 0.8) * (n - 1)
            c = rng.uniform(0.005, 0.04)
            unit = "s%05d" % (k + 1)
            for i in range(n):
                t = 1990 + i
                y = K / (1 + math.exp(-r * (t - t0))) + rng.gauss(0, c * K)
                y = max(y, 0.001 * K)
                f.write("%s,x,%d,%.6f\n" % (unit, t, y))


if __name__ == "__main__":
    main()
