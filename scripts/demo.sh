#!/usr/bin/env bash
# The main job on the bundled example data: validate it, simulate the baseline scenario, then write its mid-term
# review briefing (Vietnamese and English) and say where it is.
#
# Usage: scripts/demo.sh [ATTAIN] [--data 'GLOBS'] [--out DIR] [--name PREFIX] [SCENARIO [COMPARED.yaml ...]]
#   With no options: the first plan (notebooks-data/*.csv, scenarios/baseline.yaml, out/briefing-baseline-*.html).
#   The second plan (make demo-r28):
#     scripts/demo.sh .build/release/attain --data 'notebooks-data/r28/*.csv scenarios/r28/targets.yaml' --out out/r28 --name briefing-r28 \
#       scenarios/r28/baseline.yaml scenarios/r28/enforcement-2027.yaml scenarios/r28/voluntary-support-2027.yaml
#   Scenarios after the first are compared with it in the briefing.
set -euo pipefail
ATTAIN=.build/release/attain
if [ $# -gt 0 ] && [ "${1#-}" = "$1" ] && [ "${1%.yaml}" = "$1" ]; then
  ATTAIN=$1
  shift
fi
DATA='notebooks-data/*.csv'
OUT=out
NAME=briefing-baseline
SCENARIOS=()
while [ $# -gt 0 ]; do
  case $1 in
    --data) DATA=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --name) NAME=$2; shift 2 ;;
    -*) echo "usage: $0 [ATTAIN] [--data 'GLOBS'] [--out DIR] [--name PREFIX] [SCENARIO [COMPARED.yaml ...]]" >&2; exit 2 ;;
    *) SCENARIOS+=("$1"); shift ;;
  esac
done
[ ${#SCENARIOS[@]} -gt 0 ] || SCENARIOS=(scenarios/baseline.yaml)
cd "$(dirname "$0")/.."
for f in $DATA; do
  echo "== attain validate $f"
  "$ATTAIN" validate "$f"
done
echo "== attain run ${SCENARIOS[0]}"
"$ATTAIN" run "${SCENARIOS[0]}" --paths 10000 --seed 42
mkdir -p "$OUT"
echo "== attain brief ${SCENARIOS[*]}"
"$ATTAIN" brief "${SCENARIOS[@]}" --lang en --paths 10000 --seed 42 --output "$OUT/$NAME-en.html"
"$ATTAIN" brief "${SCENARIOS[@]}" --lang vi --paths 10000 --seed 42 --output "$OUT/$NAME-vi.html"
echo
first=${SCENARIOS[0]##*/}
echo "The ${first%.yaml} briefing is in $(pwd)/$OUT/$NAME-vi.html (English: $OUT/$NAME-en.html)."
echo "Open it in a browser; the data are illustrative."
