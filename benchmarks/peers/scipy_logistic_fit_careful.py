#!/usr/bin/env python3
"""Peer for the logistic benchmark with the careful start a modeller would pick by eye: scipy.optimize.curve_fit.

The same fit as scipy_logistic_fit.py (same model, centred time, default Levenberg-Marquardt, maxfev=2000, same
output unit,sse,converged), from K0 = 1.1 max(y), r0 = 0.5 and t0 at the observation whose value is nearest half the
maximum. No straight-line fit to the logit: the start costs almost nothing, and it is close enough for most series.

usage: scipy_logistic_fit_careful.py DATA.csv OUT.csv
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import scipy_logistic_fit  # noqa: E402  (the shared reading, fitting and writing)


def careful_start(t, y):
    half = 0.5 * y.max()
    return [1.1 * y.max(), 0.5, float(t[np.argmin(np.abs(y - half))])]


if __name__ == "__main__":
    scipy_logistic_fit.main(start=careful_start)
