#!/usr/bin/env python3
"""Generate the ILLUSTRATIVE example data in notebooks-data/ (standard library only, fixed seed).

The numbers are not observed: they follow the public magnitudes in ../shared/plan/context.md for one district with
one industrial zone (KCN) and three industrial clusters (CCN). Names are illustrative.

    python3 notebooks-data/generate.py          # rewrites district.csv, units.csv, enterprises.csv, broken/broken.csv

Same script, same output, byte for byte: the random numbers come from a SplitMix64 generator written below (Python's
own `random` module is not promised to give the same stream across versions).

How the files hang together:
  enterprises.csv  one row per enterprise (20+ workers) and period: workers (denominator), union members (numerator),
                   its zone, the year its grassroots union was founded (empty: none).
  units.csv        per zone/cluster: the enterprise rows summed, plus education, initiative and group-founding series.
  district.csv     the units summed, plus district-only series (party introductions, app contacts, cultural events).
"""

import math
import os

SEED = 20231027  # the date of Đề án 19-ĐA/TU
MASK = (1 << 64) - 1
HERE = os.path.dirname(os.path.abspath(__file__))

DISTRICT = "Huyện Hiệp Hòa"
ZONES = [  # (unit name, id prefix, share of new enterprises, enterprises in 2019, youth branches in 2019)
    ("KCN Hòa Phú", "HP", 0.62, 28, 9),
    ("CCN Đoan Bái", "DB", 0.18, 10, 3),
    ("CCN Hợp Thịnh", "HT", 0.12, 6, 2),
    ("CCN Mai Đình", "MD", 0.08, 4, 1),
]
# Stock periods: year ends 2019–2025, then the mid-year snapshot the Q3/2026 review sees.
STOCK_PERIODS = ["2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026-Q2"]
TIME = {p: (int(p[:4]) - 2019) + (0.5 if "Q" in p else 0.0) for p in STOCK_PERIODS}

# District anchors (context.md: 2023–2025 enterprises 70/76/82, with a union 53/60/67, workers 18,000/19,500/21,000,
# members 84/86/88 % of workers). Earlier years extrapolated; 2023 shows the electronics layoffs (workers dip).
ENTERPRISES = {"2019": 48, "2020": 52, "2021": 58, "2022": 66, "2023": 70, "2024": 76, "2025": 82, "2026-Q2": 85}
WITH_UNION = {"2019": 30, "2020": 34, "2021": 40, "2022": 48, "2023": 53, "2024": 60, "2025": 67, "2026-Q2": 70}
WORKERS = {"2019": 12400, "2020": 13300, "2021": 15100, "2022": 19200, "2023": 18000, "2024": 19500, "2025": 21000,
           "2026-Q2": 21600}
MEMBER_SHARE = {"2019": 0.76, "2020": 0.78, "2021": 0.80, "2022": 0.82, "2023": 0.84, "2024": 0.86, "2025": 0.88,
                "2026-Q2": 0.884}
EXITS = {"2020": 1, "2021": 1, "2022": 2, "2023": 3, "2024": 1, "2025": 2, "2026-Q2": 1}

# Shares tracked since the plan (2023): members educated (P1-6), organisations registering an initiative (P1-4).
EDUCATED = {"2023": 0.902, "2024": 0.915, "2025": 0.927}
INITIATIVE = {"2023": 0.81, "2024": 0.84, "2025": 0.83}

# District flows (per period). Youth and women's groups founded: context.md cumulative 3/5/6 and 2/4/5 for 2023–2025.
FLOW_PERIODS = ["2019", "2020", "2021", "2022", "2023", "2024", "2025", "2026-Q1", "2026-Q2"]
YOUTH_GROUPS = [1, 0, 1, 2, 3, 2, 1, 0, 1]
WOMEN_GROUPS = [0, 1, 0, 1, 2, 2, 1, 0, 0]
PARTY_INTRODUCTIONS = [8, 6, 7, 11, 15, 20, 25, 5, 8]
CULTURAL_EVENTS = [3, 1, 1, 2, 3, 2, 3, 1, 0]
# App worker-contacts (lượt) per quarter from the app's start (2023-Q3): cumulative 3,500 by end 2024, 8,000 by end 2025.
APP_TOTALS = {2023: 700, 2024: 2800, 2025: 4500, 2026: 2370}
APP_QUARTERS = {2023: ["2023-Q3", "2023-Q4"], 2024: [f"2024-Q{q}" for q in range(1, 5)],
                2025: [f"2025-Q{q}" for q in range(1, 5)], 2026: ["2026-Q1", "2026-Q2"]}
APP_SEASON = {1: 0.8, 2: 1.0, 3: 1.1, 4: 1.0}  # Tết in Q1


class SplitMix64:
    """A small deterministic generator (SplitMix64), so the output never depends on the Python version."""

    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def uniform(self):
        return (self.next() >> 11) * (1.0 / (1 << 53))

    def normal(self):
        u1 = 1.0 - self.uniform()
        return math.sqrt(-2.0 * math.log(u1)) * math.cos(2.0 * math.pi * self.uniform())

    def integer(self, lo, hi):
        return lo + int(self.uniform() * (hi - lo + 1))

    def weighted_index(self, weights):
        total = sum(weights)
        x = self.uniform() * total
        for i, w in enumerate(weights):
            x -= w
            if x < 0:
                return i
        return len(weights) - 1

    def weighted_sample(self, items, weights, k):
        items, weights, chosen = list(items), list(weights), []
        for _ in range(k):
            i = self.weighted_index(weights)
            chosen.append(items.pop(i))
            weights.pop(i)
        return chosen


class Enterprise:
    def __init__(self, ident, zone, weight, entered, electronics):
        self.ident = ident
        self.zone = zone
        self.weight = weight
        self.growth = 0.0
        self.entered = entered          # first stock period with 20+ workers (None: before 2019)
        self.exited = None              # first stock period it no longer appears in
        self.union_year = None
        self.electronics = electronics
        self.base_rate = 0.0
        self.workers = {}
        self.members = {}


def scale_to_total(raw, total, floor):
    """Integers proportional to `raw`, each at least `floor`, summing exactly to `total` (residual on the largest)."""
    s = total / sum(raw.values())
    out = {k: max(floor, round(v * s)) for k, v in raw.items()}
    largest = max(out, key=lambda k: out[k])
    out[largest] += total - sum(out.values())
    return out


def simulate_enterprises(rng):
    counters = {prefix: 0 for _, prefix, _, _, _ in ZONES}

    def new(zone_index, entered, weight=None, electronics=None):
        name, prefix, _, _, _ = ZONES[zone_index]
        counters[prefix] += 1
        w = weight if weight is not None else math.exp(math.log(170) + 0.8 * rng.normal())
        elec = electronics if electronics is not None else rng.uniform() < (0.35 if prefix == "HP" else 0.15)
        e = Enterprise(f"DN-{prefix}-{counters[prefix]:03d}", name, w, entered, elec)
        e.growth = 0.03 + 0.05 * rng.normal()
        e.base_rate = 0.72 + 0.2 * rng.uniform()
        return e

    firms = [new(0, None, 2600.0, True), new(0, None, 2100.0, True)]  # two large electronics plants in the KCN
    for zi, (_, _, _, initial, _) in enumerate(ZONES):
        firms += [new(zi, None) for _ in range(initial - (2 if zi == 0 else 0))]

    # Unions before 2019: larger firms first (weights ∝ size^1.5), founded 2008–2018.
    operating = [e for e in firms]
    for e in operating[:2]:
        e.union_year = 2012
    for e in rng.weighted_sample(operating[2:], [e.weight ** 1.5 for e in operating[2:]], WITH_UNION["2019"] - 2):
        e.union_year = rng.integer(2008, 2018)

    for p in STOCK_PERIODS:
        year = int(p[:4])
        if p != "2019":
            small = [e for e in operating if e.weight < 1000]
            for e in rng.weighted_sample(small, [1.0 / e.weight for e in small], EXITS[p]):
                e.exited = p
                operating.remove(e)
            entrants = ENTERPRISES[p] - len(operating)
            for _ in range(entrants):
                e = new(rng.weighted_index([z[2] for z in ZONES]), p)
                firms.append(e)
                operating.append(e)
            have = sum(1 for e in operating if e.union_year is not None)
            candidates = [e for e in operating if e.union_year is None]
            weights = [e.weight ** 1.5 * (0.3 if e.entered == p else 1.0) for e in candidates]
            for e in rng.weighted_sample(candidates, weights, WITH_UNION[p] - have):
                e.union_year = year
        assert len(operating) == ENTERPRISES[p]
        assert sum(1 for e in operating if e.union_year is not None) == WITH_UNION[p]

        # Workers: persistent size × trend × noise; new firms ramp up; electronics cut jobs in 2023.
        raw = {}
        for e in operating:
            x = e.weight * math.exp(e.growth * TIME[p] + 0.06 * rng.normal())
            if e.entered == p:
                x *= 0.6
            if year == 2023 and e.electronics:
                x *= 0.9
            raw[e.ident] = x
        sizes = scale_to_total(raw, WORKERS[p], 20)
        for e in operating:
            e.workers[p] = sizes[e.ident]

        # Members: only in unionised firms; a young union recruits up to its firm's usual rate.
        unionised = [e for e in operating if e.union_year is not None]
        target = round(MEMBER_SHARE[p] * WORKERS[p])
        rates = {e.ident: min(0.99, e.base_rate + 0.06 * max(0, year - e.union_year)) for e in unionised}
        lo, hi = 0.0, 3.0
        for _ in range(60):
            c = (lo + hi) / 2
            total = sum(min(e.workers[p], round(c * rates[e.ident] * e.workers[p])) for e in unionised)
            lo, hi = (c, hi) if total < target else (lo, c)
        for e in unionised:
            e.members[p] = min(e.workers[p], round(hi * rates[e.ident] * e.workers[p]))
        residual = target - sum(e.members[p] for e in unionised)
        for e in sorted(unionised, key=lambda e: -e.workers[p]):
            room = e.workers[p] - e.members[p] if residual > 0 else e.members[p] - 1
            step = max(-room, min(room, residual))
            e.members[p] += step
            residual -= step
        assert residual == 0, f"membership target {target} infeasible in {p}"
        for e in operating:
            e.members.setdefault(p, 0)
    return firms


def allocate(rng, count, weights):
    """Split `count` things among units at random, each with probability ∝ weight."""
    out = [0] * len(weights)
    for _ in range(count):
        out[rng.weighted_index(weights)] += 1
    return out


def split_share(rng, rate, denominators, spread):
    """Numerators per unit around `rate` (± spread), summing to round(rate × total) (residual on the largest unit)."""
    nums = [min(d, round(d * min(0.995, max(0.5, rate + spread * rng.normal())))) for d in denominators]
    big = max(range(len(denominators)), key=lambda i: denominators[i])
    nums[big] += round(rate * sum(denominators)) - sum(nums)
    assert 0 <= nums[big] <= denominators[big]
    return nums


def share_row(unit, indicator, period, n, d, note=""):
    return [unit, indicator, period, f"{n / d:.4f}", str(n), str(d), note]


def count_row(unit, indicator, period, v, note=""):
    return [unit, indicator, period, str(v), "", "", note]


def flow_note(p):
    return {"2026-Q1": "Jan–Mar 2026", "2026-Q2": "Apr–Jun 2026"}.get(p, "")


def stock_note(p):
    return "as of 30/6/2026" if p == "2026-Q2" else ""


def build(rng):
    firms = simulate_enterprises(rng)
    zones = [z[0] for z in ZONES]
    unit_rows, district_rows, enterprise_rows = [], [], []

    # Coverage (stocks) per zone: enterprises with a union, union members.
    cover = {}  # (zone, period) -> (enterprises, with union, workers, members)
    for p in STOCK_PERIODS:
        for z in zones:
            here = [e for e in firms if e.zone == z and p in e.workers]
            cover[(z, p)] = (len(here), sum(1 for e in here if e.union_year is not None and e.union_year <= int(p[:4])),
                             sum(e.workers[p] for e in here), sum(e.members[p] for e in here))

    # Groups founded per zone (flows), allocated by workforce.
    groups = {}
    for name, series in (("youth_groups_founded", YOUTH_GROUPS), ("women_groups_founded", WOMEN_GROUPS)):
        for p, c in zip(FLOW_PERIODS, series):
            stock_p = "2026-Q2" if p.startswith("2026") else p
            split = allocate(rng, c, [cover[(z, stock_p)][2] for z in zones])
            for z, k in zip(zones, split):
                groups[(name, z, p)] = k

    # Education and initiative shares per zone, 2023–2025.
    educated, initiative = {}, {}
    for p in EDUCATED:
        members = [cover[(z, p)][3] for z in zones]
        for z, n, d in zip(zones, split_share(rng, EDUCATED[p], members, 0.015), members):
            educated[(z, p)] = (n, d)
        orgs = []
        for zi, z in enumerate(zones):
            youth_so_far = sum(groups[("youth_groups_founded", z, q)] for q in FLOW_PERIODS if q <= p)
            orgs.append(cover[(z, p)][1] + ZONES[zi][4] + youth_so_far)
        for z, n, d in zip(zones, split_share(rng, INITIATIVE[p], orgs, 0.04), orgs):
            initiative[(z, p)] = (n, d)

    def emit(rows, unit, pick):
        for p in STOCK_PERIODS:
            ent, uni, wrk, mem = pick(p)
            rows.append(share_row(unit, "enterprises_with_union", p, uni, ent, stock_note(p)))
        for p in STOCK_PERIODS:
            ent, uni, wrk, mem = pick(p)
            rows.append(share_row(unit, "union_members", p, mem, wrk, stock_note(p)))

    total = lambda p: tuple(sum(cover[(z, p)][i] for z in zones) for i in range(4))
    for z in zones:
        emit(unit_rows, z, lambda p, z=z: cover[(z, p)])
    emit(district_rows, DISTRICT, total)
    for p in STOCK_PERIODS:
        assert total(p) == (ENTERPRISES[p], WITH_UNION[p], WORKERS[p], round(MEMBER_SHARE[p] * WORKERS[p]))

    for indicator, table in (("members_educated", educated), ("organisations_with_initiative", initiative)):
        for z in zones:
            for p in EDUCATED:
                unit_rows.append(share_row(z, indicator, p, *table[(z, p)]))
        for p in EDUCATED:
            n = sum(table[(z, p)][0] for z in zones)
            d = sum(table[(z, p)][1] for z in zones)
            district_rows.append(share_row(DISTRICT, indicator, p, n, d))

    for name, series in (("youth_groups_founded", YOUTH_GROUPS), ("women_groups_founded", WOMEN_GROUPS)):
        for z in zones:
            for p in FLOW_PERIODS:
                unit_rows.append(count_row(z, name, p, groups[(name, z, p)], flow_note(p)))
        for p, c in zip(FLOW_PERIODS, series):
            district_rows.append(count_row(DISTRICT, name, p, c, flow_note(p)))

    for name, series in (("party_introductions", PARTY_INTRODUCTIONS), ("cultural_events", CULTURAL_EVENTS)):
        for p, c in zip(FLOW_PERIODS, series):
            district_rows.append(count_row(DISTRICT, name, p, c, flow_note(p)))

    # App contacts per quarter: each year's total split by a seasonal profile with seeded noise.
    for year, quarters in APP_QUARTERS.items():
        weights = [APP_SEASON[int(q[-1])] * (1 + 0.08 * rng.normal()) * (1 + 0.08 * i) for i, q in enumerate(quarters)]
        parts = [round(APP_TOTALS[year] * w / sum(weights)) for w in weights]
        parts[-1] += APP_TOTALS[year] - sum(parts)
        for q, v in zip(quarters, parts):
            district_rows.append(count_row(DISTRICT, "app_contacts", q, v, "app started Jul 2023" if q == "2023-Q3" else ""))

    for e in sorted(firms, key=lambda e: e.ident):
        for p in STOCK_PERIODS:
            if p in e.workers:
                enterprise_rows.append([e.ident, "union_members", p, "", str(e.members[p]), str(e.workers[p]), e.zone,
                                        "" if e.union_year is None else str(e.union_year)])
    return district_rows, unit_rows, enterprise_rows


BROKEN = """unit,indicator,period,value,numerator,denominator
Huyện Hiệp Hòa,union_members,2023,,15120,18000
Huyện Hiệp Hòa,union_members,2024,,16770,19500
Huyện Hiệp Hòa,union_members,2024,,16800,19500
Huyện Hiệp Hòa,union_members,2025,,21500,21000
Huyện Hiệp Hòa,enterprises_with_union,2023,,53,0
Huyện Hiệp Hòa,enterprises_with_union,2024,1.2,,
Huyện Hiệp Hòa,enterprises_with_union,2025,,67,82
Huyện Hiệp Hòa,party_introductions,2023,15,,
Huyện Hiệp Hòa,party_introductions,2024,abc,,
Huyện Hiệp Hòa,party_introductions,2025,-3,,
Huyện Hiệp Hòa,party_introductions,2026/1,5,,
Huyện Hiệp Hòa,app_contacts_cumulative,2024,3500,,
Huyện Hiệp Hòa,app_contacts_cumulative,2025,3200,,
Huyện Hiệp Hòa,cultural_events,2023,NaN,,
Huyện Hiệp Hòa,cultural_events,2024,2,,,extra
Huyện Hiệp Hòa,women_groups_founded,2019,0,,
Huyện Hiệp Hòa,women_groups_founded,2021,1,,
Huyện Hiệp Hòa,women_groups_founded,2021-Q3,1,,
Huyện Hiệp Hòa,cultural_events,2025,"3,,
"""


def write_csv(path, header, rows):
    def field(s):
        return '"' + s.replace('"', '""') + '"' if any(c in s for c in ',"\n\r') else s
    with open(path, "w", encoding="utf-8", newline="") as f:
        for row in [header] + rows:
            f.write(",".join(field(s) for s in row) + "\n")


def main():
    rng = SplitMix64(SEED)
    district, units, enterprises = build(rng)
    header = ["unit", "indicator", "period", "value", "numerator", "denominator", "note"]
    write_csv(os.path.join(HERE, "district.csv"), header, district)
    write_csv(os.path.join(HERE, "units.csv"), header, units)
    write_csv(os.path.join(HERE, "enterprises.csv"),
              ["unit", "indicator", "period", "value", "numerator", "denominator", "zone", "union_founded"], enterprises)
    os.makedirs(os.path.join(HERE, "broken"), exist_ok=True)
    with open(os.path.join(HERE, "broken", "broken.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(BROKEN)
    print(f"district.csv {len(district)} rows, units.csv {len(units)} rows, enterprises.csv {len(enterprises)} rows")


if __name__ == "__main__":
    main()
