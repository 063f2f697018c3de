#!/usr/bin/env python3
"""Reprints the prior probabilities of the default count models for a count standing alone
(`TrendCalibration.defaultModelPrior`, `countSmoothPrior`).

Every three-year window (years y, y+1, y+2 for y = first year, first + 3, …) of the three count panels in
../shared/data/real-series/ whose mean is 2 or more (county murders, state disease cases, national disease cases)
becomes one unit of a file dated 2023–2025; `attain backtest --window 3` on that file cannot learn variances from
three points, so its calibration carries the default models' prior probabilities learned from all the windows'
evidences together (empirical Bayes), which it prints as `modelPrior`. With --each, each panel on its own too.
Standard-library Python; needs a release build. Run: python3 scripts/calibration/count_model_prior.py
"""
import argparse, csv, json, os, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import probability_study as ps  # noqa: E402  (the shared data reader and its message for missing files)

PANELS = [("county murders", "county-murders-by-county.csv"),
          ("state disease cases", "us-disease-counts-by-state.csv"),
          ("national disease cases", "us-disease-annual-counts.csv")]
LENGTH, MIN_MEAN = 3, 2.0


def windows(data_dir, file):
    """The panel's three-year windows with a mean of MIN_MEAN or more: {name: [v1, v2, v3]}."""
    series = {}
    for row in ps.read_rows(data_dir, file):
        try:
            series.setdefault(row["series"], {})[int(row["year"])] = float(row["value"])
        except ValueError:
            continue
    out = {}
    for name, values in series.items():
        years = sorted(values)
        for start in range(years[0], years[-1] - LENGTH + 2, LENGTH):
            w = [values.get(start + k) for k in range(LENGTH)]
            if None not in w and sum(w) / LENGTH >= MIN_MEAN:
                out[f"{name}@{start}"] = w
    return out


def prior(attain, units):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "windows.csv")
        with open(path, "w", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(["unit", "indicator", "period", "value"])
            for name, w in units.items():
                for k, v in enumerate(w):
                    writer.writerow([name, "count", 2023 + k, f"{v:g}"])
        done = subprocess.run([attain, "backtest", "--data", path, "--indicator", "count", "--kind", "count",
                               "--window", str(LENGTH), "--origin", "2025", "--horizon", "1", "--quantiles", "0.5"],
                              capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"attain backtest failed: {done.stderr.strip()}")
        return json.loads(done.stdout)["calibration"].get("modelPrior")


def main():
    root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--attain", default=os.path.join(root, ".build", "release", "attain"))
    ap.add_argument("--data", default=os.path.normpath(os.path.join(root, "..", "shared", "data", "real-series")))
    ap.add_argument("--each", action="store_true", help="also each panel on its own")
    args = ap.parse_args()
    try:
        if not (os.path.isfile(args.attain) and os.access(args.attain, os.X_OK)):
            raise ps.Missing(f"attain binary {args.attain} is missing: build it with "
                             "`swift build -c release --product attain` or pass --attain PATH")
        panels = [(label, windows(args.data, f)) for label, f in PANELS]
    except ps.Missing as e:
        print(f"count_model_prior.py: {e}", file=sys.stderr)
        sys.exit(2)
    everything = {k: v for _, units in panels for k, v in units.items()}
    for label, units in ([("all three panels", everything)] + (panels if args.each else [])):
        p = prior(args.attain, units)
        print(f"{label}: {p['units']} windows; prior of the smooth defaults {p['weights'][0]!r}, "
              f"of the noisy-count default {p['weights'][1]:.4f}")


if __name__ == "__main__":
    main()
