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

# Damaged ELF files (the fuzzer's finds) are refused with one clear line,
# run or checked: never a crash.
elf_damaged = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fuzz', 'regressions', 'elf')
for name in sorted(os.listdir(elf_damaged)):
    with tempfile.TemporaryDirectory() as d:
        prog = os.path.join(d, name)
        with open(os.path.join(elf_damaged, name), 'rb') as src, open(prog, 'wb') as dst:
            dst.write(src.read())
        os.chmod(prog, 0o755)
        for args in ((prog,), ('--check', prog)):
            code, out, err = run(*args)
            ok(code == 126 and err.startswith('lvrun: ') and err.count('\n') == 1,
               f'damaged ELF {args}: {code} {err!r}')

# lvrun path: the translator a program uses, from the command line.
with tempfile.TemporaryDirectory() as d:
    prefix = os.path.join(d, 'pfx')
    code, out, err = run('--prefix', prefix, 'path', '--windows', prefix + '/drive_c/x', '/etc/passwd')
    ok(code == 0 and out == 'C:\\x\nZ:\\etc\\passwd\n' and err == '', f'path --windows: {code} {out!r} {err!r}')
    code, out, err = run('--prefix', prefix, 'path', '--windows', prefix + '/drive_c/a/../b/.', d + '/')
    ok(code == 0 and out == 'C:\\b\nZ:' + d.replace('/', '\\') + '\n', f'path --windows normalizes: {out!r}')
    code, out, err = run('--prefix', prefix, 'path', '--unix', 'C:\\WINDOWS\\System32', 'c:/Program Files/x.txt',
                         'Z:\\etc\\passwd')
    ok(code == 0 and out.splitlines() == [prefix + '/drive_c/windows/system32',
                                          prefix + '/drive_c/Program Files/x.txt', '/etc/passwd'],
       f'path --unix finds existing names without case: {code} {out!r} {err!r}')
    env = dict(os.environ, LVRUN_PREFIX=prefix)
    p = subprocess.run([LVRUN, 'path', '--unix', 'C:\\'], capture_output=True, env=env, timeout=60)
    ok(p.returncode == 0 and p.stdout.decode() == prefix + '/drive_c/\n', f'LVRUN_PREFIX: {p.stdout!r}')
    code, out, err = run('--prefix', prefix, 'path', '--unix', 'D:\\x', 'C:\\y')
    ok(code == 1 and out == prefix + '/drive_c/y\n' and err.startswith('lvrun: ') and 'D:\\x' in err,
       f'path --unix of an unmapped drive: {code} {out!r} {err!r}')
    data = os.path.join(d, 'data')
    os.mkdir(data)
    open(os.path.join(data, 'File.txt'), 'w').close()
    code, out, err = run('--prefix', prefix, '--mount', '/data=' + data, 'path', '--windows', data + '/File.txt')
    ok(code == 0 and out == 'Z:\\data\\File.txt\n', f'path --windows through a mount: {code} {out!r} {err!r}')
    code, out, err = run('--prefix', prefix, '--mount', '/data=' + data, 'path', '--unix', 'Z:\\data\\file.TXT')
    ok(code == 0 and out == data + '/File.txt\n', f'path --unix through a mount: {code} {out!r} {err!r}')
    code, out, err = run('--prefix', prefix, '--mount', '/data=' + data, '--confine', 'path', '--windows', '/etc/passwd')
    ok(code == 1 and out == '' and err.startswith('lvrun: '), f'path --windows outside a confined view: {code} {err!r}')
    code, out, err = run('--prefix', prefix, '--mount', '/data=' + data, '--confine', 'path', '--unix', 'Z:\\etc\\passwd')
    ok(code == 1 and out == '' and err.startswith('lvrun: '), f'path --unix outside a confined view: {code} {err!r}')
    for args in (['path'], ['path', '--windows'], ['path', '--bogus', 'x']):
        code, out, err = run('--prefix', prefix, *args)
        ok(code == 2 and out == '' and 'Usage' in err, f'{args}: usage error {code} {err!r}')
code, out, err = run('--help')
ok('path --windows' in out, '--help documents lvrun path')

print(f'{"ok" if not failures else str(failures) + " failed"}')
sys.exit(1 if failures else 0)
