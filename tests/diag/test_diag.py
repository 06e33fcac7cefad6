#!/usr/bin/env python3
"""Diagnostics: trace channels, relay tracing, crash reports, --check --json.

usage: test_diag.py LVRUN DIAG_BUILD_DIR TESTS_WIN32_BUILD_DIR
"""
import json
import os
import re
import subprocess
import sys
import tempfile

LVRUN, DIAG, WIN32 = sys.argv[1:4]
RELAY = os.path.join(DIAG, 'diag_relay.exe')
CRASH = os.path.join(DIAG, 'diag_crash.exe')
PREFIX = re.compile(r'^[0-9a-f]{4,}:[0-9a-f]{4,}:([a-z]+):')
failures = 0

# stdout is in text mode, as on Windows.
EXPECTED = ('CreateFileA: failed, error 2\r\n'
            'CreateFileW: error 3\r\n'
            'strlen: 5\r\n'
            'diag_add: 5\r\n'
            'slot: {}\r\n')


def run(*args, **env):
    e = {k: v for k, v in os.environ.items() if not k.startswith('LVRUN_')}
    e['LVRUN_PREFIX'] = PREFIX_DIR
    e.update(env)
    p = subprocess.run([LVRUN, *args], capture_output=True, env=e, timeout=60)
    return p.returncode, p.stdout.decode(errors='replace'), p.stderr.decode(errors='replace')


def ok(cond, msg):
    global failures
    if not cond:
        failures += 1
        print('FAIL:', msg)


def channel_lines(text, channel):
    return [l for l in text.splitlines() if PREFIX.match(l) and PREFIX.match(l).group(1) == channel]


def check_quiet_and_direct():
    code, out, err = run(RELAY)
    ok(code == 0 and out == EXPECTED.format('direct') and err == '',
       f'relay off: nothing on stderr, slots direct: {code} {out!r} {err!r}')


def check_relay_lines():
    code, out, err = run(RELAY, LVRUN_DEBUG='+relay')
    ok(code == 0 and out == EXPECTED.format('relayed'),
       f'+relay: stdout is the program\'s own: {out!r}')
    bad = [l for l in err.splitlines() if not PREFIX.match(l)]
    ok(not bad, f'+relay: every stderr line is "pid:tid:channel:" prefixed: {bad[:3]}')
    relay = channel_lines(err, 'relay')
    for want in [
        'KERNEL32.dll!CreateFileA("diag-no-such-file.txt",0x80000000,1,NULL,3,128,NULL)'
        ' = 0xffffffffffffffff (last error 2)',
        'KERNEL32.dll!GetLastError() = 2',
        'KERNEL32.dll!CreateFileW(L"C:\\\\diag-no-such-dir\\\\a.txt",0x80000000,0,NULL,3,0,NULL)'
        ' = 0xffffffffffffffff (last error 3)',
        'msvcrt.dll!strlen("relay") = 5',
        'msvcrt.dll!printf("CreateFileA: %s, error %lu\\n",...)',
        'diag_dll.dll!diag_add(rcx=0x2,rdx=0x3,',
    ]:
        ok(any(want in l for l in relay), f'+relay shows {want!r}')


def check_log_file():
    with tempfile.TemporaryDirectory() as d:
        log = os.path.join(d, 'trace.log')
        code, out, err = run(RELAY, LVRUN_DEBUG='+relay,+module', LVRUN_LOG=log)
        ok(code == 0 and out == EXPECTED.format('relayed') and err == '',
           f'LVRUN_LOG: stdout and stderr untouched: {out!r} {err!r}')
        with open(log, encoding='utf-8', errors='replace') as f:
            text = f.read()
        ok(any('!CreateFileA(' in l for l in channel_lines(text, 'relay')), 'LVRUN_LOG has relay lines')
        mods = channel_lines(text, 'module')
        ok(any('diag_dll.dll: from ' in l for l in mods) and
           any('KERNEL32.dll: builtin' in l for l in mods), f'+module names each DLL: {mods}')


def check_filters():
    code, out, err = run(RELAY, LVRUN_DEBUG='+relay', LVRUN_RELAY='kernel32.*File*')
    relay = channel_lines(err, 'relay')
    ok(relay and all('KERNEL32.dll!CreateFile' in l for l in relay),
       f'LVRUN_RELAY includes: {relay[:4]}')
    code, out, err = run(RELAY, LVRUN_DEBUG='+relay', LVRUN_RELAY='KERNEL32.*,-*File*')
    relay = channel_lines(err, 'relay')
    ok(relay and all(l.split(':', 3)[3].startswith('KERNEL32.dll!') and 'File' not in l
                     for l in relay), f'LVRUN_RELAY excludes: {relay[:4]}')
    code, out, err = run(RELAY, LVRUN_DEBUG='+relay', LVRUN_RELAY_FROM='other.exe')
    ok(channel_lines(err, 'relay') == [], 'LVRUN_RELAY_FROM leaves out other callers')
    code, out, err = run(RELAY, LVRUN_DEBUG='+relay', LVRUN_RELAY_FROM='DIAG_RELAY.EXE')
    ok(channel_lines(err, 'relay') != [], 'LVRUN_RELAY_FROM selects the caller')


def check_options():
    code, out, err = run('--trace', '+module', RELAY)
    ok(code == 0 and channel_lines(err, 'module') and not channel_lines(err, 'relay'),
       '--trace +module')
    code, out, err = run(RELAY, LVRUN_DEBUG='+all,-relay')
    ok(code == 0 and not channel_lines(err, 'relay') and channel_lines(err, 'module'),
       'LVRUN_DEBUG=+all,-relay')
    code, out, err = run('--trace', '+nosuch', RELAY)
    ok(code == 2 and out == '' and 'nosuch' in err, f'--trace with an unknown channel: {err!r}')
    code, out, err = run(RELAY, LVRUN_DEBUG='+nosuch')
    ok(code == 2 and out == '' and 'nosuch' in err, f'LVRUN_DEBUG with an unknown channel: {err!r}')
    code, out, err = run('--help')
    for ch in ['relay', 'prelay', 'module', 'file', 'view', 'heap', 'thread', 'seh']:
        ok(re.search(r'^  %s +\S' % ch, out, re.M), f'--help lists channel {ch}')


def check_json():
    for exe in [RELAY, os.path.join(WIN32, 'dll_delay.exe'), os.path.join(WIN32, 'unimplemented.exe')]:
        if not os.path.exists(exe):
            continue
        tcode, text, _ = run('--check', exe)
        jcode, out, err = run('--check', '--json', exe)
        try:
            doc = json.loads(out)
        except ValueError as e:
            ok(False, f'--check --json {exe} parses: {e}')
            continue
        ok(tcode == jcode, f'--check --json exit status {jcode} is the text form\'s {tcode}')
        lines = text.splitlines()
        s = doc['summary']
        ok(lines[-1].startswith(f'{s["implemented"]} of {s["imports"]} imports implemented'),
           f'--check --json summary {s} matches {lines[-1]!r}')
        from_json = []
        for m in doc['modules']:
            for i in m['imports']:
                what = i.get('name') or ('#%d' % i['ordinal'] if 'ordinal' in i else None)
                delay = ' (delay-load)' if i['delay_load'] else ''
                if what is None:
                    from_json.append(f'{m["name"]}: {i["dll"]}{delay}: {i["status"]}')
                else:
                    from_json.append(f'{m["name"]}: {i["dll"]}!{what}{delay}: {i["status"]}')
        ok(from_json == lines[:-1], f'--check --json lists what --check lists ({exe})')
        ok(doc['program'] == exe, '--check --json names the program')


def check_crash():
    code, out, err = run(CRASH)
    ok('unhandled exception c0000005' in err, f'crash: the exception line: {err!r}')
    ok(re.search(r'#0 diag_dll\.dll\+0x[0-9a-f]+ \(diag_fault\+0x[0-9a-f]+\)', err),
       f'crash: frame 0 names the export: {err!r}')
    ok(re.search(r'#1 diag_dll\.dll\+0x[0-9a-f]+ \(diag_fault_outer\+0x[0-9a-f]+\)', err),
       f'crash: frame 1 names its caller: {err!r}')
    ok(re.search(r'#2 diag_crash\.exe\+0x', err), f'crash: frame 2 is the program: {err!r}')
    ok('last relayed calls' not in err, 'crash: no relayed calls without +relay')
    code, out, err = run(CRASH, LVRUN_DEBUG='+relay', LVRUN_LOG=os.devnull)
    tail = err[err.find('last relayed calls'):]
    ok('KERNEL32.dll!SetLastError(0)' in tail and 'diag_dll.dll!diag_fault_outer(rcx=0x20' in tail,
       f'crash with +relay: the last calls: {err!r}')
    seh = os.path.join(WIN32, 'seh_unhandled.exe')
    if os.path.exists(seh):
        code, out, err = run(seh)
        ok(code == 5 and re.search(r'#0 seh_unhandled\.exe\+0x', err), f'seh_unhandled: {err!r}')


def check_prelay():
    """+prelay logs a musl program's calls into the musl surface and
    changes nothing else."""
    prog = os.path.join(os.path.dirname(WIN32), 'posix', 'lv', 'hello')
    if not os.path.exists(prog):
        print('skip prelay: tests/posix was not built (no musl-gcc)')
        return
    code0, out0, err0 = run(prog, 'one')
    code, out, err = run(prog, 'one', LVRUN_DEBUG='+prelay')
    ok(code == code0 and out == out0, f'+prelay keeps the program\'s output: {out!r}')
    calls = channel_lines(err, 'prelay')
    ok(any('libc.so!printf(rdi=0x' in l for l in calls) and
       any('libc.so!__libc_start_main(' in l for l in calls), f'+prelay lines: {err!r}')
    code, out, err = run(prog, 'one', LVRUN_DEBUG='+prelay', LVRUN_RELAY='libc.so.fwrite')
    calls = channel_lines(err, 'prelay')
    ok(calls and all('libc.so!fwrite(' in l for l in calls), f'+prelay filtered: {err!r}')


with tempfile.TemporaryDirectory() as PREFIX_DIR:
    check_prelay()
    check_quiet_and_direct()
    check_relay_lines()
    check_log_file()
    check_filters()
    check_options()
    check_json()
    check_crash()

print(f'{"ok" if not failures else str(failures) + " failed"}')
sys.exit(1 if failures else 0)
