#!/usr/bin/env python3
"""Differential test: run a musl program natively (musl's own loader) and
its unreachable-interpreter copy (same name, folder lv/) under lvrun, each in a fresh folder with
the same arguments and environment; stdout, stderr and the exit status
must be identical, byte for byte."""
import os
import re
import subprocess
import sys
import tempfile


def run(cmd, libdir, executable=None):
    env = {'PATH': '/usr/bin:/bin', 'LANG': 'C', 'TZ': 'UTC', 'HOME': '/nonexistent',
           'LD_LIBRARY_PATH': libdir, 'LVRUN_LIBRARY_PATH': libdir, 'PX_TEST': 'hello'}
    # A sanitizer build of lvrun keeps its settings.
    for k in ('ASAN_OPTIONS', 'UBSAN_OPTIONS'):
        if k in os.environ:
            env[k] = os.environ[k]
    with tempfile.TemporaryDirectory() as d:
        p = subprocess.run(cmd, cwd=d, env=env, capture_output=True, timeout=60,
                           stdin=subprocess.DEVNULL, executable=executable)
    return p.returncode, p.stdout, p.stderr


ASAN_STACK_WARNING = re.compile(
    rb'==\d+==WARNING: ASan is ignoring requested __asan_handle_no_return[^\n]*\n'
    rb'False positive error reports may follow\n'
    rb'For details see https://github.com/google/sanitizers/issues/189\n')


def main():
    lvrun, native, copy = sys.argv[1:4]
    args = sys.argv[4:]
    libdir = os.path.dirname(os.path.abspath(native))
    # The copy has the program's name in another folder; the native run
    # gets the same argv[0], so that messages naming it agree.
    copy = os.path.abspath(copy)
    want = run([copy] + args, libdir, executable=os.path.abspath(native))
    got = run([os.path.abspath(lvrun), copy] + args, libdir)
    # Under ASan, the guest's own stack draws a warning from ASan itself
    # (not from lvrun or the program) when a noreturn call happens on it.
    got = (got[0], got[1], ASAN_STACK_WARNING.sub(b'', got[2]))
    names = ('exit status', 'stdout', 'stderr')
    ok = True
    for name, w, g in zip(names, want, got):
        if w != g:
            ok = False
            print(f'{name} differs:\n  musl:  {w!r}\n  lvrun: {g!r}')
    if ok:
        print(f'ok: status {want[0]}, {len(want[1])} bytes of output')
    sys.exit(0 if ok else 1)


main()
