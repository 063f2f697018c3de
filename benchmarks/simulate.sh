#!/usr/bin/env bash
# The `simulate` benchmark (called by run.sh, or on its own: benchmarks/simulate.sh [ATTAIN_BENCH]).
# 1,000,000 paths of scenarios/baseline.yaml (9 indicators, all 18 targets, to 2030) on all cores, compared in the same
# run with (1) the floor: one C thread drawing just 45 normals a path (xoshiro256** + polar, peers/normals_floor.c,
# cc -O2), goal ≤ 3x; (2) numpy running the same simulation (peers/numpy_simulate.py), with the largest difference of
# a target's probability between the two in combined Monte Carlo standard errors; and peak memory at 1M paths against
# 10k paths (goal ≤ 1.25x). Environment: SIM_COUNT (paths, default 1000000), SIM_REPEATS (default 3).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bench="${1:-}"
if [ -z "$bench" ]; then
    swift build -c release --package-path "$here" --product attain-bench
    bench="$(swift build -c release --package-path "$here" --show-bin-path)/attain-bench"
fi
count="${SIM_COUNT:-1000000}"
repeats="${SIM_REPEATS:-3}"
python="${PYTHON:-python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== simulate (baseline scenario, $count paths, all 18 targets, to 2030)"
cc -O2 -o "$work/normals_floor" "$here/peers/normals_floor.c" -lm
ours="$("$bench" simulate --count "$count" --repeats "$repeats" 2>/dev/null)"
echo "$ours"
floor="$("$work/normals_floor" "$count" "$repeats")"
echo "floor:  $floor"
awk -v a="$(awk '/wall-seconds/ { print $5 }' <<<"$ours")" -v b="$(awk '{ print $3 }' <<<"$floor")" \
    'BEGIN { printf "ratio attain (all cores) / C floor (one thread, 45 normals a path): %.2fx wall-clock (goal <= 3)\n", a / b }'

if "$python" -c 'import numpy' 2>/dev/null; then
    "$bench" simulate-model > "$work/model.json" 2>/dev/null
    theirs="$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$python" "$here/peers/numpy_simulate.py" "$work/model.json" \
        --count "$count" --repeats "$repeats")"
    echo "numpy:  $theirs"
    awk -v a="$(awk '/wall-seconds/ { print $5 }' <<<"$ours")" \
        -v r="$(awk '/^simulate-numpy/ { gsub(",", "", $3); print $3 }' <<<"$theirs")" -v n="$count" \
        'BEGIN { printf "ratio numpy / attain: %.2fx wall-clock (above 1: Attain is faster)\n", (n / r) / a }'
    # Same model, different generators: each target's probability should differ by no more than Monte Carlo error.
    "$python" -c '
import math, sys
n = float(sys.argv[1])
a, b = ({k: float(v) for k, v in (kv.split("=") for kv in line.split()[1:])} for line in sys.argv[2:4])
def z(k):
    se = math.sqrt((a[k] * (1 - a[k]) + b[k] * (1 - b[k])) / n)
    return abs(a[k] - b[k]) / se if se > 0 else (0.0 if a[k] == b[k] else math.inf)
worst = max(a, key=z)
print(f"agreement attain vs numpy: largest difference {z(worst):.2f} combined MC standard errors ({worst}: "
      f"{a[worst]:.4f} vs {b[worst]:.4f}) over {len(a)} targets")
' "$count" "$(grep '^probabilities' <<<"$ours")" "$(grep '^probabilities' <<<"$theirs")"
else
    echo "numpy:  skipped ($python cannot import numpy)"
fi

if [ -x /usr/bin/time ]; then
    small="$(/usr/bin/time -f %M "$bench" simulate --count 10000 --repeats 1 2>&1 >/dev/null | tail -1)"
    large="$(/usr/bin/time -f %M "$bench" simulate --count "$count" --repeats 1 2>&1 >/dev/null | tail -1)"
    awk -v s="$small" -v l="$large" -v n="$count" \
        'BEGIN { printf "peak memory: %d KB at 10000 paths, %d KB at %d paths: %.2fx (goal <= 1.25)\n", s, l, n, l / s }'
else
    echo "peak memory: skipped (no /usr/bin/time; apt-get install time)"
fi
