#!/usr/bin/env python3
"""A program killed mid-write leaves its file as the host left it: lvrun
is killed (SIGKILL) while writer.exe writes a pattern in chunks, and
the bytes in the file must be a prefix of what it wrote.

    killwrite.py LVRUN WRITER_EXE win32|crt
"""
import os
import subprocess
import sys
import tempfile
import time


def main():
    lvrun, exe = map(os.path.abspath, sys.argv[1:3])
    mode = sys.argv[3]
    with tempfile.TemporaryDirectory() as folder:
        os.environ['LVRUN_PREFIX'] = os.path.join(folder, 'prefix')
        out = os.path.join(folder, 'out.bin')
        p = subprocess.Popen([lvrun, exe, mode, out], cwd=folder)
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and p.poll() is None:
            if os.path.exists(out) and os.path.getsize(out) >= 1 << 20:
                break
            time.sleep(0.01)
        if p.poll() is not None:
            print('writer.exe ended by itself with status %d' % p.returncode)
            return 1
        p.kill()
        p.wait()
        with open(out, 'rb') as f:
            data = f.read()
    if len(data) < 1 << 20:
        print('only %d bytes written in 20 s' % len(data))
        return 1
    expected = bytes(n % 251 for n in range(251)) * (len(data) // 251 + 1)
    if data != expected[:len(data)]:
        bad = next(i for i in range(len(data)) if data[i] != expected[i])
        print('%d bytes, not the pattern from offset %d' % (len(data), bad))
        return 1
    print('%d bytes, a prefix of what was written' % len(data))
    return 0


if __name__ == '__main__':
    sys.exit(main())
