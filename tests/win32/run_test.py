#!/usr/bin/env python3
"""Run one Windows test program under lvrun and compare with Windows' results.

The program runs in a fresh temporary directory (its cwd), with stdin from a
file (through a pipe) or empty, under a 30 s timeout. Its stdout must equal the
expected bytes (or their sha256), its exit status the expected one (the host
keeps the low 8 bits of the Windows exit code), and stderr must contain each
--stderr-contains text. Exit 0 on pass, 1 on mismatch, 2 on a usage error.
"""

import argparse
import difflib
import hashlib
import os
import shutil
import stat
import subprocess
import sys
import tempfile

TIMEOUT = 30
MAX_DIFF_LINES = 40


def read_args(path):
    """One argument per line; a line may hold spaces and quotes; no escapes."""
    with open(path, 'rb') as f:
        data = f.read().decode('utf-8')
    if data.endswith('\n'):
        data = data[:-1]
    return data.split('\n') if data else []


def show_diff(expected, actual):
    exp = [repr(l) for l in expected.splitlines(keepends=True)]
    act = [repr(l) for l in actual.splitlines(keepends=True)]
    lines = list(difflib.unified_diff(exp, act, 'expected', 'actual',
                                      lineterm='', n=2))
    for line in lines[:MAX_DIFF_LINES]:
        print(line)
    if len(lines) > MAX_DIFF_LINES:
        print('... (%d more diff lines)' % (len(lines) - MAX_DIFF_LINES))


def dev_null_changed():
    """Whether /dev/null is no longer the world-writable null device: a
    program that deleted, renamed or chmod-ed NUL reached it (lvrun runs
    as root in CI). It is made again so that other tests can go on."""
    try:
        st = os.lstat('/dev/null')
        if (stat.S_ISCHR(st.st_mode) and os.major(st.st_rdev) == 1 and
                os.minor(st.st_rdev) == 3 and st.st_mode & 0o666 == 0o666):
            return False
    except FileNotFoundError:
        pass
    try:
        if os.path.lexists('/dev/null'):
            os.remove('/dev/null')
        os.mknod('/dev/null', 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        os.chmod('/dev/null', 0o666)
    except OSError as e:
        print('cannot make /dev/null again: %s' % e)
    return True


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    lv = ap.add_mutually_exclusive_group(required=True)
    lv.add_argument('--lvrun', help='the lvrun program')
    lv.add_argument('--lvrun-path-file',
                    help='a file holding the path of the lvrun program')
    ap.add_argument('--exe', required=True)
    ap.add_argument('--expected', help='file with the expected stdout bytes')
    ap.add_argument('--expected-sha256',
                    help='file holding the sha256 (hex) of the expected stdout')
    ap.add_argument('--args', help='file with the arguments, one per line')
    ap.add_argument('--lvrun-args',
                    help='file with lvrun options put before the program, one per line')
    ap.add_argument('--stdin', help='file whose bytes are fed on stdin')
    ap.add_argument('--exit', type=int, default=0,
                    help='expected exit status (low 8 bits)')
    ap.add_argument('--stderr-contains', action='append', default=[],
                    help='text that stderr must contain (repeatable)')
    ap.add_argument('--stderr-file',
                    help='file whose non-empty lines stderr must each contain')
    opts = ap.parse_args()
    if opts.stderr_file:
        with open(opts.stderr_file, encoding='utf-8') as f:
            opts.stderr_contains += [l.rstrip('\r\n') for l in f if l.strip()]

    if opts.lvrun_path_file:
        with open(opts.lvrun_path_file, encoding='utf-8') as f:
            opts.lvrun = f.read().strip()
    lvrun = os.path.abspath(opts.lvrun)
    exe = os.path.abspath(opts.exe)
    args = read_args(opts.args) if opts.args else []
    lvrun_args = read_args(opts.lvrun_args) if opts.lvrun_args else []
    stdin_data = b''
    if opts.stdin:
        with open(opts.stdin, 'rb') as f:
            stdin_data = f.read()
    expected = b''
    if opts.expected:
        with open(opts.expected, 'rb') as f:
            expected = f.read()
    expected_sha = None
    if opts.expected_sha256:
        with open(opts.expected_sha256) as f:
            expected_sha = f.read().split()[0].lower()

    name = os.path.basename(exe)
    workdir = tempfile.mkdtemp(prefix='lvrun-win32-')
    try:
        proc = subprocess.run([lvrun] + lvrun_args + [exe] + args, input=stdin_data,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              cwd=workdir, timeout=TIMEOUT)
    except subprocess.TimeoutExpired as e:
        print('%s: FAIL: timed out after %d s' % (name, TIMEOUT))
        if e.stderr:
            print('stderr: %r' % e.stderr[-2000:])
        return 1
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    failed = False
    if dev_null_changed():
        print('%s: FAIL: the program changed the host\'s /dev/null' % name)
        failed = True
    out, err = proc.stdout, proc.stderr
    if expected_sha is not None:
        actual_sha = hashlib.sha256(out).hexdigest()
        if actual_sha != expected_sha:
            print('%s: FAIL: stdout sha256 %s, expected %s (%d bytes)'
                  % (name, actual_sha, expected_sha, len(out)))
            print('stdout starts: %r' % out[:200])
            failed = True
    elif out != expected:
        print('%s: FAIL: stdout differs (%d bytes, expected %d)'
              % (name, len(out), len(expected)))
        show_diff(expected, out)
        failed = True

    status = proc.returncode
    if status < 0:
        print('%s: FAIL: killed by signal %d' % (name, -status))
        failed = True
    elif status != opts.exit & 0xff:
        print('%s: FAIL: exit status %d, expected %d'
              % (name, status, opts.exit & 0xff))
        failed = True

    err_text = err.decode('utf-8', 'replace')
    for text in opts.stderr_contains:
        if text not in err_text:
            print('%s: FAIL: stderr lacks %r' % (name, text))
            failed = True

    if failed:
        if err:
            print('stderr: %r' % err[-2000:])
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
