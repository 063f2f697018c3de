#!/usr/bin/env bash
# The main job on the bundled example data: validate it, simulate the baseline scenario, then write its mid-term
# review briefing (Vietnamese and English) and say where it is.
set -euo pipefail
ATTAIN=${1:-.build/release/attain}
cd "$(dirname "$0")/.."
for f in notebooks-data/*.csv; do
  echo "== attain validate $f"
  "$ATTAIN" validate "$f"
done
echo "== attain run scenarios/baseline.yaml"
"$ATTAIN" run scenarios/baseline.yaml --paths 10000 --seed 42
mkdir -p out
echo "== attain brief scenarios/baseline.yaml"
"$ATTAIN" brief scenarios/baseline.yaml --lang en --paths 10000 --seed 42 --output out/briefing-baseline-en.html
"$ATTAIN" brief scenarios/baseline.yaml --lang vi --paths 10000 --seed 42 --output out/briefing-baseline-vi.html
echo
echo "The baseline briefing is in $(pwd)/out/briefing-baseline-vi.html (English: out/briefing-baseline-en.html)."
echo "Open it in a browser; the data are illustrative."
