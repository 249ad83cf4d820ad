#!/usr/bin/env bash
# Builds the libFuzzer targets of the Fuzz package (Fuzz/Package.swift, Fuzz/Targets/*) with coverage +
# AddressSanitizer into .build-fuzz and runs each for a bounded time on its committed seed corpus.
# See docs/fuzzing.md.
#
#   scripts/fuzz.sh [--build-only] [TARGET...]     (default: every target)
#   FUZZ_SECONDS=120   seconds per target
#   FUZZ_SCRATCH=.build-fuzz
#
# Per target it prints executions, corpus size (seeds + inputs found this and earlier runs) and
# crashes; a crash's input is in $FUZZ_SCRATCH/artifacts/<target>/. Exit status 1 if any crashed.
set -uo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_TARGET=${FUZZ_SECONDS:-120}
SCRATCH=${FUZZ_SCRATCH:-.build-fuzz}
case "$SCRATCH" in /*) ;; *) SCRATCH="$PWD/$SCRATCH" ;; esac
SWIFT=${SWIFT:-swift}
BUILD_ONLY=0
if [ "${1:-}" = "--build-only" ]; then BUILD_ONLY=1; shift; fi

# Largest input per target: a little above the largest real artifact of its kind, so mutations
# stay cheap. Default 4096.
max_len() {
    case "$1" in
        FuzzPoints) echo 64 ;;
        FuzzXLSX) echo 16384 ;;
        FuzzCSV | FuzzRoundInputs | FuzzPublicIdentity | FuzzKeyFile) echo 2048 ;;
        FuzzResults | FuzzFramework | FuzzCeremony | FuzzApproval) echo 8192 ;;
        FuzzReleasePolicy | FuzzRoundDefinition) echo 32768 ;;
        *) echo 4096 ;;
    esac
}

if [ $# -gt 0 ]; then
    TARGETS=("$@")
else
    mapfile -t TARGETS < <(ls Fuzz/Targets)
fi

# FuzzChecks reads the library's internals (`@testable import`), so the release build enables testing.
# SwiftPM passes `--sanitize fuzzer --sanitize address` to the compiler as two -sanitize flags and
# swift-driver 6.3 keeps only the last one, so the code would get no coverage instrumentation (libFuzzer
# then reports "no interesting inputs"). The combined -Xswiftc flag comes last and wins; the --sanitize
# flags still make SwiftPM link libFuzzer's main.
# FuzzChecks reaches the library's internals with `@testable import`, so the library is compiled with
# -enable-testing (a release build is not by default).
FLAGS=(--package-path Fuzz -c release --sanitize fuzzer --sanitize address -Xswiftc -enable-testing
    -Xswiftc -sanitize=fuzzer,address --scratch-path "$SCRATCH")
quiet() { grep -vE "Cannot export local symbol|^\[[0-9]+/[0-9]+\]|^Building for|^Compiling|^Fetch|^Creat|^Working copy|^Computed|^Computing" || true; }
start=$(date +%s)
built=0
if [ $# -eq 0 ]; then
    "$SWIFT" build "${FLAGS[@]}" 2>&1 | quiet || built=$?  # one build plan for all targets
else
    for t in "${TARGETS[@]}"; do "$SWIFT" build "${FLAGS[@]}" --product "$t" 2>&1 | quiet || built=$?; done
fi
if [ "$built" -ne 0 ]; then echo "fuzz: build failed" >&2; exit 2; fi
for t in "${TARGETS[@]}"; do
    if [ ! -x "$SCRATCH/release/$t" ]; then echo "fuzz: build of $t failed" >&2; exit 2; fi
done
echo "fuzz: built ${#TARGETS[@]} targets in $(( $(date +%s) - start )) s"
[ "$BUILD_ONLY" = 1 ] && exit 0

status=0
printf '%-20s %12s %10s %8s %8s\n' target executions exec/s corpus crashes
for t in "${TARGETS[@]}"; do
    work="$SCRATCH/corpus/$t"
    artifacts="$SCRATCH/artifacts/$t"
    mkdir -p "$work" "$artifacts"
    log="$SCRATCH/logs/$t.log"
    mkdir -p "$(dirname "$log")"
    SWIFT_BACKTRACE=enable=no "$SCRATCH/release/$t" \
        -max_total_time="$SECONDS_PER_TARGET" -max_len="$(max_len "$t")" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$artifacts/" "$work" "Fuzz/corpus/$t" >"$log" 2>&1
    rc=$?
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    corpus=$(( $(ls "$work" | wc -l) + $(ls "Fuzz/corpus/$t" | wc -l) ))
    crashes=$(ls "$artifacts" | grep -cE '^(crash|leak|timeout|oom|slow-unit)-')
    printf '%-20s %12s %10s %8s %8s\n' "$t" "${execs:-?}" "${rate:-?}" "$corpus" "$crashes"
    if [ "$rc" -ne 0 ] || [ "$crashes" -ne 0 ]; then
        status=1
        echo "fuzz: $t failed (exit $rc); log $log, inputs in $artifacts/" >&2
        grep -m1 -E "ERROR: |Fatal error|fuzz invariant" "$log" >&2 || true
    fi
done
echo "fuzz: done in $(( $(date +%s) - start )) s"
exit $status
