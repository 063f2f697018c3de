#!/usr/bin/env bash
# Makes the workbooks the workbook-reader tests read, with two real producers of .xlsx:
#   openpyxl (PyPI)           tidy.csv, wide.csv → tidy-openpyxl.xlsx, wide-openpyxl.xlsx (make-openpyxl.py)
#   LibreOffice (headless)    tidy.csv, wide.csv → tidy-libreoffice.xlsx, wide-libreoffice.xlsx
# into the directory given (default: this one). The tests read the committed workbooks always, and make them
# again into a temporary directory when soffice and openpyxl are installed.
# Needs: python3 -c "import openpyxl" (pip install openpyxl); soffice (apt-get install libreoffice-calc-nogui).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here}"
mkdir -p "$out"
python3 "$here/make-openpyxl.py" "$out"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for name in tidy wide; do
  cp "$here/$name.csv" "$work/$name-libreoffice.csv"
  # CSV import filter: comma (44), double quote (34), UTF-8 (76), from line 1; a private profile so that
  # it runs beside another LibreOffice and leaves no settings behind.
  soffice -env:UserInstallation="file://$work/profile" --headless --infilter="CSV:44,34,76,1" \
    --convert-to xlsx --outdir "$out" "$work/$name-libreoffice.csv" >/dev/null 2>&1
  test -s "$out/$name-libreoffice.xlsx"
done
