#!/usr/bin/env python3
"""End-to-end probability study of `attain run` on real series (standard-library Python only).

For every unit and origin of five real panels it keeps the 7 years up to the origin (the "window", as a district
holds 2019-2025), sets plan-like targets over the next five years around a straight-line extrapolation of the window,
runs `attain run SCENARIO --paths 2000 --seed 1 --threads 1 --format json` on a one-indicator scenario written to a
temporary directory, and scores the probabilities against what the later data did: Brier score, against a random walk
with drift and against one base rate, expected calibration error (ECE), mean probability against frequency. Two
modes: `alone` (the data file holds only the unit's own window) and `sisters` (it holds the windows of all the unit's
sister units: the same state's counties, the same disease's states, all states, all countries). Prints markdown
tables, writes a reliability diagram per panel (SVG) and, with --json, every scored target. Two synthetic panels,
drawn here from a known process with independent units, are scored the same way when asked for by name.

    python3 scripts/calibration/probability_study.py [--attain .build/release/attain] [--data DIR] [--jobs 2]
        [--max-units N] [--quick] [--panels murders,unemployment,disease,infant,us-national] [--json OUT]
        [--svg-dir docs]
    python3 scripts/calibration/probability_study.py --panels synthetic-counts,synthetic-shares
"""
import argparse, csv, hashlib, json, math, os, random, shutil, subprocess, sys, tempfile, time
from concurrent.futures import ThreadPoolExecutor
from statistics import NormalDist

WINDOW = 7                       # years kept up to and including the origin
SELECTION = "expected"           # which count units are studied: "expected" (select_cases) or "window" (before 12/2026)
AHEAD = 5                        # the targets' years: origin+1 .. origin+5
LEVEL_MULTIPLIERS = [0.5, 1, 1.5]
CUMULATIVE_FACTORS = [0.8, 1, 1.25]
EVERY_YEAR_COUNT_FACTOR = 0.7
MIN_WINDOW_MEAN = 2.0            # counts: a unit is studied when it expects at least this many a year (select_cases)
NAIVE_PATHS = 4000               # random-walk paths for the naive every-year probabilities
NAIVE_SEED = 20240601
BINS = 10
QUICK_UNITS, QUICK_CASES = 3, 12  # --quick: units per panel and origin, unit-origins per panel
GOAL_ECE, GOAL_NAIVE, GOAL_MIN_N = 0.05, 0.8, 100
SEED_NULL, NULL_REPS = 20261205, 200   # the calibrated-forecaster ECE ranges (null_ece)
KINDS = ["level", "cumulative", "every-year"]
SYNTHETIC_SEED, SYNTHETIC_GROUPS, SYNTHETIC_UNITS = 20261206, 40, 15
SYNTHETIC_FIRST, SYNTHETIC_ORIGIN = 2001, 2020   # years 2001-2025: a window of up to 20 years and five later years
MODES = ["alone", "sisters"]
PHI = NormalDist()

# Origins per disease of the state panel: 7-year windows and 5 later years exist, and most states count >= 2 a year.
DISEASE_ORIGINS = {
    "Measles": [1950, 1962, 1985],   # pre-vaccine; through the 1963 vaccine; before the 1989-91 resurgence
    "Polio": [1940, 1948, 1956],     # epidemic years; the 1955 vaccine
    "Rubella": [1975, 1982, 1990],   # after the 1969 vaccine; elimination years (fewer states count >= 2)
    "Smallpox": [1935, 1942],        # the last decades of endemic smallpox
}

# panel: file, kind, what sister units are, origins (the disease and national panels choose theirs per series)
PANELS = {
    "murders": ("county-murders-by-county.csv", "count", "the state's counties", [1986, 1990]),
    "unemployment": ("state-unemployment-rates.csv", "share", "all 48 states", [1976, 1979]),
    "disease": ("us-disease-counts-by-state.csv", "count", "the same disease's states", None),
    "infant": ("infant-mortality-by-country.csv", "share", "all countries in the folder", [1985, 1995, 2005]),
    "us-national": ("us-disease-annual-counts.csv", "count", "none (alone only: the series are different diseases)", None),
}

# Panels generated here from a known process (no file): independent units with no shock common to an origin, so their
# ECE can be read against sampling noise alone. Not in the default --panels and not in "all panels together".
SYNTHETIC = {
    "synthetic-counts": (None, "count", "the 15 units of the same generating group", [SYNTHETIC_ORIGIN]),
    "synthetic-shares": (None, "share", "the 15 units of the same generating group", [SYNTHETIC_ORIGIN]),
}
REAL_PANELS = list(PANELS)
PANELS.update(SYNTHETIC)


class Missing(Exception):
    """A prerequisite (data folder, data file, binary) is missing: one line, exit 2."""


# ---------------------------------------------------------------- data

def read_rows(data_dir, file):
    path = os.path.join(data_dir, file)
    if not os.path.isfile(path):
        raise Missing(f"data file {path} is missing: it is part of the shared reference data "
                      f"(/work/shared/data/real-series/); pass its folder with --data DIR")
    with open(path, newline="") as fh:
        return list(csv.DictReader(fh))


def poisson_draw(rng, mean):
    """Poisson by inversion; a mean above 500 (whose e^-mean would underflow further on) is drawn as a sum of parts."""
    if mean > 500:
        parts = math.ceil(mean / 500)
        return sum(poisson_draw(rng, mean / parts) for _ in range(parts))
    u, k, p = rng.random(), 0, math.exp(-mean)
    cdf = p
    while u > cdf and p > 0:
        k += 1
        p *= mean / k
        cdf += p
    return k


def synthetic_panel(name):
    """A panel drawn from a known process, the same every run (SYNTHETIC_SEED). Groups of 15 units share how the
    units' series behave; each unit has its own level. The units are independent: nothing moves them together.

    synthetic-counts: group g has overdispersion k (Poisson, 20, 5 or 2: counts Poisson(Gamma(k, λ/k))) and a
    level that moves by τ (0, 0.05, 0.10 or 0.15) on the log scale a year; unit level λ₀ log-uniform on [1, 40].
    synthetic-shares: a logit level starting uniform on [logit 0.2, logit 0.85], a slope starting N(0.05, 0.05²) that
    moves by 0.02 a year, the level by τ (0.02, 0.05 or 0.10); the share is observed out of n (50, 200 or 1,000) and
    the data file gives the counts (numerator, denominator), as a coverage share's would."""
    rng = random.Random(f"{SYNTHETIC_SEED}:{name}")
    units = {}
    for g in range(SYNTHETIC_GROUPS):
        group = f"G{g:02d}"
        for i in range(SYNTHETIC_UNITS):
            uid = f"{group}-U{i:02d}"
            values, counts, expected = {}, {}, {}
            if name == "synthetic-counts":
                k = [None, 20.0, 5.0, 2.0][g % 4]
                tau = [0.0, 0.05, 0.10, 0.15][(g // 4) % 4]
                log_level = rng.uniform(math.log(1), math.log(40))
                for year in range(SYNTHETIC_FIRST, SYNTHETIC_ORIGIN + AHEAD + 1):
                    log_level += tau * rng.gauss(0, 1)
                    mean = math.exp(log_level)
                    expected[year] = mean
                    values[year] = poisson_draw(rng, mean if k is None else rng.gammavariate(k, mean / k))
            else:
                tau = [0.02, 0.05, 0.10][g % 3]
                n = [50, 200, 1000][(g // 3) % 3]
                level = rng.uniform(math.log(0.2 / 0.8), math.log(0.85 / 0.15))
                slope = rng.gauss(0.05, 0.05)
                for year in range(SYNTHETIC_FIRST, SYNTHETIC_ORIGIN + AHEAD + 1):
                    level += slope + tau * rng.gauss(0, 1)
                    slope += 0.02 * rng.gauss(0, 1)
                    p = 1 / (1 + math.exp(-level))
                    x = sum(1 for _ in range(n) if rng.random() < p)
                    values[year] = round(x / n, 6)
                    counts[year] = (x, n)
            units[uid] = {"unit": uid, "indicator": "indicator", "group": group, "values": values}
            if counts:
                units[uid]["counts"] = counts
            if expected:
                units[uid]["expected"] = expected
    return units


def load_panel(name, data_dir):
    """Returns {uid: {"unit", "indicator", "group", "values": {year: value}}} for one panel."""
    if name in SYNTHETIC:
        return synthetic_panel(name)
    file, kind, _sisters, _origins = PANELS[name]
    units = {}
    for row in read_rows(data_dir, file):
        sid, year, v = row["series"], int(row["year"]), float(row["value"])
        if name == "murders":
            unit, indicator, group = sid, "murders", row["group"]
        elif name == "unemployment":
            unit, indicator, group = sid, "unemployment", "US"
        elif name == "disease":
            disease, state = sid.split("|", 1)
            unit, indicator, group = state, disease.lower(), disease
        elif name == "infant":
            unit, indicator, group, v = sid, "infant_survival", "world", 1 - v / 1000
        else:
            unit, indicator, group = sid, "cases", None
        u = units.setdefault(sid, {"unit": unit, "indicator": indicator, "group": group, "values": {}})
        u["values"][year] = v
        if name == "murders" and row.get("exposure"):
            u.setdefault("exposure", {})[year] = float(row["exposure"])
    return units


def window_of(values, origin):
    w = [values.get(y) for y in range(origin - WINDOW + 1, origin + 1)]
    return None if any(v is None for v in w) else w


def origins_for(name, uid, u):
    if name == "disease":
        return DISEASE_ORIGINS.get(u["group"], [])
    if name == "us-national":
        # every even year whose window and five later years are all in the data
        years = u["values"]
        return [o for o in range(min(years) + WINDOW - 1, max(years) - AHEAD + 1)
                if o % 2 == 0 and all(y in years for y in range(o - WINDOW + 1, o + AHEAD + 1))]
    return PANELS[name][3]


def unit_rank(name, uid):
    """Deterministic subsampling order: a hash of the panel and the unit's id."""
    return hashlib.sha256(f"{name}:{uid}".encode()).hexdigest()


def in_half(group, half):
    """Half A or B of the sister groups (states, diseases, countries) by a hash of the group: defaults learned on one
    half can be scored on the other."""
    return (hashlib.sha256(f"half:{group}".encode()).digest()[0] % 2 == 0) == (half == "A")


def expected_per_year(name, u, origin, window, rates):
    """What a count unit expects a year over its window, known without the window's own sampling noise: a county's
    population at the panel's murder rate over the window (`rates`, per origin), a synthetic unit's generating mean;
    other count panels (disease, US national) their window's mean, where the threshold binds for 5% of the disease
    windows and none of the national ones."""
    years = range(origin - WINDOW + 1, origin + 1)
    if name == "murders" and SELECTION == "expected" and all(y in u.get("exposure", {}) for y in years):
        return sum(u["exposure"][y] for y in years) / WINDOW * rates[origin]
    if "expected" in u and SELECTION == "expected":
        return sum(u["expected"][y] for y in years) / WINDOW
    return sum(window) / WINDOW


def panel_rates(name, units):
    """Per origin, the murders panel's count per unit of exposure over the window: every county with a complete
    window and population, so that one county's own noise moves it by a few parts in a thousand."""
    if name != "murders":
        return {}
    rates = {}
    for origin in PANELS[name][3]:
        years = range(origin - WINDOW + 1, origin + 1)
        total = exposure = 0.0
        for u in units.values():
            if all(y in u["values"] and y in u.get("exposure", {}) for y in years):
                total += sum(u["values"][y] for y in years)
                exposure += sum(u["exposure"][y] for y in years)
        rates[origin] = total / exposure if exposure > 0 else 0.0
    return rates


def select_cases(name, units, max_units):
    """Cases (uid, origin) of a panel: complete window, counts expecting >= 2 a year (`expected_per_year`: not the
    window's own mean, whose noise would select units that drew high and will fall back); at most `max_units` units
    per origin (per disease and origin for the disease panel), the first by hash of the unit id."""
    kind = PANELS[name][1]
    rates = panel_rates(name, units)
    pools = {}
    for uid, u in units.items():
        for origin in origins_for(name, uid, u):
            w = window_of(u["values"], origin)
            if w is None or (kind == "count" and expected_per_year(name, u, origin, w, rates) < MIN_WINDOW_MEAN):
                continue
            pools.setdefault((u["group"] if name == "disease" else None, origin), []).append(uid)
    cases = []
    for key in sorted(pools, key=str):
        cases += [(uid, key[1]) for uid in sorted(pools[key], key=lambda x: unit_rank(name, x))[:max_units]]
    return cases


# ---------------------------------------------------------------- targets

def round_half_up(x):
    return int(math.floor(x + 0.5))


def make_targets(kind, w, later, origin):
    """Plan-like targets around the window's straight line. Returns (targets, skipped) where each target is a dict with
    the study kind, the file's kind and window, the threshold and the outcome; `skipped` counts the reasons."""
    last, first = w[-1], w[0]
    change = (last - first) / (WINDOW - 1)          # the window's mean yearly change
    recent = sum(w[-3:]) / 3
    deadline, years = origin + AHEAD, list(range(origin + 1, origin + AHEAD + 1))
    out, skipped = [], {}

    def skip(reason):
        skipped[reason] = skipped.get(reason, 0) + 1

    def add(tid, study_kind, file_kind, window, threshold):
        need = [deadline] if study_kind == "level" else years
        obs = [later.get(y) for y in need]
        if any(v is None for v in obs):
            return skip("outcome years missing")
        tol = 1e-9 * max(1.0, abs(threshold))
        if study_kind == "cumulative":
            met = sum(obs) >= threshold - tol
        else:
            met = all(v >= threshold - tol for v in obs)
        out.append(dict(id=tid, kind=study_kind, file_kind=file_kind, window=window, threshold=threshold,
                        outcome=int(met)))

    for m in LEVEL_MULTIPLIERS:
        x = last + m * change * AHEAD
        if kind == "share":
            t = round(x, 6)
            if not 0 < t < 1:
                skip("share threshold outside (0, 1)")
                continue
            add(f"L{m:g}", "level", "level-at-deadline", (deadline, deadline), t)
        else:
            # A count's "level at deadline" is the deadline year's count; attain judges counts per year, so the file
            # states it as an every-year target over the single deadline year.
            t = round_half_up(max(0.0, x))
            if t == 0:
                skip("count threshold 0 (always met)")
                continue
            add(f"L{m:g}", "level", "every-year", (deadline, deadline), t)
    if kind == "count":
        for f in CUMULATIVE_FACTORS:
            t = round_half_up(f * AHEAD * recent)
            if t == 0:
                skip("count threshold 0 (always met)")
                continue
            add(f"C{f:g}", "cumulative", "cumulative-count", (years[0], years[-1]), t)
        t = round_half_up(EVERY_YEAR_COUNT_FACTOR * recent)
        if t == 0:
            skip("count threshold 0 (always met)")
        else:
            add("E", "every-year", "every-year", (years[0], years[-1]), t)
    else:
        t = round(last + change, 6)
        if not 0 < t < 1:
            skip("share threshold outside (0, 1)")
        else:
            add("E", "every-year", "every-year", (years[0], years[-1]), t)
    return out, skipped


# ---------------------------------------------------------------- naive forecaster

class Naive:
    """Random walk with drift on the data scale: drift = the window's mean change, steps N(0, s²) with s the sd of the
    window's 6 one-step changes. Level and cumulative targets in closed form; every-year targets by simulation on one
    fixed set of standard-normal paths (common to all targets). Counts use a continuity correction (threshold - 0.5)."""

    def __init__(self):
        rng = random.Random(NAIVE_SEED)
        self.paths = []
        for _ in range(NAIVE_PATHS):
            c, acc = [], 0.0
            for _h in range(AHEAD):
                acc += rng.gauss(0.0, 1.0)
                c.append(acc)
            self.paths.append(c)

    @staticmethod
    def params(w):
        diffs = [b - a for a, b in zip(w, w[1:])]
        mean = sum(diffs) / len(diffs)
        sd = math.sqrt(sum((d - mean) ** 2 for d in diffs) / (len(diffs) - 1))
        return w[-1], (w[-1] - w[0]) / (WINDOW - 1), sd

    @staticmethod
    def tail(mu, sd, t):
        if sd <= 0:
            return 1.0 if mu >= t else 0.0
        return 1 - PHI.cdf((t - mu) / sd)

    def probability(self, w, target, kind, origin):
        last, drift, s = self.params(w)
        t = target["threshold"] - (0.5 if kind == "count" else 0.0)
        a, b = target["window"][0] - origin, target["window"][1] - origin     # steps ahead, 1..5
        if target["kind"] == "level":
            return self.tail(last + b * drift, s * math.sqrt(b), t)
        if target["kind"] == "cumulative":
            # sum over h=a..b of (last + h·drift + Σ_{j<=h} e_j): step j enters (b - max(a, j) + 1) of the terms
            n = b - a + 1
            mu = n * last + drift * sum(range(a, b + 1))
            var = sum((b - max(a, j) + 1) ** 2 for j in range(1, b + 1))
            return self.tail(mu, s * math.sqrt(var), t)
        if s <= 0:
            return 1.0 if all(last + h * drift >= t for h in range(a, b + 1)) else 0.0
        hits = 0
        for c in self.paths:
            if all(last + h * drift + s * c[h - 1] >= t for h in range(a, b + 1)):
                hits += 1
        return hits / NAIVE_PATHS


# ---------------------------------------------------------------- files and runs

def yaml_str(s):
    return json.dumps(str(s), ensure_ascii=False)


def num(x):
    if isinstance(x, int) or float(x).is_integer():
        return str(int(x))
    return repr(float(x))


def write_csv(path, rows):
    """rows: (unit, indicator, year, value); a value (numerator, denominator) is a share given as counts."""
    counted = any(isinstance(r[3], tuple) for r in rows)
    with open(path, "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["unit", "indicator", "period", "value"] + (["numerator", "denominator"] if counted else []))
        for unit, indicator, year, value in rows:
            if isinstance(value, tuple):
                w.writerow([unit, indicator, year, "", value[0], value[1]])
            else:
                w.writerow([unit, indicator, year, num(value)] + (["", ""] if counted else []))


def data_value(u, year, value):
    """What the data file holds for a unit's year: the counts of a share given as counts, else the value."""
    return u.get("counts", {}).get(year, value)


def write_targets(path, indicator, targets):
    lines = ["version: 1", "targets:"]
    for t in targets:
        lines.append(f"  - id: {yaml_str(t['id'])}")
        lines.append(f"    indicator: {indicator}")
        lines.append(f"    kind: {t['file_kind']}")
        if t["file_kind"] == "level-at-deadline":
            lines.append(f"    deadline: {t['window'][1]}")
        else:
            lines.append(f"    window: {t['window'][0]}-{t['window'][1]}")
        lines.append(f"    at-least: {num(t['threshold'])}")
    with open(path, "w") as fh:
        fh.write("\n".join(lines) + "\n")


def write_scenario(path, data, targets, unit, indicator, kind, origin):
    text = (f"version: 1\nname: study\ndata: {yaml_str(data)}\ntargets: {yaml_str(targets)}\nunit: {yaml_str(unit)}\n"
            f"cutoff: {origin}-12-31\nhorizon: {origin + AHEAD}\nindicators:\n"
            f"  - name: {indicator}\n    kind: {kind}\n    model: auto\n")
    with open(path, "w") as fh:
        fh.write(text)


def run_attain(attain, scenario, paths):
    cmd = [attain, "run", scenario, "--paths", str(paths), "--seed", "1", "--threads", "1", "--format", "json"]
    start = time.time()
    try:
        done = subprocess.run(cmd, capture_output=True, text=True)
    except OSError as e:
        return None, f"could not start attain: {e}", time.time() - start
    seconds = time.time() - start
    if done.returncode != 0:
        first = next((l.strip() for l in done.stderr.splitlines() if l.strip()), f"exit {done.returncode}, no message")
        return None, f"exit {done.returncode}: {first}", seconds
    try:
        return json.loads(done.stdout), None, seconds
    except ValueError as e:
        return None, f"unreadable JSON: {e}", seconds


# ---------------------------------------------------------------- scores

def scores(rows, base_rate):
    n = len(rows)
    if n == 0:
        return None
    brier = sum((r["p"] - r["outcome"]) ** 2 for r in rows) / n
    naive = sum((r["p_naive"] - r["outcome"]) ** 2 for r in rows) / n
    base = sum((base_rate - r["outcome"]) ** 2 for r in rows) / n
    ece = 0.0
    for b in reliability_bins(rows):
        ece += b["n"] / n * abs(b["p"] - b["freq"])
    return dict(n=n, brier=brier, naive=naive, vs_naive=brier / naive if naive > 0 else float("nan"), base=base,
                vs_base=brier / base if base > 0 else float("nan"), ece=ece,
                mean_p=sum(r["p"] for r in rows) / n, freq=sum(r["outcome"] for r in rows) / n,
                extreme=sum(1 for r in rows if r["p"] in (0.0, 1.0)) / n,
                confident_wrong=sum(1 for r in rows if (r["p"] == 1.0 and not r["outcome"]) or (r["p"] == 0.0 and r["outcome"])))


def loo_base_brier(rows, kind):
    """Brier of a base rate without hindsight: each target of `kind` ("overall": every kind) gets the met frequency of
    `rows` (one panel and mode, every kind) at the other origins; nan when a panel has one origin."""
    met, n = {}, {}
    for r in rows:
        met[r["origin"]] = met.get(r["origin"], 0) + r["outcome"]
        n[r["origin"]] = n.get(r["origin"], 0) + 1
    total_met, total_n = sum(met.values()), sum(n.values())
    sel = [r for r in rows if kind == "overall" or r["kind"] == kind]
    if len(n) < 2 or not sel:
        return float("nan")
    return sum(((total_met - met[r["origin"]]) / (total_n - n[r["origin"]]) - r["outcome"]) ** 2 for r in sel) / len(sel)


def reliability_bins(rows):
    bins = [[] for _ in range(BINS)]
    for r in rows:
        bins[min(int(r["p"] * BINS), BINS - 1)].append(r)
    out = []
    for i, b in enumerate(bins):
        if b:
            out.append(dict(bin=i, n=len(b), p=sum(r["p"] for r in b) / len(b), freq=sum(r["outcome"] for r in b) / len(b)))
    return out


def clusters_of(r):
    """The two ways outcomes move together: every unit of a panel at one origin (a national shock: a recession, the
    early-1990s fall in murders, a vaccine), and one sister group (a state's counties, a disease's states) at one origin
    (a regional shock); a national series' overlapping origins share its own history instead."""
    inner = (r["panel"], r["unit"]) if r["panel"] == "us-national" else (r["panel"], r["group"], r["origin"])
    return (r["panel"], r["origin"]), inner


def null_ece(rows, seed=SEED_NULL, reps=NULL_REPS):
    """How large an ECE a *calibrated* forecaster shows on these targets, by simulation: each outcome is drawn as met
    with its own probability p (so the probabilities are right by construction), either independently or with the
    co-movement the real outcomes showed. Co-movement is a two-factor Gaussian copula (`clusters_of`): met when
    √ρ₁·a + √ρ₂·b + √(1−ρ₁−ρ₂)·e ≤ Φ⁻¹(p), a shared by the panel's units at one origin, b by a sister group; ρ₁ and
    ρ₂ are the values whose simulated spreads of the clusters' sums Σ(met − p) match the real ones (alternating
    bisections). A common bias of the forecaster inside a cluster looks the same as co-movement, so with few origins
    the second range is wide whatever the forecaster did: it says how much evidence the panel holds.
    Returns dict(ind=(q05, q95), rho=(ρ₁, ρ₂), clusters=(origins, groups), co=(q05, q95))."""
    rng = random.Random(seed)
    n = len(rows)
    keys = ({}, {})
    cl = [tuple(keys[i].setdefault(c, len(keys[i])) for i, c in enumerate(clusters_of(r))) for r in rows]
    k = (len(keys[0]), len(keys[1]))
    p = [r["p"] for r in rows]
    q = [-math.inf if x <= 0 else math.inf if x >= 1 else PHI.inv_cdf(x) for x in p]
    bins = [min(int(x * BINS), BINS - 1) for x in p]
    psum = [0.0] * BINS
    for b, x in zip(bins, p):
        psum[b] += x

    def draw(r1, r2):
        a = [rng.gauss(0, 1) for _ in range(k[0])]
        b = [rng.gauss(0, 1) for _ in range(k[1])]
        s1, s2, e = math.sqrt(r1), math.sqrt(r2), math.sqrt(max(0.0, 1 - r1 - r2))
        return [1 if s1 * a[i] + s2 * b[j] + e * rng.gauss(0, 1) <= qi else 0 for (i, j), qi in zip(cl, q)]

    def ece(y):
        ys = [0] * BINS
        for b, v in zip(bins, y):
            ys[b] += v
        return sum(abs(psum[b] - ys[b]) for b in range(BINS)) / n

    def spread(y, level):
        s = [0.0] * k[level]
        for c, v, x in zip(cl, y, p):
            s[c[level]] += v - x
        return sum(v * v for v in s)

    def quantiles(r1, r2):
        e = sorted(ece(draw(r1, r2)) for _ in range(reps))
        return (e[int(0.05 * reps)], e[int(0.95 * reps) - 1])

    observed = [spread([r["outcome"] for r in rows], level) for level in (0, 1)]
    m = max(4, reps // 4)

    def fit(level, other):
        """The ρ of `level` (the other level's ρ held) whose mean simulated spread matches the observed one."""
        def mean_spread(x):
            r = (x, other) if level == 0 else (other, x)
            return sum(spread(draw(*r), level) for _ in range(m)) / m
        top = 0.99 - other
        if top <= 0 or mean_spread(0.0) >= observed[level]:
            return 0.0
        lo, hi = 0.0, top
        for _ in range(7):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if mean_spread(mid) < observed[level] else (lo, mid)
        return (lo + hi) / 2

    r1 = r2 = 0.0
    for _ in range(2):
        r1 = fit(0, r2)
        r2 = fit(1, r1)
    return dict(ind=quantiles(0.0, 0.0), rho=(r1, r2), clusters=k, co=quantiles(r1, r2))


def goals(s):
    if s["n"] < GOAL_MIN_N:
        return None
    return dict(ece=s["ece"] <= GOAL_ECE, naive=s["brier"] <= GOAL_NAIVE * s["naive"], base=s["brier"] < s["base"])


def mark(ok):
    return "yes" if ok else "**no**"


# ---------------------------------------------------------------- SVG

def reliability_svg(panel, by_mode, path):
    """A hand-written reliability diagram: per mode, predicted-probability bins against observed frequency."""
    W, H, L, R, T, B = 640, 500, 70, 190, 50, 60
    pw, ph = W - L - R, H - T - B
    colours = {"alone": "#d95f02", "sisters": "#1b7e9e"}
    X = lambda p: L + p * pw
    Y = lambda f: T + (1 - f) * ph
    total = sum(len(r) for r in by_mode.values())
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" '
           f'font-family="Helvetica, Arial, sans-serif" font-size="12">',
           f'<rect width="{W}" height="{H}" fill="white"/>',
           f'<text x="{L}" y="24" font-size="15" font-weight="bold">Reliability of attain run: {panel}</text>',
           f'<text x="{L}" y="41" fill="#555">{total} scored targets (both modes); bins of width 0.1; point area ∝ targets in the bin</text>']
    for i in range(0, 11, 2):
        v = i / 10
        out.append(f'<line x1="{X(v):.1f}" y1="{T}" x2="{X(v):.1f}" y2="{T + ph}" stroke="#eee"/>')
        out.append(f'<line x1="{L}" y1="{Y(v):.1f}" x2="{L + pw}" y2="{Y(v):.1f}" stroke="#eee"/>')
        out.append(f'<text x="{X(v):.1f}" y="{T + ph + 18}" text-anchor="middle">{v:.1f}</text>')
        out.append(f'<text x="{L - 8}" y="{Y(v) + 4:.1f}" text-anchor="end">{v:.1f}</text>')
    out.append(f'<rect x="{L}" y="{T}" width="{pw}" height="{ph}" fill="none" stroke="#888"/>')
    out.append(f'<line x1="{X(0)}" y1="{Y(0)}" x2="{X(1)}" y2="{Y(1)}" stroke="#999" stroke-dasharray="5,4"/>')
    out.append(f'<text x="{L + pw / 2}" y="{H - 16}" text-anchor="middle">predicted probability (bin mean)</text>')
    out.append(f'<text transform="translate(20,{T + ph / 2}) rotate(-90)" text-anchor="middle">observed frequency of targets met</text>')
    biggest = max([b["n"] for rows in by_mode.values() for b in reliability_bins(rows)] or [1])
    ly = T + 10
    for mode, rows in by_mode.items():
        if not rows:
            continue
        c = colours[mode]
        bins = reliability_bins(rows)
        pts = " ".join(f"{X(b['p']):.1f},{Y(b['freq']):.1f}" for b in bins)
        out.append(f'<polyline points="{pts}" fill="none" stroke="{c}" stroke-width="1.5" opacity="0.8"/>')
        for b in bins:
            r = 2.5 + 11 * math.sqrt(b["n"] / biggest)
            out.append(f'<circle cx="{X(b["p"]):.1f}" cy="{Y(b["freq"]):.1f}" r="{r:.1f}" fill="{c}" fill-opacity="0.45" '
                       f'stroke="{c}"><title>{mode}: {b["n"]} targets, mean p {b["p"]:.3f}, met {b["freq"]:.3f}</title></circle>')
            dy = -r - 3 if mode == "alone" else r + 11
            out.append(f'<text x="{X(b["p"]):.1f}" y="{Y(b["freq"]) + dy:.1f}" text-anchor="middle" font-size="10" '
                       f'fill="{c}">{b["n"]}</text>')
        s = scores(rows, sum(r["outcome"] for r in rows) / len(rows))
        lx = L + pw + 18
        out.append(f'<circle cx="{lx + 6}" cy="{ly}" r="6" fill="{c}" fill-opacity="0.45" stroke="{c}"/>')
        out.append(f'<text x="{lx + 18}" y="{ly + 4}" font-weight="bold">{mode}</text>')
        for k, line in enumerate([f"n = {s['n']}", f"ECE = {s['ece']:.3f}", f"Brier = {s['brier']:.3f}",
                                  f"naive RW = {s['naive']:.3f}", f"base rate = {s['base']:.3f}",
                                  f"mean p {s['mean_p']:.2f}, met {s['freq']:.2f}"]):
            out.append(f'<text x="{lx + 18}" y="{ly + 20 + 15 * k}" fill="#333">{line}</text>')
        ly += 120
    out.append(f'<line x1="{L + pw + 18}" y1="{ly}" x2="{L + pw + 40}" y2="{ly}" stroke="#999" stroke-dasharray="5,4"/>')
    out.append(f'<text x="{L + pw + 46}" y="{ly + 4}" fill="#333">perfect calibration</text>')
    out.append("</svg>")
    tmp = path + ".tmp"
    with open(tmp, "w") as fh:
        fh.write("\n".join(out) + "\n")
    os.replace(tmp, path)


# ---------------------------------------------------------------- main

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.normpath(os.path.join(here, "..", ".."))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--attain", default=os.path.join(root, ".build", "release", "attain"))
    ap.add_argument("--data", default=os.path.normpath(os.path.join(root, "..", "shared", "data", "real-series")))
    ap.add_argument("--jobs", type=int, default=2, help="attain runs in parallel (default 2)")
    ap.add_argument("--max-units", type=int, default=600,
                    help="at most this many units per panel and origin, the first by a hash of the unit id (default 600: all)")
    ap.add_argument("--quick", action="store_true", help="smoke run: at most 3 units per panel and origin and 12 unit-origins per panel; no SVG unless --svg-dir")
    ap.add_argument("--panels", default=",".join(REAL_PANELS),
                    help="comma-separated subset of " + ", ".join(PANELS) + " (default: the real panels)")
    ap.add_argument("--paths", type=int, default=2000)
    ap.add_argument("--json", help="write every scored target (and the failures and summary rows) to this file")
    ap.add_argument("--svg-dir", help="where the reliability diagrams go (default: docs/ of the repository; none with --quick)")
    ap.add_argument("--window", type=int, default=WINDOW, help=f"years kept up to the origin (default {WINDOW}; 3 is a plan's own 2023–2025)")
    ap.add_argument("--modes", default=",".join(MODES), help="comma-separated subset of " + ", ".join(MODES) + " (default: both)")
    ap.add_argument("--half", choices=["A", "B"], help="only the units whose sister group (state, disease, country) hashes to this half (out-of-sample checks of defaults learned on the other half)")
    ap.add_argument("--selection", choices=["expected", "window"], default=SELECTION,
                    help="count units studied: those expecting 2+ a year from their population at the panel's rate or "
                         "their generating mean (default), or those whose window averages 2+ (the rule before 12/2026, "
                         "which selects units that drew high)")
    args = ap.parse_args()
    globals()["WINDOW"] = args.window
    globals()["SELECTION"] = args.selection
    panels = [p for p in args.panels.split(",") if p]
    unknown = [p for p in panels if p not in PANELS]
    if unknown:
        ap.error(f"unknown panel {', '.join(unknown)}; choose from {', '.join(PANELS)}")
    chosen_modes = [m for m in args.modes.split(",") if m]
    if any(m not in MODES for m in chosen_modes):
        ap.error(f"unknown mode in {args.modes}; choose from {', '.join(MODES)}")
    max_units = QUICK_UNITS if args.quick else args.max_units
    svg_dir = args.svg_dir or (None if args.quick else os.path.join(root, "docs"))

    try:
        if not os.path.isdir(args.data):
            raise Missing(f"data folder {args.data} is missing: it is the shared reference data "
                          f"(/work/shared/data/real-series/); pass its location with --data DIR")
        if not (os.path.isfile(args.attain) and os.access(args.attain, os.X_OK)):
            raise Missing(f"attain binary {args.attain} is missing: build it with `swift build -c release --product attain` "
                          f"(or `make build`), or pass --attain PATH")
        data = {p: load_panel(p, args.data) for p in panels}
    except Missing as e:
        print(f"probability_study: {e}", file=sys.stderr)
        sys.exit(2)

    started = time.time()
    naive = Naive()
    skipped = {p: {} for p in panels}
    jobs = []      # (panel, mode, uid, origin, targets, scenario path)
    cases = {}     # (panel, uid, origin) -> targets
    with tempfile.TemporaryDirectory(prefix="attain-probability-") as tmp:
        for p in panels:
            kind = PANELS[p][1]
            units = data[p]
            selected = select_cases(p, units, max_units)
            if args.half:      # out-of-sample checks: only the units whose sister group hashes to this half
                selected = [c for c in selected if in_half(units[c[0]]["group"] or c[0], args.half)]
            if args.quick:     # a smoke run: at most QUICK_CASES unit-origins a panel (the national panel has many origins)
                selected = sorted(selected, key=lambda c: unit_rank(p, f"{c[0]}@{c[1]}"))[:QUICK_CASES]
            sister_files = {}
            for n, (uid, origin) in enumerate(selected):
                u = units[uid]
                w = window_of(u["values"], origin)
                later = {y: u["values"][y] for y in range(origin + 1, origin + AHEAD + 1) if y in u["values"]}
                targets, skip = make_targets(kind, w, later, origin)
                for k, v in skip.items():
                    skipped[p][k] = skipped[p].get(k, 0) + v
                if not targets:
                    continue
                for t in targets:
                    t["p_naive"] = naive.probability(w, t, kind, origin)
                cases[(p, uid, origin)] = targets
                d = os.path.join(tmp, p, f"{n:05d}")
                os.makedirs(d)
                write_targets(os.path.join(d, "targets.yaml"), u["indicator"], targets)
                alone = os.path.join(d, "alone.csv")
                write_csv(alone, [(u["unit"], u["indicator"], y, data_value(u, y, v))
                                  for y, v in zip(range(origin - WINDOW + 1, origin + 1), w)])
                modes = {"alone": alone}
                if u["group"] is not None:
                    key = (u["group"], origin)
                    if key not in sister_files:
                        rows = []
                        for sid in sorted(units):
                            s = units[sid]
                            sw = window_of(s["values"], origin) if s["group"] == u["group"] else None
                            if sw is not None:
                                rows += [(s["unit"], s["indicator"], y, data_value(s, y, v))
                                         for y, v in zip(range(origin - WINDOW + 1, origin + 1), sw)]
                        path = os.path.join(tmp, p, f"sisters-{len(sister_files):04d}.csv")
                        write_csv(path, rows)
                        sister_files[key] = (path, len(rows) // WINDOW)
                    modes["sisters"] = sister_files[key][0]
                for mode, csv_path in modes.items():
                    if mode not in chosen_modes:
                        continue
                    scenario = os.path.join(d, f"{mode}.yaml")
                    write_scenario(scenario, csv_path, os.path.join(d, "targets.yaml"), u["unit"], u["indicator"], kind, origin)
                    jobs.append((p, mode, uid, origin, scenario))
            print(f"{p}: {len(selected)} unit-origins selected, {sum(1 for j in jobs if j[0] == p)} runs", file=sys.stderr)

        done_count = [0]

        def work(job):
            result = run_attain(args.attain, job[4], args.paths)
            done_count[0] += 1
            if done_count[0] % 250 == 0:
                print(f"  {done_count[0]}/{len(jobs)} runs, {time.time() - started:.0f} s", file=sys.stderr)
            return result

        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            results = list(pool.map(work, jobs))

    # ------------------------------------------------ collect
    scored, failures = [], []
    cli_seconds = 0.0
    for (p, mode, uid, origin, _scenario), (doc, err, seconds) in zip(jobs, results):
        cli_seconds += seconds
        u = data[p][uid]
        if err is not None:
            failures.append(dict(panel=p, mode=mode, series=uid, origin=origin, error=err))
            continue
        by_id = {t["id"]: t for t in doc.get("targets", [])}
        model = (doc.get("indicators") or [{}])[0].get("model", "")
        for t in cases[(p, uid, origin)]:
            got = by_id.get(t["id"])
            if got is None or not isinstance(got.get("probability"), (int, float)):
                failures.append(dict(panel=p, mode=mode, series=uid, origin=origin,
                                     error=f"target {t['id']} missing from the JSON"))
                continue
            scored.append(dict(panel=p, mode=mode, series=uid, unit=u["unit"], group=u["group"], origin=origin,
                               id=t["id"], kind=t["kind"], file_kind=t["file_kind"], window=list(t["window"]),
                               threshold=t["threshold"], outcome=t["outcome"], p=float(got["probability"]),
                               p_naive=t["p_naive"], status=got.get("status"), settled=got.get("settled"),
                               median=got.get("median"), model=model, seconds=round(seconds, 3)))

    # ------------------------------------------------ report
    print("# Probability study of `attain run`\n")
    print(f"{len(jobs)} runs (`attain run --paths {args.paths} --seed 1 --threads 1`, {args.jobs} at a time), "
          f"{len(scored)} scored targets, {len(failures)} failures; {cli_seconds:.0f} s of CLI time, "
          f"{time.time() - started:.0f} s wall. Units per panel and origin: at most {max_units}.\n")
    summary_rows = []
    for p in panels:
        rows_p = [r for r in scored if r["panel"] == p]
        print(f"## {p} ({PANELS[p][1]}; sisters: {PANELS[p][2]})\n")
        origins = sorted({o for (q, _u, o) in cases if q == p})
        print(f"origins: {', '.join(map(str, origins))}; unit-origins with targets: "
              f"{sum(1 for k in cases if k[0] == p)}")
        if skipped[p]:
            print("targets not set: " + "; ".join(f"{k}: {v}" for k, v in sorted(skipped[p].items())))
        print()
        print("| mode | kind | n | mean p | met | Brier | naive RW | vs naive | base rate | vs base | ECE | p∈{0,1} | goals ECE / naive / base |")
        print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
        for mode in MODES:
            rows_m = [r for r in rows_p if r["mode"] == mode]
            if not rows_m:
                continue
            base_rate = sum(r["outcome"] for r in rows_m) / len(rows_m)
            for kind in KINDS + ["overall"]:
                sel = rows_m if kind == "overall" else [r for r in rows_m if r["kind"] == kind]
                s = scores(sel, base_rate)
                if s is None:
                    continue
                g = goals(s)
                gtext = "n < 100" if g is None else f"{mark(g['ece'])} / {mark(g['naive'])} / {mark(g['base'])}"
                label = f"**{kind}**" if kind == "overall" else kind
                print(f"| {mode} | {label} | {s['n']} | {s['mean_p']:.3f} | {s['freq']:.3f} | {s['brier']:.4f} | "
                      f"{s['naive']:.4f} | {s['vs_naive']:.3f} | {s['base']:.4f} | {s['vs_base']:.3f} | {s['ece']:.3f} | "
                      f"{s['extreme']:.2f} | {gtext} |")
                summary_rows.append(dict(panel=p, mode=mode, kind=kind, base_rate=base_rate, goals=g, **s))
        print()
        ids = sorted({r["id"] for r in rows_p}, key=lambda x: ("LCE".index(x[0]), x))
        if ids:
            print("by target (mean p / met / Brier / naive):\n")
            print("| target | " + " | ".join(m for m in MODES if any(r["mode"] == m for r in rows_p)) + " |")
            print("|---|" + "---|" * sum(1 for m in MODES if any(r["mode"] == m for r in rows_p)))
            for tid in ids:
                cells = []
                for mode in MODES:
                    sel = [r for r in rows_p if r["mode"] == mode and r["id"] == tid]
                    if not any(r["mode"] == mode for r in rows_p):
                        continue
                    s = scores(sel, 0.5)
                    cells.append("-" if s is None else
                                 f"n {s['n']}: {s['mean_p']:.2f} / {s['freq']:.2f} / {s['brier']:.3f} / {s['naive']:.3f}")
                print(f"| {tid} | " + " | ".join(cells) + " |")
            print()
        fails = [f for f in failures if f["panel"] == p]
        runs = {m: sum(1 for j in jobs if j[0] == p and j[1] == m) for m in MODES}
        print("runs / failures: " + "; ".join(f"{m} {runs[m]} / {sum(1 for f in fails if f['mode'] == m)}"
                                              for m in MODES if runs[m]))
        if fails:
            counts = {}
            for f in fails:
                counts[f["error"]] = counts.get(f["error"], 0) + 1
            for e, c in sorted(counts.items(), key=lambda x: -x[1])[:8]:
                print(f"- {c}×: {e}")
        print()
        if svg_dir and rows_p:
            os.makedirs(svg_dir, exist_ok=True)
            path = os.path.join(svg_dir, f"reliability-{p}.svg")
            reliability_svg(p, {m: [r for r in rows_p if r["mode"] == m] for m in MODES}, path)
            print(f"wrote {path}\n")

    print("## All real panels together (each target weighs the same)\n")
    print("| mode | n | mean p | met | Brier | naive RW | vs naive | base rate | vs base | ECE |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for mode in MODES:
        sel = [r for r in scored if r["mode"] == mode and r["panel"] not in SYNTHETIC]
        if sel:
            s = scores(sel, sum(r["outcome"] for r in sel) / len(sel))
            print(f"| {mode} | {s['n']} | {s['mean_p']:.3f} | {s['freq']:.3f} | {s['brier']:.4f} | {s['naive']:.4f} | "
                  f"{s['vs_naive']:.3f} | {s['base']:.4f} | {s['vs_base']:.3f} | {s['ece']:.3f} |")
    print()

    print(f"## Goals (rows with at least {GOAL_MIN_N} targets): ECE <= {GOAL_ECE}, Brier <= {GOAL_NAIVE} × naive, "
          f"Brier < base rate's\n")
    counted = [r for r in summary_rows if r["goals"] is not None]
    for r in counted:
        g = r["goals"]
        misses = [label for k, label in (("ece", "ECE"), ("naive", "vs naive"), ("base", "vs base")) if not g[k]]
        verdict = "meets all three" if not misses else "misses " + ", ".join(misses)
        print(f"- {r['panel']} / {r['mode']} / {r['kind']} (n {r['n']}): ECE {r['ece']:.3f} {mark(g['ece'])}, "
              f"Brier/naive {r['vs_naive']:.3f} {mark(g['naive'])}, Brier/base {r['vs_base']:.3f} {mark(g['base'])}: {verdict}")
    # How large an ECE a calibrated forecaster would show on the same targets (null_ece): sampling alone, and with
    # the outcomes' co-movement inside sister groups.
    print("\nECE of a calibrated forecaster on the same targets (90% range of "
          f"{NULL_REPS} simulations; `null_ece`): outcomes independent, and moving together inside each sister group "
          "at one origin and across the whole panel at one origin as much as the real outcomes did (ρ). An ECE above the first range is more than "
          "sampling noise; above the second, more than the co-movement the panel shows can explain.\n")
    print("| panel | mode | kind | n | ECE | calibrated, independent | ρ origin / group | origins / groups | calibrated, co-moving | reading |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for r in counted:
        sel = [x for x in scored if x["panel"] == r["panel"] and x["mode"] == r["mode"]
               and (r["kind"] == "overall" or x["kind"] == r["kind"])]
        nl = null_ece(sel)
        r["null_ece"] = nl
        # Synthetic units are independent by construction: only sampling noise can excuse their ECE.
        reading = ("within sampling noise" if r["ece"] <= nl["ind"][1] else
                   "within co-movement" if r["ece"] <= nl["co"][1] and r["panel"] not in SYNTHETIC else "miscalibrated")
        print(f"| {r['panel']} | {r['mode']} | {r['kind']} | {r['n']} | {r['ece']:.3f} | {nl['ind'][0]:.3f}–{nl['ind'][1]:.3f} | "
              f"{nl['rho'][0]:.2f} / {nl['rho'][1]:.2f} | {nl['clusters'][0]} / {nl['clusters'][1]} | "
              f"{nl['co'][0]:.3f}–{nl['co'][1]:.3f} | {reading} |")
    # The goals' base rate is the met frequency of the very targets it is scored on: it knows, in hindsight, how a
    # shock common to a whole origin turned out. Without hindsight, each target gets the met frequency of its panel
    # and mode at the *other* origins (`loo_base_brier`).
    print("\nBase rate without hindsight: each target gets the met frequency of its panel's targets (same mode, every "
          "kind) at the other origins, so a shock common to its origin is not known in advance.\n")
    print("| panel | mode | kind | n | Brier | base rate (hindsight) | base rate (other origins) | vs base (other origins) |")
    print("|---|---|---|---|---|---|---|---|")
    for r in counted:
        rows_m = [x for x in scored if x["panel"] == r["panel"] and x["mode"] == r["mode"]]
        loo = loo_base_brier(rows_m, r["kind"])
        r["base_other_origins"] = loo
        print(f"| {r['panel']} | {r['mode']} | {r['kind']} | {r['n']} | {r['brier']:.4f} | {r['base']:.4f} | "
              + (f"{loo:.4f} | {r['brier'] / loo:.3f} |" if loo == loo else "- | - |"))
    met_all = sum(1 for r in counted if all(r["goals"].values()))
    print(f"\n{met_all} of {len(counted)} rows meet all three goals "
          f"({sum(1 for r in summary_rows if r['goals'] is None)} rows have fewer than {GOAL_MIN_N} targets and do not count).")
    confident = sum(1 for r in scored if (r["p"] == 1.0 and not r["outcome"]) or (r["p"] == 0.0 and r["outcome"]))
    print(f"Probabilities exactly 0 or 1: {sum(1 for r in scored if r['p'] in (0.0, 1.0))} of {len(scored)}; "
          f"of those, {confident} were wrong.")
    print(f"\n{len(jobs)} runs, {len(failures)} failures, {cli_seconds:.0f} s of CLI time, {time.time() - started:.0f} s wall")

    if args.json:
        with open(args.json, "w") as fh:
            json.dump(dict(settings=dict(paths=args.paths, seed=1, max_units=max_units, panels=panels,
                                         disease_origins=DISEASE_ORIGINS, attain=args.attain, data=args.data,
                                         window=WINDOW, selection=SELECTION),
                           summary=summary_rows, failures=failures, targets=scored), fh, indent=None)
            fh.write("\n")


if __name__ == "__main__":
    main()
