#!/usr/bin/env python3
"""Damaged copies of a real executable, each run by lvrun: every byte of
its headers flipped in turn ("headers"), or the file cut inside and at
the edges of each section ("truncate"). Each run must end by itself:
never killed by a signal, never a hang, and when lvrun refuses the file
(status 126) its message on stderr starts with "lvrun:". A damaged
program may also run, or fail as a program does.

    corrupt.py LVRUN EXE headers|truncate
"""
import concurrent.futures
import os
import re
import struct
import subprocess
import sys
import tempfile

TIMEOUT = 10

# Known failures, by the field damaged: a fault inside lvrun's own code on
# a pointer the damaged program passes ends lvrun with "internal error"
# and SIGSEGV, where Windows raises an access violation in the program
# (exit status 0xC0000005). A listed case that passes fails the test, so
# that its entry is removed.
TODO = {
    'section .bss Characteristics',      # .bss read-only: a write in RtlInitializeCriticalSectionEx
}

SECTION_FIELDS = [(0, 'Name'), (8, 'VirtualSize'), (12, 'VirtualAddress'),
                  (16, 'SizeOfRawData'), (20, 'PointerToRawData'),
                  (24, 'PointerToRelocations'), (28, 'PointerToLinenumbers'),
                  (32, 'NumberOfRelocations'), (34, 'NumberOfLinenumbers'),
                  (36, 'Characteristics')]


def sections(data):
    """(PointerToRawData, SizeOfRawData) of each section, and SizeOfHeaders."""
    lfanew = struct.unpack_from('<I', data, 0x3c)[0]
    nsec, optsize = struct.unpack_from('<H12xH', data, lfanew + 6)
    size_of_headers = struct.unpack_from('<I', data, lfanew + 24 + 60)[0]
    table = lfanew + 24 + optsize
    return size_of_headers, [struct.unpack_from('<II', data, table + 40 * i + 16)
                             for i in range(nsec)]


def field(data, off):
    """The header field at file offset off, by name."""
    lfanew = struct.unpack_from('<I', data, 0x3c)[0]
    nsec, optsize = struct.unpack_from('<H12xH', data, lfanew + 6)
    table = lfanew + 24 + optsize
    if off < 0x40:
        return 'DOS header'
    if off < lfanew:
        return 'DOS stub'
    if off < lfanew + 24:
        return 'PE signature and file header'
    if off < lfanew + 24 + 112:
        return 'optional header'
    if off < table:
        return 'data directory %d' % ((off - lfanew - 24 - 112) // 8)
    if off < table + 40 * nsec:
        i, rel = divmod(off - table, 40)
        name = data[table + 40 * i:table + 40 * i + 8].rstrip(b'\0').decode(errors='replace')
        return 'section %s %s' % (name, [f for o, f in SECTION_FIELDS if o <= rel][-1])
    return 'header padding'


def variants(data, kind):
    size_of_headers, secs = sections(data)
    if kind == 'headers':
        for off in range(size_of_headers):
            copy = bytearray(data)
            copy[off] ^= 0xff
            yield 'byte 0x%x flipped (%s)' % (off, field(data, off)), bytes(copy)
    else:
        cuts = set()
        for ptr, size in secs:
            cuts.update({ptr, ptr + 1, ptr + size // 2, ptr + size - 1})
        for cut in sorted(c for c in cuts if 0 < c < len(data)):
            yield 'cut at 0x%x' % cut, data[:cut]


def run(lvrun, folder, name, content):
    path = os.path.join(folder, re.search('0x[0-9a-f]+', name).group() + '.exe')
    with open(path, 'wb') as f:
        f.write(content)
    try:
        p = subprocess.run([lvrun, path], cwd=folder, stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return '%s: no end after %d s' % (name, TIMEOUT)
    finally:
        os.unlink(path)
    if p.returncode < 0:
        return '%s: killed by signal %d\n%s' % (name, -p.returncode,
                                                 p.stderr.decode(errors='replace')[-2000:])
    if p.returncode == 126 and not p.stderr.startswith(b'lvrun:'):
        return '%s: refused without an "lvrun:" message: %r' % (name, p.stderr[:300])
    return None


def main():
    lvrun, exe = map(os.path.abspath, sys.argv[1:3])
    kind = sys.argv[3]
    with open(exe, 'rb') as f:
        data = f.read()
    with tempfile.TemporaryDirectory() as folder:
        env_prefix = os.path.join(folder, 'prefix')
        os.environ['LVRUN_PREFIX'] = env_prefix
        cases = list(variants(data, kind))
        with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
            failures = [r for r in pool.map(lambda c: run(lvrun, folder, *c), cases) if r]
    todo = {n for n, _ in cases if any(n.endswith('(%s)' % t) for t in TODO)}
    failed = [f for f in failures if f.split(':')[0] not in todo]
    known = [f for f in failures if f.split(':')[0] in todo]
    fixed = {t for t in TODO if kind == 'headers' and
             not any(f.split(':')[0].endswith('(%s)' % t) for f in known)}
    for f in failed:
        print(f)
    for f in known:
        print('todo: ' + f.splitlines()[0])
    for t in sorted(fixed):
        print('todo passed (remove it from TODO): ' + t)
    print('%d damaged copies, %d failed, %d known failures' % (len(cases), len(failed), len(known)))
    return 1 if failed or fixed else 0


if __name__ == '__main__':
    sys.exit(main())
