#!/usr/bin/env python3
"""The rewriter at work: getppid_loop's call site, reached 1,000 times,
traps once and then enters the dispatcher directly (LVRUN_SYSCALL_STATS=1
prints the counters at exit). Where address 0 cannot be mapped, every
call traps, and the counters must say so.

usage: test_stats.py LVRUN GETPPID_LOOP"""
import re
import subprocess
import sys

lvrun, prog = sys.argv[1:3]
failures = 0
for mode in ('1', '0'):
    env = {'PATH': '/usr/bin:/bin', 'LVRUN_SYSCALL_STATS': '1', 'LVRUN_SYSCALL_REWRITE': mode}
    p = subprocess.run([lvrun, prog], env=env, capture_output=True, timeout=60)
    err = p.stderr.decode()
    m = re.search(r'lvrun: syscalls: (\d+) trapped, (\d+) through rewritten sites, '
                  r'(\d+) sites rewritten \((rewriting|trapping only)\)', err)
    if p.returncode or p.stdout != b'same 1000\n' or not m:
        print(f'FAIL mode {mode}: status {p.returncode}, stdout {p.stdout!r}, stderr {err!r}')
        failures += 1
        continue
    traps, fast, sites, how = int(m[1]), int(m[2]), int(m[3]), m[4]
    if how == 'rewriting':
        good = mode == '1' and traps == sites and traps < 20 and fast >= 1000
    else:
        good = traps >= 1001 and fast == 0 and sites == 0
    print(f'{"ok" if good else "FAIL"} mode {mode}: {err.strip()}')
    failures += not good
sys.exit(1 if failures else 0)
