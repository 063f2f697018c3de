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

# == simulate: the baseline scenario end to end against the C normals floor and numpy (see simulate.sh).
"$here/simulate.sh" "$bench"

# == workbook: `attain validate` on 200,000 rows as .xlsx against the same rows as CSV (see workbook.sh).
"$here/workbook.sh" "${ATTAIN_BIN:-$here/../.build/release/attain}"

# == logistic: `attain fit` against scipy.optimize.curve_fit, as whole commands (CSV read, 10,000 fits, CSV written).
# The data are made by peers/make_logistic_series.py (deterministic); scipy runs on the same file in the same run, from
# two starts: the data-driven one of peers/scipy_logistic_fit.py (K0 = 1.5 max y, r0 and t0 from a line through the
# logit) and the careful one of peers/scipy_logistic_fit_careful.py (K0 = 1.1 max y, r0 = 0.5, t0 where y is nearest
# half its max). Timing: hyperfine when installed (apt-get install hyperfine), else medians of repeated runs. Then
# peers/compare_logistic_sse.py checks that Attain's optimum (SSE) is at least as good as each peer's on ≥ 99% of series.
# Then attain fit's JSON output against its CSV output (whole commands), and the JSON writer alone (attain-bench fit-json).
# LOGISTIC_COUNT overrides the number of series; ATTAIN_BIN the attain executable (default: the root's release build).
logistic_section() {
    local attain="${ATTAIN_BIN:-$here/../.build/release/attain}"
    if [ ! -x "$attain" ]; then
        swift build -c release --package-path "$here/.." --product attain
        attain="$(swift build -c release --package-path "$here/.." --show-bin-path)/attain"
    fi
    local work; work="$(mktemp -d)"
    "$python" "$here/peers/make_logistic_series.py" "$work/series.csv" --count "${LOGISTIC_COUNT:-10000}"
    local fit="$attain fit --data $work/series.csv --indicator x --model logistic"
    local runs="${LOGISTIC_RUNS:-5}"

    echo "== logistic (attain fit --model logistic vs scipy curve_fit from two starts, whole commands)"
    if ! "$python" -c 'import scipy' 2>/dev/null; then
        echo "peer:   skipped ($python cannot import scipy; pip install scipy to compare)"
    else
        local ours="$fit --format csv --output $work/attain.csv"
        local peer="env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE $python $here/peers"
        local theirs="$peer/scipy_logistic_fit.py $work/series.csv $work/scipy.csv"
        local careful="$peer/scipy_logistic_fit_careful.py $work/series.csv $work/careful.csv"
        if command -v hyperfine >/dev/null; then
            hyperfine --warmup 1 --runs "$runs" --export-json "$work/times.json" \
                -n attain "$ours" -n scipy "$theirs" -n scipy-careful "$careful"
            "$python" - "$work/times.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
a, s, c = r["attain"]["median"], r["scipy"]["median"], r["scipy-careful"]["median"]
print("median wall-clock: attain %.3f s, scipy %.3f s (data-driven start), %.3f s (careful start)" % (a, s, c))
print("ratio scipy/attain: %.1fx faster than the data-driven start, %.1fx faster than the careful start" % (s / a, c / a))
PY
        else
            local ta=() ts=() tc=()
            for _ in $(seq "$runs"); do
                local t0; t0=$(date +%s.%N); $ours 2>/dev/null; ta+=("$(echo "$(date +%s.%N) - $t0" | bc)")
                t0=$(date +%s.%N); $theirs; ts+=("$(echo "$(date +%s.%N) - $t0" | bc)")
                t0=$(date +%s.%N); $careful; tc+=("$(echo "$(date +%s.%N) - $t0" | bc)")
            done
            "$python" -c 'import statistics as st, sys; n = int(sys.argv[1]); v = list(map(float, sys.argv[2:]));
a, s, c = st.median(v[:n]), st.median(v[n:2 * n]), st.median(v[2 * n:])
print("median wall-clock: attain %.3f s, scipy %.3f s (data-driven start), %.3f s (careful start)" % (a, s, c))
print("ratio scipy/attain: %.1fx faster than the data-driven start, %.1fx faster than the careful start" % (s / a, c / a))' \
                "$runs" "${ta[@]}" "${ts[@]}" "${tc[@]}"
        fi
        echo "optimum vs the data-driven start:"; "$python" "$here/peers/compare_logistic_sse.py" "$work/attain.csv" "$work/scipy.csv"
        echo "optimum vs the careful start:"; "$python" "$here/peers/compare_logistic_sse.py" "$work/attain.csv" "$work/careful.csv"
    fi

    echo "== fit output (attain fit --format json vs --format csv, whole commands, same fits)"
    local csv_cmd="$fit --format csv --output $work/out.csv" json_cmd="$fit --format json --output $work/out.json"
    if command -v hyperfine >/dev/null; then
        hyperfine --warmup 1 --runs "$runs" --export-json "$work/output.json" -n csv "$csv_cmd" -n json "$json_cmd"
        "$python" - "$work/output.json" "$(stat -c %s "$work/out.json")" "$(stat -c %s "$work/out.csv")" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
c, j, size, csize = r["csv"]["median"], r["json"]["median"], int(sys.argv[2]), int(sys.argv[3])
print("median wall-clock: csv %.3f s (%.1f MB), json %.3f s (%.1f MB); json/csv = %.2f (goal <= 1.3)" % (c, csize / 1e6, j, size / 1e6, j / c))
PY
    else
        echo "skipped (install hyperfine to time whole commands)"
    fi
    "$bench" fit-json --count "${LOGISTIC_COUNT:-10000}" --repeats "$repeats" --seed "$seed" | tail -1
    rm -rf "$work"
}

logistic_section

# == national: run --by unit on a generated national file (3,321 communes), shards merged, validate memory (national.sh).
"$here/national.sh"
