#!/usr/bin/env python3
"""The registry between lvrun processes, each check in a fresh prefix.

usage: test_registry.py LVRUN REG_WRITER_EXE

- concurrent: two lvrun processes write 1,000 values each at once; all
  2,000 are there, each whole.
- killed: a writer is killed (SIGKILL) in the middle of a long series of
  writes; what was there before is intact, every value it wrote is whole,
  the database passes integrity_check and opens again for writing.
- round trip: a .reg file with every value type and both kinds of deletion
  imported, exported (UTF-16LE, as regedit), imported into another prefix
  and exported again gives the same bytes; a REGEDIT4 file is read too.
- defaults: a new prefix has the Windows 10 version values.
"""

import os
import re
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

LVRUN, WRITER = sys.argv[1], sys.argv[2]
STRESS = r'HKEY_CURRENT_USER\Software\lvrun-stress'

SAMPLE = r'''Windows Registry Editor Version 5.00

; every type, an escaped string, a continued hex line, deletions
[HKEY_CURRENT_USER\Software\lvrun-rt]
@="default"
"str"="a \"quoted\" \\ back"
"dw"=dword:deadbeef
"bin"=hex:01,02,03,\
  04,05
"exp"=hex(2):25,00,50,00,41,00,54,00,48,00,25,00,00,00
"multi"=hex(7):61,00,00,00,62,00,63,00,00,00,00,00
"qw"=hex(b):88,77,66,55,44,33,22,11
"none"=hex(0):
"gone"="x"
"gone"=-

[HKEY_CURRENT_USER\Software\lvrun-rt\Sub Key]
"x"="y"

[HKCU\Software\lvrun-rt\Deleted]
"a"="b"

[-HKEY_CURRENT_USER\Software\lvrun-rt\Deleted]
'''

EXPECTED = '\r\n'.join([
    'Windows Registry Editor Version 5.00',
    '',
    r'[HKEY_CURRENT_USER\Software\lvrun-rt]',
    '@="default"',
    r'"str"="a \"quoted\" \\ back"',
    '"dw"=dword:deadbeef',
    '"bin"=hex:01,02,03,04,05',
    '"exp"=hex(2):25,00,50,00,41,00,54,00,48,00,25,00,00,00',
    '"multi"=hex(7):61,00,00,00,62,00,63,00,00,00,00,00',
    '"qw"=hex(b):88,77,66,55,44,33,22,11',
    '"none"=hex(0):',
    '',
    r'[HKEY_CURRENT_USER\Software\lvrun-rt\Sub Key]',
    '"x"="y"',
    '',
    '',
])

REGEDIT4 = '\r\n'.join([
    'REGEDIT4',
    '',
    r'[HKEY_CURRENT_USER\Software\lvrun-rt]',
    '"exp"=hex(2):25,50,41,54,48,25,00',
    '',
])

results = []


def check(name, cond, detail=''):
    results.append(cond)
    print(('ok   ' if cond else 'FAIL ') + name + ('' if cond else ': ' + detail))


def env_for(prefix):
    env = dict(os.environ)
    env['LVRUN_PREFIX'] = prefix
    return env


def lvrun(prefix, *args, **kw):
    return subprocess.run([LVRUN, *args], env=env_for(prefix), capture_output=True,
                          timeout=120, **kw)


def export(prefix, key):
    with tempfile.NamedTemporaryFile(suffix='.reg', delete=False) as f:
        path = f.name
    r = lvrun(prefix, 'reg', 'export', path, key)
    with open(path, 'rb') as f:
        data = f.read()
    os.unlink(path)
    return r.returncode, data


def export_text(prefix, key):
    rc, data = export(prefix, key)
    if rc or not data.startswith(b'\xff\xfe'):
        return None
    return data[2:].decode('utf-16-le')


def import_text(prefix, text, encoding='utf-16-le', bom=b'\xff\xfe'):
    with tempfile.NamedTemporaryFile(suffix='.reg', delete=False) as f:
        f.write(bom + text.encode(encoding))
        path = f.name
    r = lvrun(prefix, 'reg', 'import', path)
    os.unlink(path)
    return r


def stress_values(text):
    """{name: data} of the stress key's export."""
    return dict(re.findall(r'^"([^"]+)"="([^"]*)"\r?$', text or '', re.M))


def whole(name, data):
    m = re.fullmatch(r'([AB])-(\d{5})', name)
    return bool(m) and data == 'value %d of %s, written whole' % (int(m.group(2)), m.group(1))


def test_concurrent(prefix):
    procs = [subprocess.Popen([LVRUN, WRITER, who, '1000'], env=env_for(prefix),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
             for who in ('A', 'B')]
    outs = [p.communicate(timeout=240) for p in procs]
    for p, (out, err) in zip(procs, outs):
        check('concurrent writer exits 0', p.returncode == 0,
              'status %d, %r %r' % (p.returncode, out[-200:], err[-200:]))
    values = stress_values(export_text(prefix, STRESS))
    check('concurrent: 2,000 values', len(values) == 2000, '%d values' % len(values))
    bad = [n for n, d in values.items() if not whole(n, d)]
    check('concurrent: every value whole', not bad, repr(bad[:5]))


def integrity(prefix):
    db = sqlite3.connect(os.path.join(prefix, 'registry.db'))
    try:
        return db.execute('PRAGMA integrity_check').fetchone()[0]
    finally:
        db.close()


def test_killed(prefix):
    r = import_text(prefix, SAMPLE)
    check('killed: setup import', r.returncode == 0, r.stderr.decode(errors='replace'))
    before = export_text(prefix, r'HKCU\Software\lvrun-rt')
    p = subprocess.Popen([LVRUN, WRITER, 'A', '1000000'], env=env_for(prefix),
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    written = 0
    deadline = time.time() + 120
    while written < 300 and time.time() < deadline:
        line = p.stdout.readline()
        if not line:
            break
        if line.strip().isdigit():
            written = int(line)
    time.sleep(0.05)
    os.kill(p.pid, signal.SIGKILL)
    p.wait()
    p.stdout.close()
    check('killed: writer was mid-way', written >= 300 and p.returncode == -signal.SIGKILL,
          'written %d, status %s' % (written, p.returncode))
    check('killed: integrity_check ok', integrity(prefix) == 'ok')
    after = export_text(prefix, r'HKCU\Software\lvrun-rt')
    check('killed: previous state intact', before is not None and before == after,
          '%r != %r' % (before, after))
    values = stress_values(export_text(prefix, STRESS))
    names = sorted(values)
    expect = ['A-%05d' % i for i in range(len(names))]
    check('killed: the values written form a whole prefix of the series',
          len(names) >= written and names == expect and all(whole(n, d) for n, d in values.items()),
          '%d values, %r' % (len(names), names[-3:]))
    r = subprocess.run([LVRUN, WRITER, 'B', '100'], env=env_for(prefix),
                       capture_output=True, timeout=120)
    check('killed: the database takes writes again', r.returncode == 0 and b'done' in r.stdout,
          repr(r.stdout[-200:]))
    check('killed: integrity_check ok after', integrity(prefix) == 'ok')


def test_round_trip(p1, p2):
    r = import_text(p1, SAMPLE)
    check('round trip: import', r.returncode == 0, r.stderr.decode(errors='replace'))
    rc, first = export(p1, r'HKEY_CURRENT_USER\Software\lvrun-rt')
    check('round trip: export is UTF-16LE with a BOM', rc == 0 and first.startswith(b'\xff\xfe'))
    text = first[2:].decode('utf-16-le', errors='replace')
    check('round trip: export text', text == EXPECTED, repr(text))
    path = os.path.join(p1, 'first.reg')
    with open(path, 'wb') as f:
        f.write(first)
    r = lvrun(p2, 'reg', 'import', path)
    check('round trip: re-import', r.returncode == 0, r.stderr.decode(errors='replace'))
    rc, second = export(p2, r'HKCU\Software\lvrun-rt')
    check('round trip: same bytes', rc == 0 and first == second)
    r = import_text(p2, SAMPLE, 'utf-8', b'')
    check('round trip: UTF-8 import', r.returncode == 0, r.stderr.decode(errors='replace'))
    r = import_text(p2, REGEDIT4, 'utf-8', b'')
    text = export_text(p2, r'HKCU\Software\lvrun-rt') or ''
    check('round trip: REGEDIT4 hex(2) is ANSI', r.returncode == 0 and
          '"exp"=hex(2):25,00,50,00,41,00,54,00,48,00,25,00,00,00' in text, text)
    r = import_text(p2, 'Windows Registry Editor Version 5.00\r\n\r\n[HKCU\\Software\\x]\r\n"a"=bogus\r\n')
    check('round trip: a bad file is refused whole', r.returncode == 1 and
          export_text(p2, r'HKCU\Software\x') is None, r.stderr.decode(errors='replace'))
    r = import_text(p2, 'Windows Registry Editor Version 5.00\r\n\r\n[-HKCU\\Software\\lvrun-rt]\r\n')
    rc, _ = export(p2, r'HKCU\Software\lvrun-rt')
    check('round trip: [-KEY] deletes the tree', r.returncode == 0 and rc == 1)


def test_defaults(prefix):
    text = export_text(prefix, r'HKLM\Software\Microsoft\Windows NT\CurrentVersion') or ''
    for line in ('"ProductName"="Windows 10 Pro"', '"CurrentVersion"="6.3"',
                 '"CurrentMajorVersionNumber"=dword:0000000a',
                 '"CurrentMinorVersionNumber"=dword:00000000',
                 '"CurrentBuildNumber"="19045"', '"CurrentBuild"="19045"'):
        check('defaults: ' + line, line in text.split('\r\n'), text)


def main():
    with tempfile.TemporaryDirectory(prefix='lvrun-registry-') as tmp:
        dirs = [os.path.join(tmp, d) for d in ('concurrent', 'killed', 'rt1', 'rt2', 'defaults')]
        test_concurrent(dirs[0])
        test_killed(dirs[1])
        test_round_trip(dirs[2], dirs[3])
        test_defaults(dirs[4])
    passed = sum(results)
    print('%d passed, %d failed' % (passed, len(results) - passed))
    return 0 if passed == len(results) else 1


if __name__ == '__main__':
    sys.exit(main())
