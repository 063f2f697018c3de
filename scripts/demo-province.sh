#!/usr/bin/env bash
# The illustrative 58-commune province after the 2025 reorganisation: regroup the old- and new-keyed data by the new
# units, print the league of communes with the province as their sum, and write the briefing with its unit-by-unit
# section (Vietnamese and English). Usage: scripts/demo-province.sh [ATTAIN] [OUT]
set -euo pipefail
ATTAIN=${1:-.build/release/attain}
OUT=${2:-out/province}
cd "$(dirname "$0")/.."
P=notebooks-data/province-58
mkdir -p "$OUT"
echo "== attain validate $P/units.csv $P/crosswalk.csv $P/data.csv"
"$ATTAIN" validate "$P/units.csv" "$P/crosswalk.csv" "$P/data.csv"
for level in "--level commune:communes" "--province:province"; do
  flag=${level%%:*}; name=${level##*:}
  echo "== attain regroup … $flag --out $OUT/$name.csv"
  # shellcheck disable=SC2086
  "$ATTAIN" regroup --data "$P/data.csv" --units "$P/units.csv" --crosswalk "$P/crosswalk.csv" $flag --out "$OUT/$name.csv"
  cmp -s "$OUT/$name.csv" "$P/$name.csv" && echo "(the same bytes as $P/$name.csv, which the scenario reads)"
done
UNITS=(--by unit --exclude P --total "Tỉnh Mẫu 58" --units-meeting 80% --thresholds scenarios/province/commune-thresholds.csv --paths 10000 --seed 42)
echo "== attain run scenarios/province/baseline.yaml ${UNITS[*]}"
"$ATTAIN" run scenarios/province/baseline.yaml "${UNITS[@]}" --quiet --format csv --output "$OUT/league.csv"
"$ATTAIN" run scenarios/province/baseline.yaml "${UNITS[@]}" --quiet | grep -E '^X|Σ|at least'
echo "== attain brief scenarios/province/baseline.yaml ${UNITS[*]}"
for lang in vi en; do
  "$ATTAIN" brief scenarios/province/baseline.yaml "${UNITS[@]}" --lang "$lang" --output "$OUT/briefing-province-$lang.html" 2>/dev/null
done
echo
echo "The province briefing is in $(pwd)/$OUT/briefing-province-vi.html (English: $OUT/briefing-province-en.html);"
echo "the league of the 58 communes as CSV in $OUT/league.csv. The data are illustrative."
