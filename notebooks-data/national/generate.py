#!/usr/bin/env python3
"""Writes an ILLUSTRATIVE national-size data set for the plan's indicators: 3,321 communes (the number of communes and
wards after the 1 July 2025 reorganisation), in 34 provinces, 2019–2026 with the quarters the district data have.

Everything is made up (fixed seed, standard library only, the SplitMix64 of ../generate.py, so the same bytes on every
Python version). Each commune is a small copy of the example district: enterprises (20+ workers) with a union and union
members as shares given by numerator and denominator at year ends 2019–2025 and at 30/6/2026; education and initiative
shares 2023–2025; youth and women's groups founded, Party introductions and cultural events as yearly counts
2019–2025 plus 2026-Q1 and 2026-Q2; app contacts quarterly from 2023-Q3 to 2026-Q2.

    python3 notebooks-data/national/generate.py OUT_DIR                 # OUT_DIR/national.csv + scenario + targets
    python3 notebooks-data/national/generate.py OUT_DIR --communes 200  # a smaller file, same shape
    python3 notebooks-data/national/generate.py OUT_DIR --validate-rows 2000000   # also OUT_DIR/validate-2m.csv

The scenario and targets files next to this script are copied into OUT_DIR (the scenario reads `national.csv` beside
it). `validate-2m.csv` is a long tidy file (2M rows, about 61 MB) for measuring `attain validate`'s memory.
"""
import argparse
import math
import os
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from generate import SplitMix64, write_csv  # noqa: E402  (the district generator's stream and CSV writer)

SEED = 20250701
COMMUNES = 3321
PROVINCES = 34
STOCK_PERIODS = ["2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026-Q2"]
FLOW_PERIODS = ["2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026-Q1", "2026-Q2"]
PLAN_YEARS = ["2023", "2024", "2025"]
APP_QUARTERS = ["2023-Q3", "2023-Q4"] + [f"{y}-Q{q}" for y in (2024, 2025) for q in range(1, 5)] + ["2026-Q1", "2026-Q2"]
APP_SEASON = {1: 0.8, 2: 1.0, 3: 1.1, 4: 1.0}  # Tết in Q1, as in the district data


def poisson(rng, lam):
    """A Poisson draw (Knuth's product of uniforms below 30, a rounded normal above)."""
    if lam <= 0:
        return 0
    if lam >= 30:
        return max(0, round(lam + math.sqrt(lam) * rng.normal()))
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.uniform()
        if p <= limit:
            return k
        k += 1


def time_of(period):
    """Years since the end of 2019 (2026-Q2 is half a year after 2025; 2026-Q1 and -Q2 are quarter flows)."""
    return int(period[:4]) - 2019 + (0.5 if period == "2026-Q2" else 0.0)


def fraction(period):
    """The part of a year a flow period covers."""
    return 0.25 if "Q" in period else 1.0


def share(n, d):
    return f"{n / d:.4f}", str(n), str(d)


def commune_rows(rng, unit):
    rows = []
    enterprises0 = max(3, round(math.exp(math.log(10) + 0.7 * rng.normal())))
    growth = 0.03 + 0.05 * rng.uniform()
    union0, union_step = 0.40 + 0.30 * rng.uniform(), 0.015 + 0.035 * rng.uniform()
    per_enterprise = 120 + rng.integer(0, 280)
    member0, member_step = 0.60 + 0.25 * rng.uniform(), 0.005 + 0.025 * rng.uniform()
    for p in STOCK_PERIODS:
        t = time_of(p)
        e = max(3, round(enterprises0 * math.exp(growth * t) + 0.8 * rng.normal()))
        with_union = min(e, max(0, round(e * min(0.97, union0 + union_step * t) + 0.7 * rng.normal())))
        rows.append([unit, "enterprises_with_union", p, *share(with_union, e)])
    for p in STOCK_PERIODS:
        t = time_of(p)
        workers = max(60, round(enterprises0 * per_enterprise * math.exp(growth * t) * (1 + 0.03 * rng.normal())))
        members = min(workers, max(0, round(workers * min(0.97, member0 + member_step * t + 0.01 * rng.normal()))))
        rows.append([unit, "union_members", p, *share(members, workers)])
    educated0, initiative0 = 0.78 + 0.14 * rng.uniform(), 0.60 + 0.25 * rng.uniform()
    members = max(50, round(enterprises0 * per_enterprise * member0))
    organisations = max(5, enterprises0 + rng.integer(2, 12))
    for k, p in enumerate(PLAN_YEARS):
        d = round(members * (1 + 0.08 * k))
        n = min(d, max(0, round(d * min(0.99, educated0 + 0.01 * k + 0.01 * rng.normal()))))
        rows.append([unit, "members_educated", p, *share(n, d)])
    for k, p in enumerate(PLAN_YEARS):
        d = organisations + k
        n = min(d, max(0, round(d * min(0.99, initiative0 + 0.02 * k) + 0.8 * rng.normal())))
        rows.append([unit, "organisations_with_initiative", p, *share(n, d)])
    youth, women = 0.2 + 1.6 * rng.uniform(), 0.2 + 1.4 * rng.uniform()
    party, party_growth = 1.0 + 5.0 * rng.uniform(), 0.05 + 0.15 * rng.uniform()
    for indicator, rate in [("youth_groups_founded", youth), ("women_groups_founded", women)]:
        for p in FLOW_PERIODS:
            rows.append([unit, indicator, p, str(poisson(rng, rate * fraction(p))), "", ""])
    for p in FLOW_PERIODS:
        rows.append([unit, "party_introductions", p, str(poisson(rng, party * math.exp(party_growth * time_of(p)) * fraction(p))), "", ""])
    for p in FLOW_PERIODS:
        held = rng.integer(1, 3) if "Q" not in p else rng.integer(0, 1)
        rows.append([unit, "cultural_events", p, str(held), "", ""])
    app0, app_growth = 15 + 150 * rng.uniform(), 0.02 + 0.06 * rng.uniform()
    for k, p in enumerate(APP_QUARTERS):
        lam = app0 * math.exp(app_growth * k) * APP_SEASON[int(p[-1])]
        rows.append([unit, "app_contacts", p, str(poisson(rng, lam)), "", ""])
    return rows


def unit_names(count):
    """`T01-X0001` …: province number, then the commune's number within the country."""
    return [f"T{1 + i * PROVINCES // count:02d}-X{i + 1:04d}" for i in range(count)]


def write_validate_file(path, rows, rng):
    """A long tidy file for `attain validate`: quarterly levels (one decimal) of four indicators for as many units as
    `rows` needs."""
    quarters = [f"{y}-Q{q}" for y in range(2000, 2025) for q in range(1, 5)]
    indicators = ["workers", "members", "payroll", "output"]
    per_unit = len(quarters) * len(indicators)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("unit,indicator,period,value\n")
        written, u = 0, 0
        while written < rows:
            u += 1
            base = 20 + rng.integer(0, 2000)
            for ind in indicators:
                lines = []
                for q in quarters:
                    lines.append(f"X{u:06d},{ind},{q},{base + rng.integer(0, 99)}.{rng.integer(0, 9)}\n")
                take = min(len(lines), rows - written)
                f.write("".join(lines[:take]))
                written += take
                if written >= rows:
                    break
    return per_unit


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", help="directory to write national.csv, scenario.yaml and targets.yaml into")
    parser.add_argument("--communes", type=int, default=COMMUNES)
    parser.add_argument("--validate-rows", type=int, default=0, help="also write validate-2m.csv with this many rows")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    rng = SplitMix64(SEED)
    rows = []
    for unit in unit_names(args.communes):
        rows += commune_rows(rng, unit)
    write_csv(os.path.join(args.out, "national.csv"), ["unit", "indicator", "period", "value", "numerator", "denominator"], rows)
    for name in ("scenario.yaml", "targets.yaml"):
        if os.path.abspath(args.out) != HERE:
            shutil.copyfile(os.path.join(HERE, name), os.path.join(args.out, name))
    print(f"national.csv: {args.communes} communes, {len(rows)} rows, {os.path.getsize(os.path.join(args.out, 'national.csv'))} bytes")
    if args.validate_rows:
        path = os.path.join(args.out, "validate-2m.csv")
        write_validate_file(path, args.validate_rows, SplitMix64(SEED + 1))
        print(f"validate-2m.csv: {args.validate_rows} rows, {os.path.getsize(path)} bytes")


if __name__ == "__main__":
    main()
