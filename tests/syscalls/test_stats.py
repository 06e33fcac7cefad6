#!/usr/bin/env python3
"""The rewriter at work (LVRUN_SYSCALL_STATS=1 prints the counters at
exit) on getppid_loop, whose call site is reached 1,000 times: rewritten
before the start, it never traps (LVRUN_SYSCALL_REWRITE=1, the default);
rewritten after its first trap, it traps once (=lazy); with rewriting
off (=0), or where address 0 cannot be mapped, every call traps, and the
counters must say so. And jit's `syscall`, made at run time where no
rewriting saw it, is caught in every mode: it traps at least once.

usage: test_stats.py LVRUN GETPPID_LOOP JIT"""
import re
import subprocess
import sys

lvrun, prog, jit = sys.argv[1:4]
failures = 0
for mode in ('1', 'lazy', '0'):
    env = {'PATH': '/usr/bin:/bin', 'LVRUN_SYSCALL_STATS': '1', 'LVRUN_SYSCALL_REWRITE': mode}
    p = subprocess.run([lvrun, prog], env=env, capture_output=True, timeout=60)
    err = p.stderr.decode()
    m = re.search(r'lvrun: syscalls: (\d+) trapped, (\d+) through rewritten sites, '
                  r'(\d+) sites rewritten \((rewritten ahead|rewriting|trapping only)\)', err)
    if p.returncode or p.stdout != b'same 1000\n' or not m:
        print(f'FAIL mode {mode}: status {p.returncode}, stdout {p.stdout!r}, stderr {err!r}')
        failures += 1
        continue
    traps, fast, sites, how = int(m[1]), int(m[2]), int(m[3]), m[4]
    if how == 'rewritten ahead':
        good = mode == '1' and traps == 0 and sites > 0 and fast >= 1000
    elif how == 'rewriting':
        good = mode == 'lazy' and traps == sites and traps < 20 and fast >= 1000
    else:
        good = traps >= 1001 and fast == 0 and sites == 0
    print(f'{"ok" if good else "FAIL"} mode {mode}: {err.strip()}')
    failures += not good
    p = subprocess.run([lvrun, jit], env=env, capture_output=True, timeout=60)
    err = p.stderr.decode()
    m = re.search(r'lvrun: syscalls: (\d+) trapped', err)
    good = p.returncode == 0 and b'getpid ok' in p.stdout and m and int(m[1]) >= 1
    print(f'{"ok" if good else "FAIL"} jit, mode {mode}: {p.stdout!r} {err.strip()}')
    failures += not good
sys.exit(1 if failures else 0)
