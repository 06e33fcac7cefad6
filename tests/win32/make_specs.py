#!/usr/bin/env python3
"""Write a GCC specs file that links a MinGW-w64 program against another CRT.

usage: make_specs.py CC CRTLIB OUT   (CRTLIB: ucrt or ucrtbase)

Same as: CC -dumpspecs | sed -e 's/-lmsvcrt/-lCRTLIB/g'
                             -e '/^\\*cpp:$/{n;s/^/-D_UCRT /}' > OUT
"""

import subprocess
import sys


def main():
    cc, crt, out = sys.argv[1:4]
    specs = subprocess.run([cc, '-dumpspecs'], check=True, stdout=subprocess.PIPE,
                           universal_newlines=True).stdout
    lines = specs.replace('-lmsvcrt', '-l' + crt).split('\n')
    for i, line in enumerate(lines[:-1]):
        if line == '*cpp:':
            lines[i + 1] = '-D_UCRT ' + lines[i + 1]
    with open(out, 'w') as f:
        f.write('\n'.join(lines))


if __name__ == '__main__':
    main()
