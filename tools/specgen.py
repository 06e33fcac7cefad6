#!/usr/bin/env python3
"""Turn a builtin DLL's declaration file (.spec) into its export table.

A declaration line is

    ORDINAL KIND DECLARATION

ORDINAL is a number or "@" (assigned after the numbered ones, by name).
KIND is one of:

    func     RET NAME(ARGS) [= CSYMBOL]   implemented here in C (ms_abi)
    host     RET NAME(ARGS) [= HOSTSYM]   the host function of the same
                                          meaning; an ms_abi entry that calls
                                          it is generated
    data     TYPE NAME[DIM] [= CSYMBOL]   a data export
    forward  NAME DLL.TARGET              resolved by the loader to DLL's export
    stub     NAME                         declared, not implemented: binds to
                                          a stub that names DLL!NAME and stops

Directives: "%dll NAME.dll", "%prefix P" (C symbols of func/data default to
P + NAME), "%include HEADER" (for the generated prototypes),
"%host-include HEADER" (for host entries), "%attach FUNC" and "%detach FUNC"
(host-ABI functions run when the process attaches and detaches the DLL, as
a DllMain would). "#" starts a comment.

Outputs NAME.spec.h (prototypes the implementation includes, so the compiler
checks them against the declaration) and NAME.spec.c (the table).
"""
import re
import sys

LINE = re.compile(r'^(\d+|@)\s+(func|host|data|forward|stub)\s+(.*)$')
# Export names may be C++ decorated ("??2@YAPEAX_K@Z"); such a name needs
# "= CSYMBOL" since it cannot name the C function.
NAME = r'([A-Za-z_?][A-Za-z0-9_?@$]*)'
PROTO = re.compile(r'^(.*?[\s*])' + NAME + r'\s*\((.*)\)\s*(?:=\s*([A-Za-z_][A-Za-z0-9_]*))?$')
DATA = re.compile(r'^(.*?[\s*])' + NAME + r'\s*(\[\s*\d*\s*\])?\s*(?:=\s*([A-Za-z_][A-Za-z0-9_]*))?$')
C_IDENT = re.compile(r'^[A-Za-z_][A-Za-z0-9_]*$')


def fail(path, lineno, msg):
    sys.exit(f'{path}:{lineno}: {msg}')


def split_args(args):
    args = args.strip()
    if args in ('', 'void'):
        return []
    out, depth, cur = [], 0, ''
    for ch in args:
        if ch == ',' and depth == 0:
            out.append(cur.strip())
            cur = ''
            continue
        depth += ch == '('
        depth -= ch == ')'
        cur += ch
    out.append(cur.strip())
    return out


def parse(path):
    dll, prefix, includes, host_includes, exports = None, '', [], [], []
    hooks = {}
    with open(path) as f:
        for lineno, raw in enumerate(f, 1):
            line = raw.split('#', 1)[0].strip()
            if not line:
                continue
            if line.startswith('%'):
                key, _, val = line[1:].partition(' ')
                val = val.strip()
                if key == 'dll':
                    dll = val
                elif key == 'prefix':
                    prefix = val
                elif key == 'include':
                    includes.append(val)
                elif key == 'host-include':
                    host_includes.append(val)
                elif key in ('attach', 'detach'):
                    hooks[key] = val
                else:
                    fail(path, lineno, f'unknown directive %{key}')
                continue
            m = LINE.match(line)
            if not m:
                fail(path, lineno, 'expected "ORDINAL KIND DECLARATION"')
            ordinal = None if m.group(1) == '@' else int(m.group(1))
            kind, rest = m.group(2), m.group(3).strip()
            e = {'ordinal': ordinal, 'kind': kind, 'line': lineno}
            if kind in ('func', 'host'):
                p = PROTO.match(rest)
                if not p:
                    fail(path, lineno, 'expected a C prototype')
                e['ret'] = p.group(1).strip()
                e['name'] = p.group(2)
                e['args'] = split_args(p.group(3))
                default = e['name'] if kind == 'host' else prefix + e['name']
                e['sym'] = p.group(4) or default
                if not C_IDENT.match(e['sym']):
                    fail(path, lineno, f"{e['name']} needs \"= CSYMBOL\"")
            elif kind == 'data':
                p = DATA.match(rest)
                if not p:
                    fail(path, lineno, 'expected "TYPE NAME[DIM]"')
                e['type'] = p.group(1).strip()
                e['name'] = p.group(2)
                e['dim'] = p.group(3) or ''
                e['sym'] = p.group(4) or prefix + e['name']
                if not C_IDENT.match(e['sym']):
                    fail(path, lineno, f"{e['name']} needs \"= CSYMBOL\"")
            elif kind == 'forward':
                parts = rest.split()
                if len(parts) != 2 or '.' not in parts[1]:
                    fail(path, lineno, 'expected "NAME DLL.TARGET"')
                e['name'], e['target'] = parts
            else:
                e['name'] = rest.split('(')[0].strip()
            exports.append(e)
    if not dll:
        sys.exit(f'{path}: missing %dll')
    names = [e['name'] for e in exports]
    dup = {n for n in names if names.count(n) > 1}
    if dup:
        sys.exit(f'{path}: declared twice: {", ".join(sorted(dup))}')
    used = {e['ordinal'] for e in exports if e['ordinal'] is not None}
    nxt = max(used, default=0) + 1
    for e in sorted(exports, key=lambda e: e['name']):
        if e['ordinal'] is None:
            e['ordinal'] = nxt
            nxt += 1
    return dll, includes, host_includes, exports, hooks


def c_string(s):
    return '"' + s.replace('\\', '\\\\').replace('"', '\\"') + '"'


def param_list(args, named):
    if not args:
        return 'void'
    out = []
    for i, a in enumerate(args):
        if a == '...' or not named:
            out.append(a)
        elif '(*' in a:
            out.append(a.replace('(*', f'(*a{i}', 1))
        else:
            out.append(f'{a} a{i}')
    return ', '.join(out)


def write_header(out, base, includes, exports, hooks):
    guard = re.sub(r'\W', '_', base.upper()) + '_SPEC_H'
    out.write(f'/* Generated from {base}.spec by tools/specgen.py. */\n')
    out.write(f'#ifndef {guard}\n#define {guard}\n')
    out.write('#include "lv/windef.h"\n')
    for inc in includes:
        out.write(f'#include {inc}\n' if inc[0] in '<"' else f'#include "{inc}"\n')
    for e in exports:
        if e['kind'] == 'func':
            out.write(f"WINAPI {e['ret']} {e['sym']}({param_list(e['args'], False)});\n")
        elif e['kind'] == 'data':
            out.write(f"extern {e['type']} {e['sym']}{e['dim']};\n")
    for fn in hooks.values():
        out.write(f'void {fn}(void);\n')
    out.write('#endif\n')


def write_table(out, base, dll, host_includes, exports, hooks):
    out.write(f'/* Generated from {base}.spec by tools/specgen.py. */\n')
    for inc in host_includes:
        out.write(f'#include {inc}\n' if inc[0] in '<"' else f'#include "{inc}"\n')
    out.write(f'#include "{base}.spec.h"\n#include "lv/builtin.h"\n\n')
    for i, e in enumerate(exports):
        e['entry'] = f'host_{i}_' + re.sub(r'\W', '_', e['name'])
        if e['kind'] != 'host':
            continue
        params = param_list(e['args'], True)
        call = ', '.join(f'a{i}' for i in range(len(e['args'])))
        ret = '' if e['ret'] == 'void' else 'return '
        out.write(f"static WINAPI {e['ret']} {e['entry']}({params})\n"
                  f"{{\n    {ret}{e['sym']}({call});\n}}\n\n")
    if not exports:
        out.write(f'const struct lv_builtin_dll lv_builtin_{re.sub(chr(92) + "W", "_", base)} = {{\n'
                  f'    {c_string(dll)}, NULL, 0,\n'
                  f"    {hooks.get('attach', 'NULL')}, {hooks.get('detach', 'NULL')}\n}};\n")
        return
    out.write('static const struct lv_export exports[] = {\n')
    for e in sorted(exports, key=lambda e: e['name']):
        kind = {'func': 'LV_EXPORT_FUNC', 'host': 'LV_EXPORT_FUNC',
                'data': 'LV_EXPORT_DATA', 'forward': 'LV_EXPORT_FORWARD',
                'stub': 'LV_EXPORT_STUB'}[e['kind']]
        addr = {'func': f"(void *){e.get('sym')}",
                'host': f"(void *){e.get('entry')}",
                'data': f"(void *)&{e.get('sym')}"}.get(e['kind'], 'NULL')
        target = c_string(e['target']) if e['kind'] == 'forward' else 'NULL'
        if e['kind'] in ('func', 'host'):
            ret, args = c_string(e['ret']), c_string('|'.join(e['args']))
        else:
            ret, args = 'NULL', 'NULL'
        out.write(f"    {{ {c_string(e['name'])}, {e['ordinal']}, {kind}, {addr}, "
                  f"{target}, {ret}, {args} }},\n")
    out.write('};\n\n')
    ident = re.sub(r'\W', '_', base)
    out.write(f'const struct lv_builtin_dll lv_builtin_{ident} = {{\n'
              f'    {c_string(dll)}, exports, sizeof exports / sizeof exports[0],\n'
              f"    {hooks.get('attach', 'NULL')}, {hooks.get('detach', 'NULL')}\n}};\n")


def main():
    if len(sys.argv) != 4:
        sys.exit('usage: specgen.py FILE.spec OUT.spec.c OUT.spec.h')
    spec, out_c, out_h = sys.argv[1:]
    base = re.sub(r'\.spec$', '', spec.rsplit('/', 1)[-1])
    dll, includes, host_includes, exports, hooks = parse(spec)
    with open(out_h, 'w') as f:
        write_header(f, base, includes, exports, hooks)
    with open(out_c, 'w') as f:
        write_table(f, base, dll, host_includes, exports, hooks)


if __name__ == '__main__':
    main()
