#!/usr/bin/env bash
# Workbook benchmark: `attain validate` on the same 200,000 rows as a workbook (.xlsx, made by openpyxl) and as CSV,
# whole commands, medians of repeated runs in the same run; the goal is xlsx ≤ 3× CSV.
#
#   benchmarks/workbook.sh [ATTAIN]     ATTAIN: the attain executable (default: the root's release build)
# Environment: WORKBOOK_ROWS (default 200000), WORKBOOK_RUNS (default 7), PYTHON (default python3).
# Needs openpyxl (pip install openpyxl) to make the workbook: skipped with a note without it. hyperfine is used when
# installed, else the script times the runs itself.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python="${PYTHON:-python3}"
attain="${1:-$here/../.build/release/attain}"
rows="${WORKBOOK_ROWS:-200000}"
runs="${WORKBOOK_RUNS:-7}"

echo "== workbook (attain validate: $rows rows as .xlsx vs as CSV, whole commands)"
if ! "$python" -c 'import openpyxl' 2>/dev/null; then
    echo "skipped ($python cannot import openpyxl; pip install openpyxl to make the workbook)"
    exit 0
fi
if [ ! -x "$attain" ]; then
    swift build -c release --package-path "$here/.." --product attain
    attain="$(swift build -c release --package-path "$here/.." --show-bin-path)/attain"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$python" "$here/peers/make_workbook_bench.py" "$work" --rows "$rows"
echo "files: bench.csv $(stat -c %s "$work/bench.csv") bytes, bench.xlsx $(stat -c %s "$work/bench.xlsx") bytes"
# Both must read clean and to the same summary.
a="$("$attain" validate "$work/bench.csv" | sed 's/^[^:]*: //')"
b="$("$attain" validate "$work/bench.xlsx" | sed 's/^[^:]*: //')"
[ "$a" = "$b" ] || { echo "the workbook and the CSV read differently:"; echo "  csv:  $a"; echo "  xlsx: $b"; exit 1; }
echo "both read as: $a"
if command -v hyperfine >/dev/null; then
    hyperfine --warmup 1 --runs "$runs" --export-json "$work/times.json" \
        -n csv "$attain validate $work/bench.csv" -n xlsx "$attain validate $work/bench.xlsx" >/dev/null
    "$python" - "$work/times.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
c, x = r["csv"]["median"], r["xlsx"]["median"]
print("median wall-clock (hyperfine, %d runs): csv %.3f s, xlsx %.3f s; xlsx/csv = %.2f (goal <= 3)" % (len(r["csv"]["times"]), c, x, x / c))
PY
else
    tc=() tx=()
    for _ in $(seq "$runs"); do
        t0=$(date +%s.%N); "$attain" validate "$work/bench.csv" >/dev/null; tc+=("$(echo "$(date +%s.%N) - $t0" | bc)")
        t0=$(date +%s.%N); "$attain" validate "$work/bench.xlsx" >/dev/null; tx+=("$(echo "$(date +%s.%N) - $t0" | bc)")
    done
    "$python" -c 'import statistics as st, sys; n = int(sys.argv[1]); v = list(map(float, sys.argv[2:]));
c, x = st.median(v[:n]), st.median(v[n:])
print("median wall-clock (%d runs): csv %.3f s, xlsx %.3f s; xlsx/csv = %.2f (goal <= 3)" % (n, c, x, x / c))' "$runs" "${tc[@]}" "${tx[@]}"
fi
