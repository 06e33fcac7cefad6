#!/usr/bin/env python3
"""The preload library's version script from wrap_list.h: exactly the
wrapped names are global, everything else local."""
import re
import sys

names = re.findall(r'\bX\((\w+)\)', open(sys.argv[1]).read())
with open(sys.argv[2], 'w') as out:
    out.write('{\n  global:\n')
    for n in names:
        out.write(f'    {n};\n')
    out.write('  local:\n    *;\n};\n')
