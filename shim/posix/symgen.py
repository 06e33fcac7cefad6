#!/usr/bin/env python3
"""Turn shim/posix's declaration file (musl.sym) into the musl surface table.

A declaration line is one of

    host NAME [= HOSTSYM]       musl's NAME has the host's ABI and meaning:
                                the import binds to the host symbol HOSTSYM
                                (default NAME) of libc.so.6 or libm.so.6
    func RET NAME(ARGS)         implemented in shim/posix as px_NAME; the
                                prototype goes to the generated header, so
                                the compiler checks the definition
    data TYPE NAME              a data object defined here as px_NAME
    data TYPE NAME = host [SYM] the host's variable SYM (default NAME)
    stub NAME                   declared, not implemented: a call stops the
                                program with a message naming it

"%include HEADER" names a header the prototypes need; "#" starts a
comment. Outputs the table (C, sorted by name) and the prototypes (header).
"""
import re
import sys

PROTO = re.compile(r'^(.*?[\s*])([A-Za-z_]\w*)\s*\((.*)\)$')
DATA = re.compile(r'^(.*?[\s*])([A-Za-z_]\w*)\s*(\[\d*\])?\s*(?:=\s*host(?:\s+([A-Za-z_]\w*))?)?$')
NAME = re.compile(r'^([A-Za-z_]\w*)(?:\s*=\s*([A-Za-z_]\w*))?$')


def parse(path):
    entries, headers = {}, []
    for lineno, raw in enumerate(open(path), 1):
        line = raw.split('#', 1)[0].strip()
        if not line:
            continue
        if line.startswith('%include '):
            headers.append(line.split(None, 1)[1])
            continue
        kind, _, rest = line.partition(' ')
        rest = rest.strip()
        if kind == 'func':
            m = PROTO.match(rest)
            if not m:
                sys.exit(f'{path}:{lineno}: bad prototype')
            name = m.group(2)
            entry = ('func', name, m.group(1).strip(), m.group(3))
        elif kind == 'data':
            m = DATA.match(rest)
            if not m:
                sys.exit(f'{path}:{lineno}: bad data declaration')
            name = m.group(2)
            host = '=' in rest
            entry = ('hostdata' if host else 'data', name, m.group(1).strip(),
                     m.group(4) or name if host else m.group(3) or '')
        elif kind in ('host', 'stub'):
            m = NAME.match(rest)
            if not m:
                sys.exit(f'{path}:{lineno}: bad name')
            name = m.group(1)
            entry = (kind, name, m.group(2) or name, None)
        else:
            sys.exit(f'{path}:{lineno}: unknown kind {kind}')
        if name in entries:
            sys.exit(f'{path}:{lineno}: {name} declared twice')
        entries[name] = entry
    return headers, [entries[k] for k in sorted(entries)]


def main():
    src, out_c, out_h = sys.argv[1:4]
    headers, entries = parse(src)
    with open(out_h, 'w') as h:
        h.write('/* Generated from musl.sym by symgen.py. */\n#pragma once\n')
        for inc in headers:
            h.write(f'#include {inc}\n')
        for kind, name, typ, extra in entries:
            if kind == 'func':
                h.write(f'{typ} px_{name}({extra});\n')
            elif kind == 'data':
                h.write(f'extern {typ} px_{name}{extra};\n')
    with open(out_c, 'w') as c:
        c.write('/* Generated from musl.sym by symgen.py. */\n')
        c.write('#include "px_surface.h"\n#include "musl.sym.h"\n\n')
        c.write('const struct px_symbol px_symbols[] = {\n')
        for kind, name, typ, extra in entries:
            if kind == 'func':
                c.write(f'    {{ "{name}", PX_FUNC, NULL, (void *)px_{name} }},\n')
            elif kind == 'data':
                c.write(f'    {{ "{name}", PX_DATA, NULL, (void *)&px_{name} }},\n')
            elif kind == 'hostdata':
                c.write(f'    {{ "{name}", PX_HOST, "{extra}", NULL }},\n')
            elif kind == 'host':
                c.write(f'    {{ "{name}", PX_HOST, "{typ}", NULL }},\n')
            else:
                c.write(f'    {{ "{name}", PX_STUB, NULL, NULL }},\n')
        c.write('};\n\nconst size_t px_symbol_count = sizeof px_symbols / sizeof *px_symbols;\n')


main()
