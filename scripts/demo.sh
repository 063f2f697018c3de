#!/usr/bin/env bash
# The main job as it stands: validate the bundled example data.
set -euo pipefail
ATTAIN=${1:-.build/release/attain}
cd "$(dirname "$0")/.."
for f in notebooks-data/*.csv; do
  echo "== attain validate $f"
  "$ATTAIN" validate "$f"
done
