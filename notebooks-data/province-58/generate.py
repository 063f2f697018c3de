#!/usr/bin/env python3
"""Writes the illustrative 58-commune province of notebooks-data/province-58/: units.csv, crosswalk.csv, data.csv.

Everything here is made up (fixed seed, standard library only, the SplitMix64 of ../generate.py). It mimics the shape
of the 1 July 2025 reorganisation (`../shared/plan/context.md`): four former districts of 48 communes each (192) become
58 communes and wards; most new units take three or four old communes whole, 22 old communes are split between two new
units (weights 0.5/0.5, 0.6/0.4 or 0.7/0.3 of their workers), and several new units span a former district line.

Each piece of an old commune that went to a new unit is simulated quarter by quarter from 2019-Q1 to 2026-Q2:
enterprises with 20+ workers and those with a union (a share), workers and union members (a share), youth groups
founded and cultural events (counts). The province has a common good or bad year (a shared shock to founding and
recruitment), each piece its own noise. Rows are keyed by the old communes through 2025-Q2 and by the new units from
2025-Q3, as offices report them. Run: python3 notebooks-data/province-58/generate.py (byte-identical output).
"""
import math
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from generate import SplitMix64, write_csv  # noqa: E402  (the district generator's: the same stream on every Python version)

SEED = 58_2025_0701
DISTRICTS = [("H1", "Huyện Bắc Sơn"), ("H2", "Huyện Nam Giang"), ("H3", "Huyện Đông Lâm"), ("H4", "Huyện Tây Hòa")]
COMMUNES_PER_DISTRICT = 48
NEW_UNITS = 58
SPLITS = 22
QUARTERS = [(y, q) for y in range(2019, 2027) for q in range(1, 5) if (y, q) <= (2026, 2)]
CHANGE = (2025, 3)          # the first quarter keyed by the new units
SYLLABLES = ["An", "Bình", "Cầu", "Đông", "Hòa", "Hưng", "Lạc", "Lâm", "Minh", "Phú", "Quang", "Sơn", "Tân", "Thanh",
             "Thịnh", "Trung", "Việt", "Xuân", "Yên", "Hợp", "Mai", "Đức", "Long", "Phong"]


def poisson(rng, lam):
    """Knuth's method (small means) or a rounded normal (large ones)."""
    if lam <= 0:
        return 0
    if lam > 30:
        return max(0, int(round(lam + math.sqrt(lam) * rng.normal())))
    limit, k, p = math.exp(-lam), 0, 1.0
    while True:
        p *= rng.uniform()
        if p <= limit:
            return k
        k += 1


def binomial(rng, n, p):
    if n <= 0 or p <= 0:
        return 0
    if n > 60:
        mean, sd = n * p, math.sqrt(n * p * (1 - p))
        return min(n, max(0, int(round(mean + sd * rng.normal()))))
    return sum(1 for _ in range(n) if rng.uniform() < p)


def build(rng):
    # Old units: 4 districts × 48 communes.
    units = [("P", "Tỉnh Mẫu 58 (minh họa)", "province", "", "", "")]
    old = []
    for did, dname in DISTRICTS:
        units.append((did, dname, "district", "P", "", "2025-06-30"))
        for k in range(COMMUNES_PER_DISTRICT):
            uid = f"{did}-{k + 1:02d}"
            name = ("Thị trấn " if k == 0 else "Xã ") + SYLLABLES[(k * 7 + len(did)) % len(SYLLABLES)] + " " + \
                SYLLABLES[(k * 3 + ord(did[1])) % len(SYLLABLES)] + f" {k + 1}"
            units.append((uid, name, "commune", did, "", "2025-06-30"))
            old.append(uid)
    # New units: consecutive old communes grouped 3–4 at a time (so groups at a district boundary span it); split
    # communes are shared with the next new unit.
    new = [f"N{k + 1:02d}" for k in range(NEW_UNITS)]
    for k, nid in enumerate(new):
        level = "ward" if k % 9 == 0 else "commune"
        name = ("Phường " if level == "ward" else "Xã ") + SYLLABLES[(k * 5) % len(SYLLABLES)] + " " + \
            SYLLABLES[(k * 11 + 3) % len(SYLLABLES)] + (" Mới" if k % 2 else "")
        units.append((nid, name, level, "P", "2025-07-01", ""))
    sizes = [3] * NEW_UNITS
    for k in range(len(old) - 3 * NEW_UNITS):
        sizes[(k * 5) % NEW_UNITS] += 1
    groups, i = [], 0
    for s in sizes:
        groups.append(old[i:i + s])
        i += s
    assert i == len(old)
    split_at = sorted(set((k * 37 + 11) % (NEW_UNITS - 1) for k in range(SPLITS * 3)))[:SPLITS]
    weights = [(0.5, 0.5), (0.6, 0.4), (0.7, 0.3)]
    crosswalk = []          # (old, new, weight, basis)
    for g, members in enumerate(groups):
        for o in members:
            if o == members[-1] and g in split_at:
                a, b = weights[g % 3]
                crosswalk.append((o, new[g], a, "workers"))
                crosswalk.append((o, new[g + 1], b, "workers"))
            else:
                crosswalk.append((o, new[g], 1, ""))
    return units, crosswalk


def simulate(rng, crosswalk):
    """Rows of data.csv: each piece (old, new, weight) simulated, summed by the key of its quarter."""
    year_shock = {y: 0.25 * rng.normal() for y in range(2019, 2027)}    # a good or bad year for the whole province
    totals = {}             # (key, quarter) -> [enterprises, with union, workers, members, youth groups, events]
    for old, new, weight, _ in crosswalk:
        size = 0.5 + 1.5 * rng.uniform()
        enterprises = max(1, int(round(weight * size * 14)))
        unionised = int(enterprises * (0.45 + 0.3 * rng.uniform()))
        workers = int(enterprises * (60 + 80 * rng.uniform()))
        members = int(workers * (0.55 + 0.25 * rng.uniform()))
        drive = 0.8 + 0.4 * rng.uniform()          # how active the piece's union officers are
        for (y, q) in QUARTERS:
            shock = math.exp(year_shock[y])
            enterprises += binomial(rng, 1, 0.15 * weight * size)           # a new enterprise now and then
            closing = binomial(rng, enterprises, 0.006)
            unionised = max(0, min(enterprises - closing, unionised - binomial(rng, unionised, 0.006)))
            enterprises -= closing
            unionised = min(enterprises, unionised + binomial(rng, enterprises - unionised, 0.045 * drive * shock))
            workers = max(1, workers + int(round(workers * (0.01 + 0.02 * rng.normal()))))
            members = min(workers, members - binomial(rng, members, 0.04) + binomial(rng, workers - members, 0.09 * drive * shock))
            youth = poisson(rng, 0.12 * weight * size * drive * shock)
            events = poisson(rng, 0.35 * weight * size)
            key = old if (y, q) < CHANGE else new
            t = totals.setdefault((key, (y, q)), [0, 0, 0, 0, 0, 0])
            for j, v in enumerate([enterprises, unionised, workers, members, youth, events]):
                t[j] += v
    rows = []
    for (key, (y, q)), (e, u, w, m, youth, events) in sorted(totals.items()):
        period = f"{y}-Q{q}"
        rows.append([key, "enterprises_with_union", period, "", str(u), str(e)])
        rows.append([key, "union_members", period, "", str(m), str(w)])
        rows.append([key, "youth_groups_founded", period, str(youth), "", ""])
        rows.append([key, "cultural_events", period, str(events), "", ""])
    return rows


def main():
    rng = SplitMix64(SEED)
    units, crosswalk = build(rng)
    write_csv(os.path.join(HERE, "units.csv"), ["unit", "name", "level", "parent", "from", "to"], [list(map(str, u)) for u in units])
    write_csv(os.path.join(HERE, "crosswalk.csv"), ["old", "new", "weight", "basis"],
              [[o, n, f"{w:g}", b] for o, n, w, b in crosswalk])
    write_csv(os.path.join(HERE, "data.csv"), ["unit", "indicator", "period", "value", "numerator", "denominator"],
              simulate(rng, crosswalk))


if __name__ == "__main__":
    main()
