#!/usr/bin/env python3
"""Writes tidy-openpyxl.xlsx and wide-openpyxl.xlsx from tidy.csv and wide.csv with openpyxl (a real producer
of .xlsx, not Attain's own code), into the directory given (default: this script's).

Numbers are typed as numbers, except in the wide workbook's 2025 column, typed as text with a decimal comma
("0,8302"), as people type them in a Vietnamese locale. The wide workbook's title row is merged across the columns,
and each unit's label is merged down its rows (only the first cell holds it), as advisers lay such sheets out.
"""
import csv
import os
import sys

import openpyxl

here = os.path.dirname(os.path.abspath(__file__))
out = sys.argv[1] if len(sys.argv) > 1 else here


def number(text):
    if text == "":
        return None
    value = float(text)
    return int(value) if value.is_integer() and "." not in text else value


def tidy():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Số liệu"
    with open(os.path.join(here, "tidy.csv"), encoding="utf-8") as f:
        rows = list(csv.reader(f))
    ws.append(["Bảng số liệu (minh họa)"])
    ws.append([])
    ws.append(rows[0])
    for r in rows[1:]:
        ws.append([r[0], r[1], r[2], number(r[3]), number(r[4]), number(r[5]), r[6] or None])
    wb.create_sheet("Ghi chú").append(["Số liệu minh họa, không phải số liệu thật."])
    wb.save(os.path.join(out, "tidy-openpyxl.xlsx"))


def wide():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Theo năm"
    with open(os.path.join(here, "wide.csv"), encoding="utf-8") as f:
        rows = list(csv.reader(f))
    ws.append(rows[0])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[1]))
    ws.append(rows[1])
    text_column = rows[1].index("Năm 2025")
    first_of_unit, previous = None, None
    for r in rows[2:]:
        cells = [r[0], r[1]]
        for i, v in enumerate(r[2:-1], start=2):
            cells.append(v.replace(".", ",") if i == text_column and v else number(v))
        ws.append(cells)
        row = ws.max_row
        if r[0] != previous:
            if first_of_unit and row - 1 > first_of_unit:
                ws.merge_cells(start_row=first_of_unit, start_column=1, end_row=row - 1, end_column=1)
            first_of_unit, previous = row, r[0]
    if first_of_unit and ws.max_row > first_of_unit:
        ws.merge_cells(start_row=first_of_unit, start_column=1, end_row=ws.max_row, end_column=1)
    wb.save(os.path.join(out, "wide-openpyxl.xlsx"))


tidy()
wide()
