#!/usr/bin/env python3
"""Writes district-wide.xlsx: district.csv (illustrative) as an adviser's wide workbook, made with openpyxl.

Two sheets, indicators down the rows under their Vietnamese titles, periods across the columns:
  "Năm"  the annual rows (Năm 2019 … Năm 2025), a merged title row above the header;
  "Quý"  the quarterly rows (Quý III/2023 … Quý II/2026).
Only the value of each row is written (shares as fractions), as such sheets hold them. The unit and the titles'
indicator names are in the sidecar district-wide.mapping.yaml, which Attain finds beside the workbook.
Run: python3 notebooks-data/make-workbook.py   (needs: pip install openpyxl)
"""
import csv
import datetime
import os

import openpyxl

here = os.path.dirname(os.path.abspath(__file__))

TITLES = {
    "enterprises_with_union": "Tỷ lệ doanh nghiệp (20+ lao động) có công đoàn",
    "union_members": "Tỷ lệ công nhân lao động là đoàn viên công đoàn",
    "members_educated": "Tỷ lệ đoàn viên, hội viên được học tập nghị quyết",
    "organisations_with_initiative": "Tỷ lệ tổ chức đăng ký ý tưởng, sáng kiến",
    "youth_groups_founded": "Chi đoàn, CLB, tổ, nhóm thanh niên thành lập mới",
    "women_groups_founded": "CLB, tổ, nhóm phụ nữ thành lập mới",
    "party_introductions": "Đoàn viên ưu tú giới thiệu cho Đảng",
    "cultural_events": "Hoạt động văn nghệ, thể thao cấp huyện",
    "app_contacts": "Lượt công nhân được hỗ trợ qua phần mềm",
}
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def header(period):
    if "-Q" in period:
        year, q = period.split("-Q")
        return f"Quý {ROMAN[int(q)]}/{year}"
    return f"Năm {period}"


def number(text):
    value = float(text)
    return int(value) if value.is_integer() and "." not in text else value


def sheet(ws, rows, periods, title):
    if title:
        ws.append([title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(periods) + 1)
        ws.append([])
    ws.append(["Chỉ tiêu"] + [header(p) for p in periods])
    values = {(r["indicator"], r["period"]): r["value"] for r in rows}
    for indicator, label in TITLES.items():
        cells = [values.get((indicator, p)) for p in periods]
        if any(cells):
            ws.append([label] + [number(v) if v else None for v in cells])


def main():
    with open(os.path.join(here, "district.csv"), encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    annual = sorted({r["period"] for r in rows if "-" not in r["period"]})
    quarters = sorted({r["period"] for r in rows if "-Q" in r["period"]})
    wb = openpyxl.Workbook()
    wb.properties.created = wb.properties.modified = datetime.datetime(2026, 7, 1)
    sheet(wb.active, rows, annual, "Huyện Hiệp Hòa: số liệu minh họa (không phải số liệu thật)")
    wb.active.title = "Năm"
    sheet(wb.create_sheet("Quý"), rows, quarters, None)
    wb.save(os.path.join(here, "district-wide.xlsx"))


main()
