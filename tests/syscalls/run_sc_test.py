#!/usr/bin/env python3
"""Differential test of a static musl program: run natively and under
lvrun (system calls caught), each in a fresh folder with the same
arguments and environment; stdout, stderr and the exit status must be
identical, byte for byte.

usage: run_sc_test.py LVRUN PROGRAM MODE [ARGS...]
MODE: 'ahead' (every call site rewritten before the start, where address
0 can be mapped and the code decodes cleanly), 'lazy' (sites rewritten
after their first trap) or 'trap' (LVRUN_SYSCALL_REWRITE=0: every call
trapped)."""
import os
import subprocess
import sys
import tempfile


def run(cmd, mode):
    env = {'PATH': '/usr/bin:/bin', 'LANG': 'C', 'TZ': 'UTC', 'HOME': '/nonexistent',
           'LVRUN_SYSCALL_REWRITE': {'ahead': '1', 'lazy': 'lazy', 'trap': '0'}[mode]}
    with tempfile.TemporaryDirectory() as d:
        p = subprocess.run(cmd, cwd=d, env=env, capture_output=True, timeout=60,
                           stdin=subprocess.DEVNULL)
    return p.returncode, p.stdout, p.stderr


def main():
    lvrun, prog, mode = sys.argv[1:4]
    args = sys.argv[4:]
    prog = os.path.abspath(prog)
    want = run([prog] + args, mode)
    got = run([os.path.abspath(lvrun), prog] + args, mode)
    ok = True
    for name, w, g in zip(('exit status', 'stdout', 'stderr'), want, got):
        if w != g:
            ok = False
            print(f'{name} differs:\n  native: {w!r}\n  lvrun:  {g!r}')
    if ok:
        print(f'ok ({mode}): status {want[0]}, {len(want[1])} bytes of output')
    sys.exit(0 if ok else 1)


main()
