#!/usr/bin/env python3
"""Writes the illustrative province of notebooks-data/province/: units.csv, crosswalk.csv and data.csv.

Everything here is made up (fixed seed, standard library only, the SplitMix64 of ../generate.py): two former districts of six communes, which on
1 July 2025 became four new communes and wards, two old communes split between new ones (D1-B 60/40 by workers,
D1-C 50/50), and one new commune (N3) spanning the former district line. Data are quarterly, keyed by the old communes
through 2025-Q2 and by the new units from 2025-Q3. Run: python3 notebooks-data/province/generate.py
"""
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, ".."))
from generate import SplitMix64  # noqa: E402  (the district generator's: the same stream on every Python version)

rng = SplitMix64(20250701)

UNITS = [
    # unit, name, level, parent, from, to
    ("P", "Tỉnh Mẫu (minh họa)", "province", "", "", ""),
    ("D1", "Huyện Đông", "district", "P", "", "2025-06-30"),
    ("D2", "Huyện Tây", "district", "P", "", "2025-06-30"),
    ("D1-A", "Xã Đông An", "commune", "D1", "", "2025-06-30"),
    ("D1-B", "Xã Đông Bình", "commune", "D1", "", "2025-06-30"),
    ("D1-C", "Thị trấn Đông Chợ", "commune", "D1", "", "2025-06-30"),
    ("D2-A", "Xã Tây An", "commune", "D2", "", "2025-06-30"),
    ("D2-B", "Xã Tây Bình", "commune", "D2", "", "2025-06-30"),
    ("D2-C", "Xã Tây Cầu", "commune", "D2", "", "2025-06-30"),
    ("N1", "Xã Đông Hòa", "commune", "P", "2025-07-01", ""),
    ("N2", "Phường Đông Sơn", "ward", "P", "2025-07-01", ""),
    ("N3", "Xã Liên Giang", "commune", "P", "2025-07-01", ""),
    ("N4", "Xã Tây Hà", "commune", "P", "2025-07-01", ""),
]

CROSSWALK = [
    # old, new, weight, basis
    ("D1-A", "N1", 1, ""),
    ("D1-B", "N1", 0.6, "workers"),
    ("D1-B", "N2", 0.4, "workers"),
    ("D1-C", "N2", 0.5, "enterprises"),
    ("D1-C", "N3", 0.5, "enterprises"),
    ("D2-A", "N3", 1, ""),
    ("D2-B", "N4", 1, ""),
    ("D2-C", "N4", 1, ""),
]

OLD_QUARTERS = [f"2024-Q{q}" for q in range(1, 5)] + ["2025-Q1", "2025-Q2"]
NEW_QUARTERS = ["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"]


def rows_for(unit, quarters, size):
    """enterprises (a level), union_members (a share as members / workers) and events (a count) of one unit."""
    enterprises, workers, members = size, size * 40, int(size * 40 * (0.55 + 0.2 * rng.uniform()))
    for period in quarters:
        enterprises += [0, 0, 1, 2][rng.integer(0, 3)]
        workers += rng.integer(0, 60)
        members = min(workers, members + rng.integer(0, 50))
        yield (unit, "enterprises", period, enterprises, "", "")
        yield (unit, "union_members", period, "", members, workers)
        yield (unit, "events", period, rng.integer(0, 3), "", "")


def main():
    with open(os.path.join(HERE, "units.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["unit", "name", "level", "parent", "from", "to"])
        w.writerows(UNITS)
    with open(os.path.join(HERE, "crosswalk.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["old", "new", "weight", "basis"])
        w.writerows(CROSSWALK)
    with open(os.path.join(HERE, "data.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["unit", "indicator", "period", "value", "numerator", "denominator"])
        for unit, size in [("D1-A", 12), ("D1-B", 20), ("D1-C", 30), ("D2-A", 8), ("D2-B", 15), ("D2-C", 10)]:
            w.writerows(rows_for(unit, OLD_QUARTERS, size))
        for unit, size in [("N1", 35), ("N2", 30), ("N3", 25), ("N4", 26)]:
            w.writerows(rows_for(unit, NEW_QUARTERS, size))


if __name__ == "__main__":
    main()
