#!/usr/bin/env bash
# The national benchmark (called by run.sh, or on its own: benchmarks/national.sh [ATTAIN]).
# notebooks-data/national/generate.py writes an illustrative national file (3,321 communes, the plan's 9 indicators,
# 2019–2026 with quarters, 232,470 rows, ~9.8 MB) into a temporary directory; then, as whole commands (loading,
# fitting, simulating and writing included):
#   1. attain run scenario.yaml --by unit (all units x NATIONAL_PATHS paths x all 18 targets), wall time and peak RSS
#      (/usr/bin/time -v), medians over NATIONAL_REPEATS runs (goal: <= 60 s wall, stretch 20 s; <= 2 GB);
#   2. the same run as NATIONAL_SHARDS shards one after the other and `attain merge`: the merged CSV compared with the
#      one run's (same bytes);
#   3. attain validate on a generated 2M-row (~61 MB) tidy file: peak RSS against the file size (goal <= 3x).
# Environment: NATIONAL_COMMUNES (default 3321), NATIONAL_PATHS (10000), NATIONAL_REPEATS (3), NATIONAL_SHARDS (3),
# VALIDATE_ROWS (2000000), PYTHON.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
attain="${1:-$here/../.build/release/attain}"
if [ ! -x "$attain" ]; then
    swift build -c release --package-path "$here/.." --product attain
    attain="$(swift build -c release --package-path "$here/.." --show-bin-path)/attain"
fi
communes="${NATIONAL_COMMUNES:-3321}"
paths="${NATIONAL_PATHS:-10000}"
repeats="${NATIONAL_REPEATS:-3}"
shards="${NATIONAL_SHARDS:-3}"
rows="${VALIDATE_ROWS:-2000000}"
python="${PYTHON:-python3}"
if [ ! -x /usr/bin/time ]; then
    echo "national: skipped (/usr/bin/time is missing; apt-get install time)"
    exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "== national (load average before: $(cut -d' ' -f1-3 /proc/loadavg); attain run --by unit on $communes communes x $paths paths x all targets, whole command)"
"$python" "$here/../notebooks-data/national/generate.py" "$work" --communes "$communes" --validate-rows "$rows"

# measure LABEL OUT -- COMMAND…: runs COMMAND under /usr/bin/time -v, stdout to OUT; appends "wall rss_kb" to LABEL.times.
measure() {
    local label="$1" out="$2"; shift 3
    /usr/bin/time -v -o "$work/time.txt" "$@" > "$out"
    local wall rss cpu
    cpu="$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$work/time.txt")"
    wall="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$work/time.txt")"
    rss="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$work/time.txt")"
    echo "$wall $rss" >> "$work/$label.times"
    printf '  %-10s %8.2f s wall  %8.2f s CPU  %8.1f MiB peak RSS\n' "$label" "$wall" "$cpu" "$(awk -v k="$rss" 'BEGIN { print k / 1024 }')"
}
# median LABEL: "median-wall median-rss-MB min-wall max-wall" of the runs so far.
median() {
    local f="$work/$1.times" m
    m=$(( ($(wc -l < "$f") + 1) / 2 ))
    printf '%s %s %s %s' "$(cut -d' ' -f1 "$f" | sort -g | sed -n "${m}p")" \
        "$(cut -d' ' -f2 "$f" | sort -g | sed -n "${m}p" | awk '{ printf "%.1f", $1 / 1024 }')" \
        "$(cut -d' ' -f1 "$f" | sort -g | head -1)" "$(cut -d' ' -f1 "$f" | sort -g | tail -1)"
}

run=("$attain" run "$work/scenario.yaml" --by unit --paths "$paths" --seed 42 --quiet)
for i in $(seq "$repeats"); do measure run "$work/one.csv" -- "${run[@]}" --format csv; done
read -r wall rss lo hi <<<"$(median run)"
units="$(tail -n +2 "$work/one.csv" | cut -d, -f4 | sort -u | wc -l)"
echo "run --by unit: $units units, median $wall s wall (range $lo–$hi s over $repeats runs), peak RSS $rss MiB" \
     "(goal <= 60 s, stretch 20 s; <= 2048 MiB)"

for i in $(seq "$shards"); do
    measure "shard-$i" /dev/null -- "${run[@]}" --shard "$i/$shards" --output "$work/shard-$i.json"
done
measure merge "$work/merged.csv" -- "$attain" merge "$work"/shard-*.json --format csv --quiet
if cmp -s "$work/one.csv" "$work/merged.csv"; then
    echo "shards: $shards shards merged give the same bytes as the one run ($(wc -c < "$work/one.csv") bytes of CSV)"
else
    echo "shards: MERGED OUTPUT DIFFERS from the one run"; exit 1
fi

size="$(wc -c < "$work/validate-2m.csv")"
for i in $(seq "$repeats"); do measure validate /dev/null -- "$attain" validate "$work/validate-2m.csv"; done
read -r wall rss lo hi <<<"$(median validate)"
awk -v s="$size" -v r="$rss" -v w="$wall" -v n="$rows" 'BEGIN {
    printf "validate: %d rows, %.1f MiB file, median %.2f s wall, peak RSS %.1f MiB = %.1fx the file (goal <= 3x)\n", n, s / 1048576, w, r, r * 1048576 / s }'
