#!/usr/bin/env python3
"""Writes the same 200,000 tidy rows as CSV and as an .xlsx workbook (openpyxl), for the workbook
benchmark (benchmarks/workbook.sh). Deterministic: the rows depend on --rows only.

  make_workbook_bench.py OUT_DIR [--rows 200000]   -> OUT_DIR/bench.csv, OUT_DIR/bench.xlsx
Units are Vietnamese-named ("Xã Số 0001" …), 100 years each (1926–2025) of one count indicator; values are typed as
numbers in the workbook (openpyxl 3.1.5 writes the strings inline, `t="inlineStr"`, in either mode; Excel and
LibreOffice share them).
"""
import argparse
import csv
import os

import openpyxl

p = argparse.ArgumentParser()
p.add_argument("out")
p.add_argument("--rows", type=int, default=200000)
a = p.parse_args()
os.makedirs(a.out, exist_ok=True)
years = 100
rows = []
for i in range(a.rows):
    unit, k = divmod(i, years)
    rows.append((f"Xã Số {unit + 1:04d}", "sự_kiện", str(1926 + k), (unit * 7 + k * 13) % 50))
with open(os.path.join(a.out, "bench.csv"), "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["unit", "indicator", "period", "value"])
    w.writerows(rows)
# The default (not write-only) mode. openpyxl 3.1.5 writes every string inline (`<c t="inlineStr"><is><t>…`) here too,
# not to the shared-strings table Excel and LibreOffice write.
wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Số liệu"
ws.append(["unit", "indicator", "period", "value"])
for r in rows:
    ws.append(list(r))
wb.save(os.path.join(a.out, "bench.xlsx"))
