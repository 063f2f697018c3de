#!/usr/bin/env bash
# Build the benchmark package in release and run every benchmark next to its peer, in the same run, on the same machine.
# Prints each median (wall clock and thread CPU time) and the ratios Attain / peer (above 1 means Attain is faster).
#
# Environment: COUNT, REPEATS, SEED override the defaults; BENCH_SCRATCH picks the build directory;
# PYTHON picks the interpreter for the peers (default python3).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
count="${COUNT:-1000000}"
repeats="${REPEATS:-21}"
seed="${SEED:-20230101}"
python="${PYTHON:-python3}"
scratch="${BENCH_SCRATCH:-$here/.build}"

echo "== building attain-bench (release)"
swift build -c release --package-path "$here" --scratch-path "$scratch" --product attain-bench
bench="$(swift build -c release --package-path "$here" --scratch-path "$scratch" --show-bin-path)/attain-bench"

# field_after WORD: the number after WORD in a result line (thousands separators removed).
field_after() { awk -v w="$1" '{ for (i = 1; i < NF; i++) if ($i == w) { gsub(",", "", $(i + 1)); print $(i + 1); exit } }'; }

# run_pair NAME PEER_SCRIPT: run `attain-bench NAME` and the peer, print both lines and the ratio.
run_pair() {
    local name="$1" peer="$2"
    echo "== $name"
    local ours theirs
    ours="$("$bench" "$name" --count "$count" --repeats "$repeats" --seed "$seed")"
    echo "attain: $ours"
    if ! "$python" -c 'import numpy' 2>/dev/null; then
        echo "peer:   skipped ($python cannot import numpy; pip install numpy to compare)"
        return 0
    fi
    # OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE may be set on this machine and slow numpy down: unset them for the peer only.
    theirs="$(env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$python" "$here/peers/$peer" \
        --count "$count" --repeats "$repeats" --seed "$seed")"
    echo "peer:   $theirs"
    awk -v a="$(field_after median <<<"$ours")" -v b="$(field_after median <<<"$theirs")" \
        -v c="$(field_after cpu-median <<<"$ours")" -v d="$(field_after cpu-median <<<"$theirs")" \
        'BEGIN { printf "ratio attain/peer: %.2f wall-clock, %.2f CPU time\n", a / b, c / d }'
}

run_pair normals numpy_normals.py
