#!/usr/bin/env python3
"""Probability study of totals over units: is a total judged on the sum of its units' paths honest?

For every state of the county-murders panel and each origin, the state's total (the sum of its counties) gets plan-like
targets set exactly as in probability_study.py, from the total's own 7-year window. Two ways to give the probability:

  units  `attain run --by unit --units all --total STATE` on the counties' windows: the total judged on the sum of the
         counties' own paths (each county modelled with its sister counties, independently of the others);
  direct `attain run` on the state total as one series standing alone (what an office without unit data would do).

Both are scored against what the later data show (Brier, against naive drift and the base rate, ECE), like the main
study. Standard-library Python; needs ../shared/data/real-series/ and a release build. Run: make totals-study.
"""
import argparse, json, os, subprocess, sys, tempfile, time
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import probability_study as ps  # noqa: E402  (the main study's targets, files, naive forecaster and scores)

ORIGINS = [1986, 1990]


def run_json(cmd):
    start = time.time()
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode != 0:
        first = next((l.strip() for l in done.stderr.splitlines() if l.strip()), f"exit {done.returncode}")
        return None, first, time.time() - start
    return json.loads(done.stdout), None, time.time() - start


def main():
    root = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--attain", default=os.path.join(root, ".build", "release", "attain"))
    ap.add_argument("--data", default=os.path.normpath(os.path.join(root, "..", "shared", "data", "real-series")))
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--paths", type=int, default=2000)
    ap.add_argument("--max-counties", type=int, default=60,
                    help="states with more counties than this are left out (run time grows with counties²)")
    ap.add_argument("--min-counties", type=int, default=2, help="states with fewer counties than this are left out")
    ap.add_argument("--shared-paths", type=float, help="passed to attain run --shared-paths (default: attain's)")
    ap.add_argument("--json", help="write every scored target to this file")
    args = ap.parse_args()
    if not os.path.isdir(args.data) or not os.access(args.attain, os.X_OK):
        print(f"totals_study: needs {args.data} and the binary {args.attain} (make build)", file=sys.stderr)
        sys.exit(2)
    units = ps.load_panel("murders", args.data)
    naive = ps.Naive()
    jobs, cases = [], {}
    with tempfile.TemporaryDirectory(prefix="attain-totals-") as tmp:
        for state in sorted({u["group"] for u in units.values()}):
            for origin in ORIGINS:
                years = range(origin - ps.WINDOW + 1, origin + ps.AHEAD + 1)
                counties = sorted(uid for uid, u in units.items()
                                  if u["group"] == state and all(y in u["values"] for y in years))
                if len(counties) < max(2, args.min_counties) or len(counties) > args.max_counties:
                    continue
                total = {y: sum(units[c]["values"][y] for c in counties) for y in years}
                w = [total[y] for y in range(origin - ps.WINDOW + 1, origin + 1)]
                if sum(w) / ps.WINDOW < ps.MIN_WINDOW_MEAN:
                    continue
                later = {y: total[y] for y in range(origin + 1, origin + ps.AHEAD + 1)}
                targets, _ = ps.make_targets("count", w, later, origin)
                if not targets:
                    continue
                for t in targets:
                    t["p_naive"] = naive.probability(w, t, "count", origin)
                d = os.path.join(tmp, f"{state}-{origin}")
                os.makedirs(d)
                ps.write_targets(os.path.join(d, "targets.yaml"), "murders", targets)
                counties_csv, total_csv = os.path.join(d, "counties.csv"), os.path.join(d, "total.csv")
                ps.write_csv(counties_csv, [(c, "murders", y, units[c]["values"][y]) for c in counties
                                            for y in range(origin - ps.WINDOW + 1, origin + 1)])
                ps.write_csv(total_csv, [(state, "murders", y, v) for y, v in zip(range(origin - ps.WINDOW + 1, origin + 1), w)])
                for mode, data, unit in (("units", counties_csv, counties[0]), ("direct", total_csv, state)):
                    scenario = os.path.join(d, f"{mode}.yaml")
                    ps.write_scenario(scenario, data, os.path.join(d, "targets.yaml"), unit, "murders", "count", origin)
                    cmd = [args.attain, "run", scenario, "--paths", str(args.paths), "--seed", "1", "--threads", "1", "--format", "json"]
                    if mode == "units":
                        cmd += ["--by", "unit", "--units", "all", "--total", state, "--quiet"]
                        if args.shared_paths is not None:
                            cmd += ["--shared-paths", str(args.shared_paths)]
                    jobs.append((mode, state, origin, len(counties), cmd))
                cases[(state, origin)] = targets
        print(f"{len(cases)} state-origins, {len(jobs)} runs", file=sys.stderr)
        started = time.time()
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            results = list(pool.map(lambda j: run_json(j[4]), jobs))
    scored, failures, seconds = [], [], {"units": 0.0, "direct": 0.0}
    for (mode, state, origin, n, _cmd), (doc, err, s) in zip(jobs, results):
        seconds[mode] += s
        if err:
            failures.append(f"{mode} {state} {origin}: {err}")
            continue
        if mode == "units":
            got = {t["id"]: (t.get("total") or {}).get("row") for t in doc["targets"]}
        else:
            got = {t["id"]: t for t in doc["targets"]}
        for t in cases[(state, origin)]:
            g = got.get(t["id"])
            if not g:
                failures.append(f"{mode} {state} {origin}: no probability for {t['id']}")
                continue
            scored.append(dict(mode=mode, state=state, origin=origin, counties=n, id=t["id"], kind=t["kind"],
                               threshold=t["threshold"], outcome=t["outcome"], p=float(g["probability"]), p_naive=t["p_naive"],
                               median=g.get("median")))
    base_rate = sum(r["outcome"] for r in scored) / max(1, len(scored))
    print("# Totals over units: county murders summed by state\n")
    print(f"{len(cases)} state-origins (states with {max(2, args.min_counties)}–{args.max_counties} counties complete over the window and the five "
          f"years after; origins {', '.join(map(str, ORIGINS))}), {len(scored)} scored targets, {len(failures)} failures; "
          f"CLI time: units {seconds['units']:.0f} s, direct {seconds['direct']:.0f} s; {time.time() - started:.0f} s wall.\n")
    print("| way | kind | n | mean p | met | Brier | vs naive | vs base rate | ECE | p∈{0,1} |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for mode in ("units", "direct"):
        for kind in ps.KINDS + ["overall"]:
            rows = [r for r in scored if r["mode"] == mode and (kind == "overall" or r["kind"] == kind)]
            s = ps.scores(rows, base_rate)
            if s:
                print(f"| {mode} | {kind} | {s['n']} | {s['mean_p']:.3f} | {s['freq']:.3f} | {s['brier']:.3f} | "
                      f"{s['vs_naive']:.2f} | {s['vs_base']:.2f} | {s['ece']:.3f} | {s['extreme']:.2f} |")
    for f in failures[:20]:
        print(f"- failure: {f}")
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(dict(scored=scored, failures=failures), fh, indent=1)


if __name__ == "__main__":
    main()
