#!/bin/sh
# Runs each libFuzzer harness of a fuzzing build (make fuzz) for a bounded
# time, over the committed seeds and a working corpus kept in the build
# folder, and ends with the line "N passed, N failed" (one test per
# harness; a harness fails when it finds a crash, a leak or a timeout).
#   tests/fuzz/run.sh BUILD SECONDS [HARNESS...]
# The runs start from a fixed seed (FUZZ_SEED, default 1) so that a CI run
# can be repeated; set another to explore elsewhere.
# A crash is written to BUILD/fuzz-artifacts/HARNESS/; reproduce it with
# BUILD/tests/fuzz/fuzz_HARNESS FILE, then commit the file under
# tests/fuzz/regressions/HARNESS/ with the fix.
build=${1:?usage: run.sh BUILD SECONDS [HARNESS...]}
seconds=${2:-60}
shift 2
src=$(cd "$(dirname "$0")" && pwd)
harnesses=${*:-cmdline elf path pe printf view}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
passed=0
failed=0
for h in $harnesses; do
    work=$build/fuzz-corpus/$h
    art=$build/fuzz-artifacts/$h
    mkdir -p "$work" "$art"
    seeds=
    for d in "$src/corpus/$h" "$src/regressions/$h"; do
        [ -d "$d" ] && seeds="$seeds $d"
    done
    if [ "$h" = elf ]; then
        cp "$build"/tests/fuzz/seed_*.elf "$work"/ 2>/dev/null
    fi
    if [ "$h" = pe ]; then
        cp "$build"/tests/fuzz/seed_*.exe "$work"/ 2>/dev/null
        cp "$build"/tests/win32/malformed_*.exe "$work"/ 2>/dev/null
    fi
    log=$build/fuzz-artifacts/$h.log
    # shellcheck disable=SC2086
    "$build/tests/fuzz/fuzz_$h" -max_total_time="$seconds" -timeout=10 -seed="${FUZZ_SEED:-1}" \
        -rss_limit_mb=2560 -print_final_stats=1 -artifact_prefix="$art/" \
        "$work" $seeds >"$log" 2>&1
    status=$?
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    size=$(ls "$work" | wc -l)
    if [ "$status" -eq 0 ]; then
        echo "fuzz_$h: ok, ${runs:-0} executions in ${seconds} s, corpus of $size inputs"
        passed=$((passed + 1))
    else
        echo "fuzz_$h: FAILED after ${runs:-?} executions (log: $log):"
        grep -E 'ERROR|SUMMARY|runtime error|Test unit written' "$log" | head -n 10
        failed=$((failed + 1))
    fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
