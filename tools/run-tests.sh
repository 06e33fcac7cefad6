#!/bin/sh
# Runs the whole test suite of a build folder and ends with the line
# "N passed, N failed"; exits non-zero when anything failed.
build=${1:-build}
[ $# -gt 0 ] && shift
log=$(mktemp)
meson test -C "$build" --print-errorlogs "$@" >"$log" 2>&1
status=$?
cat "$log"
num() { sed -n "s/^$1: *\([0-9]*\).*/\1/p" "$log" | tail -n 1; }
ok=$(num Ok); xfail=$(num 'Expected Fail'); fail=$(num Fail)
xpass=$(num 'Unexpected Pass'); timeout=$(num Timeout)
passed=$(( ${ok:-0} + ${xfail:-0} ))
failed=$(( ${fail:-0} + ${xpass:-0} + ${timeout:-0} ))
rm -f "$log"
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
