#!/usr/bin/env python3
"""Differential test: run a musl program natively (musl's own loader) and
its unreachable-interpreter copy (same name, folder lv/) under lvrun, each in a fresh folder with
the same arguments and environment; stdout, stderr and the exit status
must be identical, byte for byte."""
import os
import subprocess
import sys
import tempfile


def run(cmd, libdir, executable=None):
    env = {'PATH': '/usr/bin:/bin', 'LANG': 'C', 'TZ': 'UTC', 'HOME': '/nonexistent',
           'LD_LIBRARY_PATH': libdir, 'LVRUN_LIBRARY_PATH': libdir, 'PX_TEST': 'hello'}
    with tempfile.TemporaryDirectory() as d:
        p = subprocess.run(cmd, cwd=d, env=env, capture_output=True, timeout=60,
                           stdin=subprocess.DEVNULL, executable=executable)
    return p.returncode, p.stdout, p.stderr


def main():
    lvrun, native, copy = sys.argv[1:4]
    args = sys.argv[4:]
    libdir = os.path.dirname(os.path.abspath(native))
    # The copy has the program's name in another folder; the native run
    # gets the same argv[0], so that messages naming it agree.
    copy = os.path.abspath(copy)
    want = run([copy] + args, libdir, executable=os.path.abspath(native))
    got = run([os.path.abspath(lvrun), copy] + args, libdir)
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
