#!/usr/bin/env python3
"""Generate the ILLUSTRATIVE social-insurance data in notebooks-data/r28/ (standard library only, fixed seed).

The numbers are GENERATED, not observed. They describe a made-up province ("Tỉnh mẫu") of about 1.8 million people
(a working-age labour force of 1.05-1.14 million) followed against the social-insurance targets of Resolution
28-NQ/TW (2018). Magnitudes are plausible for such a province, not those of any real one; see README.md beside this
script for the assumptions.

    python3 notebooks-data/r28/generate.py      # rewrites province.csv and regions.csv beside this script

Same script, same output, byte for byte: the random numbers come from the SplitMix64 generator of ../generate.py (Python's
own `random` module is not promised to give the same stream across versions).

How the files hang together: each of three regions of the province is simulated (labour force, compulsory and
voluntary participants, unemployment-insurance participants, enterprises and those owing contributions, lump-sum
withdrawals); regions.csv holds them and province.csv their sums, so the two agree exactly.
"""

import math
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from generate import SplitMix64, write_csv  # noqa: E402  (the first plan's generator and CSV writer, shared)

SEED = 20180523  # the date of Resolution 28-NQ/TW (23/5/2018)
HERE = os.path.dirname(os.path.abspath(__file__))

PROVINCE = "Tỉnh mẫu"
YEARS = list(range(2016, 2026))
SNAPSHOT = "2026-Q2"  # stocks: the position on 30/6/2026, what a Q3/2026 review sees
FLOW_PARTS = ["2026-Q1", "2026-Q2"]  # flows: Jan-Mar and Apr-Jun 2026

# Regions: (name, working-age labour force in 2016, its yearly growth,
#           compulsory-SI share of the labour force: logit at 2016 and logit slope a year,
#           voluntary-SI share: logit at 2016 and slope, unemployment insurance as a fraction of compulsory participants,
#           enterprises contributing in 2016 and their yearly growth, share of them owing 3+ months: logit 2016, slope)
REGIONS = [
    ("Vùng công nghiệp", 400_000, 0.018, -0.46, 0.105, -5.55, 0.205, 0.86, 1500, 0.080, -1.70, -0.085),
    ("Vùng đồng bằng", 420_000, 0.004, -1.66, 0.112, -5.70, 0.210, 0.80, 900, 0.062, -1.80, -0.070),
    ("Vùng trung du – miền núi", 230_000, 0.002, -2.08, 0.100, -6.00, 0.190, 0.76, 500, 0.055, -1.62, -0.060),
]

# Shocks, on the logit scale, by year (all regions, scaled by region below): the 2020-2021 COVID-19 waves cut jobs in
# the industrial zones (compulsory participation dips, more enterprises fall behind on contributions, more workers
# cash out their insurance); the 2019-2020 push for voluntary insurance after Resolution 28 and the 2018 state
# subsidy; a flat 2022 for voluntary insurance (support campaigns paused).
COMPULSORY_SHOCK = {2020: -0.03, 2021: -0.08, 2022: -0.03}
VOLUNTARY_SHOCK = {2019: 0.12, 2020: 0.22, 2021: 0.20, 2022: 0.02, 2023: 0.04}
ARREARS_SHOCK = {2020: 0.22, 2021: 0.38, 2022: 0.12}
# Lump-sum withdrawals a year per compulsory participant: rising to the 2021-2022 peak (job losses, then workers who
# did not return), falling after 2023 (campaigns to keep insurance; the 2024 Social Insurance Law from 1/7/2025).
LUMP_SUM_RATE = {2016: 0.046, 2017: 0.048, 2018: 0.050, 2019: 0.051, 2020: 0.058, 2021: 0.066, 2022: 0.067,
                 2023: 0.058, 2024: 0.051, 2025: 0.047, 2026: 0.045}
LUMP_SUM_HALF = {"2026-Q1": 0.29, "2026-Q2": 0.24}  # share of a year's withdrawals in each quarter (after Tết: Q1)


def logistic(x):
    return 1.0 / (1.0 + math.exp(-x))


class AR1:
    """Year-to-year noise that persists: x_t = rho x_{t-1} + sd e_t (honest: good and bad years come in runs)."""

    def __init__(self, rng, sd, rho=0.5):
        self.rng, self.sd, self.rho, self.x = rng, sd, rho, 0.0

    def step(self, fraction=1.0):
        self.x = self.rho ** fraction * self.x + self.sd * math.sqrt(fraction) * self.rng.normal()
        return self.x


def simulate_region(rng, region, industrial_weight):
    (name, lf0, lf_growth, c0, c_slope, v0, v_slope, ui_frac, ent0, ent_growth, a0, a_slope) = region
    noise = {k: AR1(rng, sd) for k, sd in [("lf", 0.006), ("c", 0.035), ("v", 0.07), ("ui", 0.012), ("ent", 0.02),
                                            ("a", 0.07), ("ls", 0.05)]}
    rows = {}
    # Years at their ends (t = year - 2016); the snapshot half a year after the end of 2025 (t = 9.5).
    times = [(str(y), y - 2016, 1.0) for y in YEARS] + [(SNAPSHOT, 9.5, 0.5)]
    for period, t, step in times:
        year = int(period[:4])
        shock_year = year if step == 1.0 else 2026
        lf = round(lf0 * (1 + lf_growth) ** t * math.exp(noise["lf"].step(step)))
        c_logit = c0 + c_slope * t + industrial_weight * COMPULSORY_SHOCK.get(shock_year, 0.0) + noise["c"].step(step)
        v_logit = v0 + v_slope * t + VOLUNTARY_SHOCK.get(shock_year, 0.0) + noise["v"].step(step)
        compulsory = round(lf * logistic(c_logit))
        voluntary = round(lf * logistic(v_logit))
        ui = round(compulsory * min(0.95, ui_frac + 0.002 * t + noise["ui"].step(step)))
        enterprises = round(ent0 * (1 + ent_growth) ** t * math.exp(noise["ent"].step(step)))
        a_logit = a0 + a_slope * t + industrial_weight * ARREARS_SHOCK.get(shock_year, 0.0) + noise["a"].step(step)
        arrears = round(enterprises * logistic(a_logit))
        rows[period] = dict(lf=lf, compulsory=compulsory, voluntary=voluntary, ui=ui, enterprises=enterprises,
                            arrears=arrears)
    # Lump-sum withdrawals: a flow, per year and for the two quarters of 2026.
    flows = {}
    for y in YEARS:
        base = rows[str(y)]["compulsory"] * LUMP_SUM_RATE[y] * (1.0 + 0.5 * (industrial_weight - 0.5) * (y in (2021, 2022)))
        flows[str(y)] = max(0, round(base * math.exp(noise["ls"].step())))
    year_2026 = rows[SNAPSHOT]["compulsory"] * LUMP_SUM_RATE[2026]
    for q in FLOW_PARTS:
        flows[q] = max(0, round(year_2026 * LUMP_SUM_HALF[q] * math.exp(noise["ls"].step(0.25))))
    return rows, flows


def share_row(unit, indicator, period, n, d, note=""):
    return [unit, indicator, period, f"{n / d:.4f}", str(n), str(d), note]


def count_row(unit, indicator, period, v, note=""):
    return [unit, indicator, period, str(v), "", "", note]


def stock_note(p):
    return "as of 30/6/2026" if p == SNAPSHOT else ""


def flow_note(p):
    return {"2026-Q1": "Jan–Mar 2026", "2026-Q2": "Apr–Jun 2026"}.get(p, "")


def emit(unit, stocks, flows):
    """The rows of one unit, grouped by indicator as in ../district.csv."""
    periods = [str(y) for y in YEARS] + [SNAPSHOT]
    out = []
    for indicator, num, den in [("si_coverage", lambda s: s["compulsory"] + s["voluntary"], lambda s: s["lf"]),
                                ("voluntary_si_coverage", lambda s: s["voluntary"], lambda s: s["lf"]),
                                ("ui_coverage", lambda s: s["ui"], lambda s: s["lf"]),
                                ("enterprises_in_arrears", lambda s: s["arrears"], lambda s: s["enterprises"])]:
        for p in periods:
            out.append(share_row(unit, indicator, p, num(stocks[p]), den(stocks[p]), stock_note(p)))
    for p in periods:
        out.append(count_row(unit, "voluntary_si_members", p, stocks[p]["voluntary"], stock_note(p)))
    for p in [str(y) for y in YEARS] + FLOW_PARTS:
        out.append(count_row(unit, "lump_sum_withdrawals", p, flows[p], flow_note(p)))
    return out


def build(rng):
    regions = []
    for index, region in enumerate(REGIONS):
        weight = [1.0, 0.45, 0.25][index]  # how much the industrial-zone shocks reach the region
        regions.append((region[0],) + simulate_region(rng, region, weight))
    region_rows = []
    for name, stocks, flows in regions:
        region_rows += emit(name, stocks, flows)
    total_stocks = {p: {k: sum(r[1][p][k] for r in regions) for k in regions[0][1][p]} for p in regions[0][1]}
    total_flows = {p: sum(r[2][p] for r in regions) for p in regions[0][2]}
    return emit(PROVINCE, total_stocks, total_flows), region_rows, total_stocks, total_flows


def main():
    rng = SplitMix64(SEED)
    province, regions, stocks, flows = build(rng)
    header = ["unit", "indicator", "period", "value", "numerator", "denominator", "note"]
    write_csv(os.path.join(HERE, "province.csv"), header, province)
    write_csv(os.path.join(HERE, "regions.csv"), header, regions)
    print(f"province.csv {len(province)} rows, regions.csv {len(regions)} rows")
    print("period   labour force  SI %   vol. %  UI %   arrears %  enterprises  vol. members  lump sums")
    for p, s in stocks.items():
        print(f"{p:8} {s['lf']:>12,} {100 * (s['compulsory'] + s['voluntary']) / s['lf']:5.1f} {100 * s['voluntary'] / s['lf']:7.2f}"
              f" {100 * s['ui'] / s['lf']:5.1f} {100 * s['arrears'] / s['enterprises']:9.1f} {s['enterprises']:>12,}"
              f" {s['voluntary']:>13,} {flows.get(p, flows.get('2026-Q1', 0) if p == SNAPSHOT else 0):>10,}")


if __name__ == "__main__":
    main()
