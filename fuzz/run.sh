#!/usr/bin/env bash
# Builds Attain's libFuzzer targets (release, address sanitizer) and runs each for a while on a seed corpus.
#
#   fuzz/run.sh [seconds] [target ...]      seconds per target (default 60); targets: csv yaml xlsx (default all)
#   FUZZ_SKIP_BUILD=1 fuzz/run.sh 600 yaml  reuse the last build (e.g. to run targets in parallel)
#   FUZZ_JOBS=2 fuzz/run.sh 600             run the targets at the same time
#
# Scratch: fuzz/.build-fuzz (git-ignored): the build, the growing corpora (corpus/<target>), logs (logs/<target>.log)
# and any crashing inputs (artifacts/<target>-crash-*). Prints one summary line per target; exits 1 on any finding.
# Be kind to shared machines: `nice -n 10 fuzz/run.sh 600`.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(csv yaml xlsx)
scratch="$here/.build-fuzz"

# `--sanitize` makes SwiftPM link the executables for libFuzzer (no Swift entry point). It passes the sanitizers to
# swiftc as two flags, and there the later replaces the earlier, leaving the Swift code without coverage
# instrumentation; the combined -Xswiftc -sanitize=fuzzer,address comes last and restores it.
flags=(-c release --package-path "$here" --scratch-path "$scratch"
       --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address)
if [ "${FUZZ_SKIP_BUILD:-0}" != 1 ]; then
    # A failed build stops here: fuzzing the last binary would report crashes already fixed in the source.
    mkdir -p "$scratch"
    if ! swift build "${flags[@]}" > "$scratch/build.log" 2>&1; then
        grep -vE '^\[[0-9]+/[0-9]+\] (Compiling|Write|Emitting)|__asan_extra_spill_area' "$scratch/build.log" >&2
        echo "fuzz/run.sh: the fuzz build failed (log above); nothing was fuzzed" >&2
        exit 1
    fi
fi
bin="$(swift build "${flags[@]}" --show-bin-path)"

run_one() {
    local target="$1"
    local exe="$bin/fuzz-$target"
    [ -x "$exe" ] || { echo "fuzz-$target was not built (see the build output above)" >&2; return 2; }
    local corpus="$scratch/corpus/$target" logs="$scratch/logs" artifacts="$scratch/artifacts"
    mkdir -p "$corpus" "$logs" "$artifacts"
    local max_len=8192
    [ "$target" = yaml ] && max_len=16384
    local extra=()
    # Workbooks: LeakSanitizer is off, as Foundation itself leaks on every XML parse error (FoundationXML's
    # _CFErrorCreateFromXMLInterface, swift-corelibs-foundation 6.3.1), which would stop each run at once.
    [ "$target" = xlsx ] && max_len=65536 && extra=(-detect_leaks=0)
    # The committed seeds go in a second, read-only corpus directory; new inputs are written to the first.
    local status=0
    [ "$target" = xlsx ] && export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"  # the check at exit too
    "$exe" "$corpus" "$here/seeds/$target" \
        -dict="$here/$target.dict" "${extra[@]}" -max_total_time="$seconds" -max_len="$max_len" -timeout=20 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$artifacts/$target-" >"$logs/$target.log" 2>&1 || status=$?
    local execs crashes
    execs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$logs/$target.log" | grep -o '[0-9]*$' || echo '?')"
    crashes="$(ls "$artifacts" | grep -c "^$target-" || true)"
    echo "fuzz-$target: ${seconds}s, executions ${execs:-?}, corpus $(ls "$corpus" | wc -l) files," \
         "findings $crashes, exit $status (log: $logs/$target.log)"
    [ "$status" -eq 0 ] && [ "$crashes" -eq 0 ]
}

failed=0
if [ "${FUZZ_JOBS:-1}" -gt 1 ]; then
    pids=()
    for t in "${targets[@]}"; do run_one "$t" & pids+=($!); done
    for p in "${pids[@]}"; do wait "$p" || failed=1; done
else
    for t in "${targets[@]}"; do run_one "$t" || failed=1; done
fi
exit "$failed"
