#!/usr/bin/env python3
"""The lvrun command itself: options, its own errors, --check.

usage: test_cli.py LVRUN TESTS_WIN32_BUILD_DIR
"""
import os
import re
import subprocess
import sys
import tempfile

LVRUN, EXES = sys.argv[1], sys.argv[2]
failures = 0


def run(*args, cwd=None):
    p = subprocess.run([LVRUN, *args], capture_output=True, cwd=cwd, timeout=60)
    return p.returncode, p.stdout.decode(errors='replace'), p.stderr.decode(errors='replace')


def ok(cond, msg):
    global failures
    if not cond:
        failures += 1
        print('FAIL:', msg)


code, out, err = run('--help')
ok(code == 0 and 'Usage: lvrun' in out and '--check' in out and err == '', '--help')
code, out, err = run('--version')
ok(code == 0 and out.startswith('lvrun '), '--version')
code, out, err = run()
ok(code == 2 and 'Usage' in err and out == '', 'no arguments is a usage error')
code, out, err = run('--no-such-option', 'x.exe')
ok(code == 2 and out == '', 'unknown option')

with tempfile.TemporaryDirectory() as d:
    code, out, err = run(os.path.join(d, 'missing.exe'))
    ok(code == 126 and err.startswith('lvrun: ') and 'missing.exe' in err and 'no such file' in err,
       f'missing program: {code} {err!r}')
    folder = os.path.join(d, 'folder.exe')
    os.mkdir(folder)
    code, out, err = run(folder)
    ok(code == 126 and err.startswith('lvrun: ') and 'not a regular file' in err,
       f'a folder: {code} {err!r}')
    # A program named without .exe is found with it, as a shell user expects.
    code, out, err = run(os.path.join(EXES, 'exit_return'))
    ok(code == 3, f'program found without .exe: {code} {err!r}')

# --check lists imports; unimplemented ones make it fail, and nothing runs.
code, out, err = run('--check', os.path.join(EXES, 'unimplemented.exe'))
ok(code == 1, f'--check of a program with a missing import exits 1, got {code}')
ok('unimplemented.exe: KERNEL32.dll!LvrunNoSuchFunction: missing' in out, '--check names the missing import')
ok('before the call' not in out, '--check runs nothing')
summary = re.fullmatch(r'(\d+) of (\d+) imports implemented; (\d+) missing or unimplemented',
                       out.rstrip().splitlines()[-1])
listed = [l for l in out.splitlines() if l.startswith('unimplemented.exe: ')]
bad = [l for l in listed if not l.endswith(': implemented') and not l.endswith('(data)')
       and not l.endswith('(forwarded)')]
ok(summary and int(summary.group(2)) == len(listed) and int(summary.group(3)) == len(bad),
   '--check summary counts what it listed: ' + out[-200:])
code, out, err = run('--check', os.path.join(EXES, 'dll_import.exe'))
ok('testdll.dll!testdll_add: provided by the DLL' in out, '--check follows shipped DLLs')
code, out, err = run('--check', os.path.join(EXES, 'missing_dll.exe'))
ok(code == 126 and 'lvrun_missing.dll' in err, f'--check with a missing DLL: {code} {err!r}')

print(f'{"ok" if not failures else str(failures) + " failed"}')
sys.exit(1 if failures else 0)
