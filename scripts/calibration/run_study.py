#!/usr/bin/env python3
"""Calibration study of `attain backtest` on the real country series (standard-library Python only).

Converts ../shared/data/real-series/ to the tidy contract CSV (unit, indicator, period, value) in a temporary
directory, runs `attain backtest ... --format json` for every indicator x window x origin, and prints coverage of the
50/80/95% central intervals and the quantile (pinball) score relative to a random walk with drift, by horizon and
overall. See docs/calibration.md.

    python3 scripts/calibration/run_study.py --attain .build/release/attain [--jobs 2] [--data DIR] [--json OUT]
"""
import argparse, csv, hashlib, json, math, os, subprocess, sys, tempfile, time
from concurrent.futures import ThreadPoolExecutor
from statistics import NormalDist

LEVELS = ["0.025", "0.05", "0.1", "0.25", "0.5", "0.75", "0.9", "0.95", "0.975"]
INTERVALS = {50: ("0.25", "0.75"), 80: ("0.1", "0.9"), 95: ("0.025", "0.975")}
WINDOWS = [5, 8, 15]
HORIZON = 10
# indicator: (file, kind, value transform, origins)
INDICATORS = {
    "infant_survival": ("infant-mortality-by-country.csv", "share", lambda v: 1 - v / 1000,
                        [1975, 1980, 1985, 1990, 1995, 2000, 2005]),
    "fertility": ("fertility-rate-by-country.csv", "level", lambda v: v, [1975, 1980, 1985, 1990, 1995, 2000]),
    "life_expectancy": ("life-expectancy-by-country.csv", "level", lambda v: v, [1967, 1972, 1977, 1982, 1987, 1992, 1997]),
}


def in_half(unit, half):
    """Deterministic split of the countries into halves A and B by a hash of the code (for stability checks)."""
    if half is None:
        return True
    return (hashlib.sha256(unit.encode()).digest()[0] % 2 == 0) == (half == "A")


def convert(data_dir, out_dir, half=None):
    """Writes one tidy CSV per indicator; returns {indicator: (path, {unit: {year: value}})}."""
    result = {}
    for name, (file, _kind, f, _origins) in INDICATORS.items():
        series = {}
        with open(os.path.join(data_dir, file), newline="") as fh:
            for row in csv.DictReader(fh):
                if not in_half(row["series"], half):
                    continue
                series.setdefault(row["series"], {})[int(row["year"])] = f(float(row["value"]))
        path = os.path.join(out_dir, name + ".csv")
        with open(path, "w", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["unit", "indicator", "period", "value"])
            for unit in sorted(series):
                for year in sorted(series[unit]):
                    w.writerow([unit, name, year, repr(series[unit][year])])
        result[name] = (path, series)
    return result


def grid_step(series):
    g = 0
    for values in series.values():
        years = sorted(values)
        for a, b in zip(years, years[1:]):
            g = math.gcd(g, b - a)
    return max(g, 1)


def pinball(quantiles, y):
    return sum((float(l) - (y < q)) * (y - q) for l, q in zip(LEVELS, quantiles)) / len(LEVELS)


def rw_drift(values, origin, window, step, h):
    """Random walk with drift on the data scale from the window's points: normal quantiles, sd σ√(h(1 + h/k))."""
    years = [origin - step * k for k in range(window)][::-1]
    pts = [(t, values[t]) for t in years if t in values]
    if len(pts) < 2 or origin not in values:
        return None
    (t0, y0), (t1, y1) = pts[0], pts[-1]
    drift = (y1 - y0) / ((t1 - t0) / step)
    diffs = [b[1] - a[1] for a, b in zip(pts, pts[1:]) if b[0] - a[0] == step]
    k = len(diffs)
    if k >= 2:
        mean = sum(diffs) / k
        sigma = math.sqrt(sum((d - mean) ** 2 for d in diffs) / (k - 1))
    else:
        sigma = abs(drift)
    sd = sigma * math.sqrt(h * (1 + h / max(k, 1)))
    mu = y1 + h * drift
    return [mu + sd * NormalDist().inv_cdf(float(l)) if sd > 0 else mu for l in LEVELS]


def run_one(attain, path, name, kind, origin, window):
    cmd = [attain, "backtest", "--data", path, "--indicator", name, "--kind", kind, "--origin", str(origin),
           "--window", str(window), "--horizon", str(HORIZON), "--quantiles", ",".join(LEVELS), "--format", "json"]
    start = time.time()
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(cmd)}\n{done.stderr}")
    return name, origin, window, json.loads(done.stdout)["forecasts"], time.time() - start


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--attain", default=os.path.join(here, "..", "..", ".build", "release", "attain"))
    ap.add_argument("--data", default=os.path.join(here, "..", "..", "..", "shared", "data", "real-series"))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--json", help="also write every scored forecast's metrics to this file")
    ap.add_argument("--half", choices=["A", "B"], help="use only one half of the countries (split by a hash of the code)")
    ap.add_argument("--indicators", default=",".join(INDICATORS), help="comma-separated subset of " + ", ".join(INDICATORS))
    args = ap.parse_args()
    for name in list(INDICATORS):
        if name not in args.indicators.split(","):
            del INDICATORS[name]
    missing = [f for f, *_ in INDICATORS.values() if not os.path.isfile(os.path.join(args.data, f))]
    if missing:
        print(f"run_study.py: the real series are not at {os.path.normpath(args.data)} (missing {', '.join(missing)}); "
              "they live beside the repository in ../shared/data/real-series, or pass --data DIR", file=sys.stderr)
        sys.exit(2)
    if not os.access(args.attain, os.X_OK):
        print(f"run_study.py: no attain binary at {os.path.normpath(args.attain)}; run `make build` or pass --attain PATH",
              file=sys.stderr)
        sys.exit(2)

    rows = []  # (indicator, window, origin, horizon, cov50, cov80, cov95, score, rw_score, rw80, rw95)
    started = time.time()
    with tempfile.TemporaryDirectory() as tmp:
        data = convert(args.data, tmp, args.half)
        jobs = [(n, INDICATORS[n][1], o, w) for n in INDICATORS for w in WINDOWS for o in INDICATORS[n][3]]
        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            results = list(pool.map(lambda j: run_one(args.attain, data[j[0]][0], *j), jobs))
    cli_seconds = sum(r[4] for r in results)
    for name, origin, window, forecasts, _ in results:
        series = data[name][1]
        step = grid_step(series)
        for f in forecasts:
            y = f["actual"]
            if y is None:
                continue
            q = [f["quantiles"][l] for l in LEVELS]
            rw = rw_drift(series[f["unit"]], origin, window, step, f["horizon"])
            if rw is None:
                continue
            cov = {c: f["quantiles"][lo] <= y <= f["quantiles"][hi] for c, (lo, hi) in INTERVALS.items()}
            rows.append((name, window, origin, f["horizon"], cov[50], cov[80], cov[95], pinball(q, y), pinball(rw, y),
                         rw[2] <= y <= rw[6], rw[1] <= y <= rw[7]))

    def summary(sel):
        n = len(sel)
        if n == 0:
            return None
        by_ind = {}
        for r in sel:
            s = by_ind.setdefault(r[0], [0.0, 0.0])
            s[0] += r[7]; s[1] += r[8]
        ratios = [a / b for a, b in by_ind.values() if b > 0]
        geo = math.exp(sum(map(math.log, ratios)) / len(ratios)) if ratios else float("nan")
        return dict(n=n, cov50=sum(r[4] for r in sel) / n, cov80=sum(r[5] for r in sel) / n, cov95=sum(r[6] for r in sel) / n,
                    rel=geo, rw80=sum(r[9] for r in sel) / n, rw95=sum(r[10] for r in sel) / n)

    def line(label, s):
        return (f"| {label} | {s['n']} | {s['cov50']:.3f} | {s['cov80']:.3f} | {s['cov95']:.3f} | {s['rel']:.3f} "
                f"| {s['rw80']:.3f} | {s['rw95']:.3f} |")

    header = "| | n | cover 50% | cover 80% | cover 95% | score / RW drift | RW cover 80% | RW cover 95% |\n|---|---|---|---|---|---|---|---|"

    def table(title, sel):
        """One table: overall, then by horizon, then by window."""
        print(title + "\n")
        print(header)
        print(line("overall", summary(sel)))
        for h in range(1, HORIZON + 1):
            s = summary([r for r in sel if r[3] == h])
            if s:
                print(line(f"h = {h}", s))
        for w in WINDOWS:
            print(line(f"window {w}", summary([r for r in sel if r[1] == w])))

    table("## All three indicators (score: per-indicator sums, geometric mean over indicators)", rows)
    for name in INDICATORS:
        print()
        table(f"## {name}", [r for r in rows if r[0] == name])
    worst = min((summary([r for r in rows if r[3] == h]) | {"h": h} for h in range(1, HORIZON + 1)
                 if any(r[3] == h for r in rows)), key=lambda s: -abs(s["cov80"] - 0.8))
    print(f"\nworst horizon for 80% coverage: h = {worst['h']} ({worst['cov80']:.3f})")
    print(f"{len(results)} backtest runs, {cli_seconds:.1f} s of CLI time, {time.time() - started:.1f} s wall")
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(rows, fh)


if __name__ == "__main__":
    main()
