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
import struct
import subprocess
import sys
import tempfile

TIMEOUT = 10


def sections(data):
    """(PointerToRawData, SizeOfRawData) of each section, and SizeOfHeaders."""
    lfanew = struct.unpack_from('<I', data, 0x3c)[0]
    nsec, optsize = struct.unpack_from('<H12xH', data, lfanew + 6)
    size_of_headers = struct.unpack_from('<I', data, lfanew + 24 + 60)[0]
    table = lfanew + 24 + optsize
    return size_of_headers, [struct.unpack_from('<II', data, table + 40 * i + 16)
                             for i in range(nsec)]


def variants(data, kind):
    size_of_headers, secs = sections(data)
    if kind == 'headers':
        for off in range(size_of_headers):
            copy = bytearray(data)
            copy[off] ^= 0xff
            yield 'byte 0x%x flipped' % off, bytes(copy)
    else:
        cuts = set()
        for ptr, size in secs:
            cuts.update({ptr, ptr + 1, ptr + size // 2, ptr + size - 1})
        for cut in sorted(c for c in cuts if 0 < c < len(data)):
            yield 'cut at 0x%x' % cut, data[:cut]


def run(lvrun, folder, name, content):
    path = os.path.join(folder, name.replace(' ', '_') + '.exe')
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
    lvrun, exe, kind = sys.argv[1:4]
    with open(exe, 'rb') as f:
        data = f.read()
    with tempfile.TemporaryDirectory() as folder:
        env_prefix = os.path.join(folder, 'prefix')
        os.environ['LVRUN_PREFIX'] = env_prefix
        cases = list(variants(data, kind))
        with concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
            failures = [r for r in pool.map(lambda c: run(lvrun, folder, *c), cases) if r]
    for f in failures:
        print(f)
    print('%d damaged copies, %d failed' % (len(cases), len(failures)))
    return 1 if failures else 0


if __name__ == '__main__':
    sys.exit(main())
