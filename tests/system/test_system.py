#!/usr/bin/env python3
"""Two lvrun processes and one file; Ctrl-C from the host.

usage: test_system.py LVRUN SHARE_PROBE_EXE CTRL_C_EXE CASE_PROBE_EXE

- sharing: while one lvrun process holds a file open (read/write access,
  sharing read only) and locks its first 10 bytes, another lvrun process
  gets ERROR_SHARING_VIOLATION (32) for opens the share modes forbid and
  for a delete, ERROR_LOCK_VIOLATION (33) for a conflicting lock, and
  success for a compatible open; once the holder closes, all succeed.
- names behind the cache: one lvrun process opens names in other cases
  while the host renames, re-cases, deletes and adds files between its
  requests; each answer is what the folder holds at that moment.
- Ctrl-C: SIGINT from the host reaches the handlers, the last added first,
  on a thread of their own; a handler returning TRUE lets the program go
  on; when every handler declines, the process ends with
  STATUS_CONTROL_C_EXIT (0xC000013A, 0x3a on the host); SetConsoleCtrlHandler
  (NULL, TRUE) ignores it.
"""

import os
import signal
import subprocess
import sys
import tempfile
import time

LVRUN, PROBE, CTRL_C, CASE_PROBE = (os.path.abspath(a) for a in sys.argv[1:5])
failures = 0


def ok(cond, msg):
    global failures
    if not cond:
        failures += 1
        print('FAIL:', msg)


def text(b):
    return b.decode(errors='replace').replace('\r\n', '\n')


def probe(cwd, *args):
    p = subprocess.run([LVRUN, PROBE, *args], cwd=cwd, capture_output=True, timeout=30)
    return text(p.stdout).strip()


def check_sharing():
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, 'shared.txt'), 'w') as f:
            f.write('0123456789abcdef')
        holder = subprocess.Popen([LVRUN, PROBE, 'hold', 'shared.txt', 'r'], cwd=d,
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        lines = [text(holder.stdout.readline()).strip() for _ in range(2)]
        ok(lines == ['hold: ok', 'lock: ok'], f'holder starts: {lines}')

        expect = [
            (('open', 'Shared.TXT', 'r', 'rw'), 'open: ok'),
            (('open', 'shared.txt', 'w', 'rw'), 'open: error 32'),
            (('open', 'shared.txt', 'r', 'r'), 'open: error 32'),
            (('delete', 'shared.txt'), 'delete: error 32'),
        ]
        for args, want in expect:
            got = probe(d, *args)
            ok(got == want, f'while held, {args}: {got!r}, expected {want!r}')

        holder.stdin.close()
        rest = text(holder.stdout.read()).strip()
        ok(holder.wait(timeout=30) == 0 and rest == 'released', f'holder ends: {rest!r}')

        for args, want in [(('open', 'shared.txt', 'w', ''), 'open: ok'),
                           (('lock', 'shared.txt'), 'lock: ok'),
                           (('delete', 'shared.txt'), 'delete: ok')]:
            got = probe(d, *args)
            ok(got == want, f'after release, {args}: {got!r}, expected {want!r}')
        ok(not os.path.exists(os.path.join(d, 'shared.txt')), 'the file is deleted')


def check_lock_conflict():
    """A lock alone (the holder shares everything) still excludes."""
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, 'locked.bin'), 'wb') as f:
            f.write(b'x' * 32)
        holder = subprocess.Popen([LVRUN, PROBE, 'hold', 'locked.bin', 'rwd'], cwd=d,
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        lines = [text(holder.stdout.readline()).strip() for _ in range(2)]
        ok(lines == ['hold: ok', 'lock: ok'], f'lock holder starts: {lines}')
        got = probe(d, 'lock', 'locked.bin')
        ok(got == 'lock: error 33', f'a conflicting lock from another process: {got!r}')
        got = probe(d, 'open', 'locked.bin', 'rw', 'rwd')
        ok(got == 'open: ok', f'an open every share mode allows: {got!r}')
        holder.stdin.close()
        holder.stdout.read()
        holder.wait(timeout=30)
        got = probe(d, 'lock', 'locked.bin')
        ok(got == 'lock: ok', f'the lock once the holder has gone: {got!r}')


def check_behind_the_cache():
    with tempfile.TemporaryDirectory() as d:
        def put(name, text):
            os.makedirs(os.path.dirname(os.path.join(d, name)), exist_ok=True)
            with open(os.path.join(d, name), 'w') as f:
                f.write(text + '\n')
        guest = subprocess.Popen([LVRUN, CASE_PROBE], cwd=d, stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE)

        def ask(request):
            guest.stdin.write((request + '\n').encode())
            guest.stdin.flush()
            return text(guest.stdout.readline()).strip()

        def step(what, request, want):
            got = ask(request)
            ok(got == want, f'{what}: {request!r} gave {got!r}, expected {want!r}')

        put('Report.txt', 'one')
        step('a file in another case', 'open report.TXT', 'ok one')
        os.rename(os.path.join(d, 'Report.txt'), os.path.join(d, 'Summary.TXT'))
        step('a renamed file under its old name', 'open report.txt', 'error 2')
        step('a renamed file under its new name', 'open SUMMARY.txt', 'ok one')
        os.rename(os.path.join(d, 'Summary.TXT'), os.path.join(d, 'summary.txt'))
        step('a file whose case changed', 'open SUMMARY.TXT', 'ok one')
        os.unlink(os.path.join(d, 'summary.txt'))
        step('a deleted file', 'open Summary.txt', 'error 2')
        put('NEW.txt', 'upper')
        step('a new file', 'open new.TXT', 'ok upper')
        put('new.txt', 'lower')
        step('two names differing in case, the exact one', 'open new.txt', 'ok lower')
        step('two names differing in case, another case', 'open New.Txt', 'ok upper')
        step('both listed', 'count *.TXT', '2')
        os.unlink(os.path.join(d, 'NEW.txt'))
        step('one of the two deleted', 'open New.Txt', 'ok lower')
        put('Sub/Deep/A.txt', 'deep')
        step('a new folder tree', 'open sub\\deep\\a.TXT', 'ok deep')
        os.rename(os.path.join(d, 'Sub'), os.path.join(d, 'Top'))
        step('a renamed folder', 'open TOP\\DEEP\\A.TXT', 'ok deep')
        step('the old folder name', 'open sub\\deep\\a.TXT', 'error 3')
        # The guest's own burst of creates is trusted for a moment (20 ms);
        # a change the host makes after it must be seen all the same.
        for i in range(50):
            step('a file the guest creates', f'make Burst{i:02d}.txt', 'ok')
        step('a name the guest just made, in another case', 'open BURST07.TXT', 'ok Burst07.txt')
        step('a name the guest made, exactly', 'make Burst07.txt', 'error 80')
        step('a name the guest made, in another case', 'make burst07.TXT', 'error 80')
        time.sleep(0.1)
        os.rename(os.path.join(d, 'Burst07.txt'), os.path.join(d, 'moved.TXT'))
        put('burst50.txt', 'host')
        step('a name the host moved after the burst', 'open Burst07.txt', 'error 2')
        step('the name it moved to', 'open MOVED.txt', 'ok Burst07.txt')
        step('a file the host added after the burst', 'open BURST50.TXT', 'ok host')
        guest.stdin.close()
        ok(guest.wait(timeout=30) == 0, 'the probe ends')


def run_ctrl_c(mode):
    p = subprocess.Popen([LVRUN, CTRL_C, mode], stdout=subprocess.PIPE,
                         stdin=subprocess.DEVNULL)
    first = text(p.stdout.readline())
    p.send_signal(signal.SIGINT)
    rest = text(p.stdout.read())
    return p.wait(timeout=30), first + rest


def check_ctrl_c():
    code, out = run_ctrl_c('handled')
    want = ('ready\ndeclining handler: event 0, own thread 1\n'
            'first handler: event 0\nafter wait: handled\n')
    ok(code == 0 and out == want, f'handled Ctrl-C: {code} {out!r}')
    code, out = run_ctrl_c('unhandled')
    want = 'ready\ndeclining handler: event 0, own thread 1\n'
    ok(code == 0x3a and out == want, f'declined Ctrl-C: {code} {out!r}')
    code, out = run_ctrl_c('ignored')
    ok(code == 0 and out == 'ready\nafter wait: timed out\n', f'ignored Ctrl-C: {code} {out!r}')


check_sharing()
check_lock_conflict()
check_behind_the_cache()
check_ctrl_c()
print('system:', 'ok' if failures == 0 else f'{failures} failures')
sys.exit(1 if failures else 0)
