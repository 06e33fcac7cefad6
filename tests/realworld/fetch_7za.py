#!/usr/bin/env python3
"""Fetches 7za.exe (7-Zip 21.07 x64, MSVC-built) from the npm package
7zip-bin@5.2.0 into a cache outside the repository and prints its path.

usage: fetch_7za.py

The cache is $LVRUN_CACHE, else ~/.cache/lvrun; the package is fetched
once with `npm pack` and checked against its known SHA-256.
"""
import hashlib
import os
import subprocess
import sys
import tarfile

PACKAGE = '7zip-bin@5.2.0'
MEMBER = 'package/win/x64/7za.exe'
SHA256 = 'b0cfdeaf429f5cc53f85123dd8f5a5feb92c19d31aa34df257edf9a26be05f95'


def cache_dir():
    base = os.environ.get('LVRUN_CACHE') or os.path.join(os.path.expanduser('~'), '.cache', 'lvrun')
    d = os.path.join(base, 'npm', PACKAGE.replace('@', '-'))
    os.makedirs(d, exist_ok=True)
    return d


def main():
    d = cache_dir()
    exe = os.path.join(d, '7za.exe')
    if not os.path.exists(exe):
        r = subprocess.run(['npm', 'pack', PACKAGE, '--silent', '--pack-destination', d],
                           capture_output=True, text=True, timeout=300)
        if r.returncode:
            sys.exit(f'fetch_7za: npm pack {PACKAGE} failed: {r.stderr.strip()}')
        tgz = os.path.join(d, r.stdout.strip().splitlines()[-1])
        with tarfile.open(tgz) as t:
            data = t.extractfile(MEMBER).read()
        if hashlib.sha256(data).hexdigest() != SHA256:
            sys.exit(f'fetch_7za: {MEMBER} of {PACKAGE} does not have the expected SHA-256')
        tmp = exe + '.tmp'
        with open(tmp, 'wb') as f:
            f.write(data)
        os.rename(tmp, exe)
        os.unlink(tgz)
    print(exe)


if __name__ == '__main__':
    main()
