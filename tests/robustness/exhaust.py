#!/usr/bin/env python3
"""A program that exhausts memory sees its allocators fail, as on
Windows, instead of lvrun being killed: exhaust.exe runs with its
address space bounded (RLIMIT_AS, 2 GiB) and must print what Windows
gives and exit normally.

    exhaust.py LVRUN EXHAUST_EXE
"""
import os
import resource
import subprocess
import sys
import tempfile

LIMIT = 2 << 30
EXPECTED = (b'malloc: NULL\r\n'
            b'HeapAlloc: NULL\r\n'
            b'VirtualAlloc: NULL, error 8\r\n'
            b'after: allocates again\r\n')


def bound():
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))


def main():
    lvrun, exe = map(os.path.abspath, sys.argv[1:3])
    with tempfile.TemporaryDirectory() as folder:
        os.environ['LVRUN_PREFIX'] = os.path.join(folder, 'prefix')
        p = subprocess.run([lvrun, exe], cwd=folder, preexec_fn=bound,
                           capture_output=True, timeout=60)
    sys.stderr.buffer.write(p.stderr)
    if p.returncode != 0 or p.stdout != EXPECTED:
        print('status %d, output:\n%s' % (p.returncode, p.stdout.decode(errors='replace')))
        return 1
    print(p.stdout.decode().replace('\r', ''), end='')
    return 0


if __name__ == '__main__':
    sys.exit(main())
