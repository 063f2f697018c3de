#!/usr/bin/env python3
"""Peer for the logistic benchmark: scipy.optimize.curve_fit on every series of a tidy CSV.

Reads unit,indicator,period,value (as written by make_logistic_series.py), fits
y = K / (1 + exp(-r (t - t0))) to each unit with scipy's default Levenberg-Marquardt, and writes unit,sse,converged.
Starting values are the usual data-driven ones (what a careful user writes): K0 = 1.5 max(y), and r0, t0 from a line
through logit(y / K0) against t. Time is centred on the series' mean year, as Attain does.

usage: scipy_logistic_fit.py DATA.csv OUT.csv
"""
import csv
import sys
import warnings

import numpy as np
from scipy.optimize import curve_fit


def logistic(t, K, r, c):
    return K / (1.0 + np.exp(-r * (t - c)))


def start(t, y):
    K0 = 1.5 * y.max()
    u = np.clip(y / K0, 0.01, 0.99)
    z = np.log(u / (1 - u))
    beta, alpha = np.polyfit(t, z, 1)
    r0 = beta if abs(beta) > 1e-8 else 0.1
    c0 = -alpha / beta if abs(beta) > 1e-8 else 0.0
    return [K0, r0, c0]


def main(start=start):
    data, out = sys.argv[1], sys.argv[2]
    series = {}
    order = []
    with open(data, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            u = row["unit"]
            if u not in series:
                series[u] = ([], [])
                order.append(u)
            series[u][0].append(float(row["period"]))
            series[u][1].append(float(row["value"]))
    warnings.simplefilter("ignore")
    with open(out, "w", encoding="utf-8") as f:
        f.write("unit,sse,converged\n")
        for u in order:
            t = np.array(series[u][0])
            y = np.array(series[u][1])
            s = t - t.mean()
            try:
                p, _ = curve_fit(logistic, s, y, p0=start(s, y), maxfev=2000)
                sse = float(np.sum((y - logistic(s, *p)) ** 2))
                ok = np.isfinite(sse)
            except (RuntimeError, ValueError):
                sse, ok = float("nan"), False
            f.write("%s,%r,%s\n" % (u, sse, "true" if ok else "false"))


if __name__ == "__main__":
    main()
