#!/usr/bin/env python3
"""Generate the code page tables of kernel32 from Python's own codecs.

    cpgen.py OUTPUT.c

Each code page becomes a 256-entry byte -> UTF-16 table, for double-byte
code pages one row per lead byte (trail byte -> UTF-16, 0 where the pair is
undefined), and a reverse table of (UTF-16, bytes) pairs sorted for bsearch.
The reverse table holds only what converts back to the same character:
Windows' "best fit" extras (U+0141 -> 'L' in 1252) are not in Python's
codecs, so lvrun converts as Windows does with WC_NO_BEST_FIT_CHARS.
"""
import sys

# (code page, Python codec, GetCPInfoEx name)
CODE_PAGES = [
    (437, 'cp437', '437   (OEM - United States)'),
    (932, 'cp932', '932   (ANSI/OEM - Japanese Shift-JIS)'),
    (936, 'gbk', '936   (ANSI/OEM - Simplified Chinese GBK)'),
    (1252, 'cp1252', '1252  (ANSI - Latin I)'),
    (20127, 'ascii', '20127 (US-ASCII)'),
    (28591, 'latin-1', '28591 (ISO 8859-1 Latin I)'),
]

# Where Windows' tables (the MBTABLE of Microsoft's bestfitNNN.txt, which
# MultiByteToWideChar follows) have single bytes that Python's codec lacks.
SINGLE_BYTE_FIXES = {
    # The five bytes cp1252 leaves undefined become the C1 controls of the
    # same value, so that every byte converts and round-trips.
    1252: {b: b for b in (0x81, 0x8d, 0x8f, 0x90, 0x9d)},
    # Python's gbk is GBK proper; Windows' 936 adds the euro sign at 0x80
    # and maps 0xff into the private use area.
    936: {0x80: 0x20ac, 0xff: 0xf8f5},
    # lvrun's ASCII has always passed the high bytes through as U+0080..U+00FF
    # (one byte per character); only 0x00..0x7f convert back.
    20127: {b: b for b in range(0x80, 0x100)},
}
ONE_WAY = {20127: range(0x80, 0x100)}

# What undefined bytes convert to ('?' unless given). Japanese is the
# exception: the katakana middle dot, which the CPINFOEXW documentation
# names beside '?'; cp936 gives '?' (Wine's conformance test of a lone lead
# byte, as run on Windows).
UNI_DEFAULT = {932: 0x30fb}


def decode(codec, raw):
    try:
        s = raw.decode(codec)
    except UnicodeDecodeError:
        return None
    return ord(s) if len(s) == 1 else None


def build(cp, codec):
    fixes = SINGLE_BYTE_FIXES.get(cp, {})
    single = [fixes.get(b, decode(codec, bytes([b]))) for b in range(256)]
    # A byte that is no character alone is a lead byte, even where Python
    # defines no pair for it (cp932's 0x85, 0x86, 0xeb, 0xec, 0xef): Windows'
    # lead byte ranges are whole.
    rows = {lead: [decode(codec, bytes([lead, t])) if t else None for t in range(256)]
            for lead in range(256) if single[lead] is None}
    return single, rows


def reverse(cp, codec, single, rows):
    """Each character's byte sequence; where several decode to the same
    character (cp932's NEC and IBM duplicates), Python's encoder picks the
    one Windows converts back to (JIS X 0208, then NEC row 13, then IBM)."""
    found = {}
    one_way = ONE_WAY.get(cp, ())
    for b, wc in enumerate(single):
        if wc is not None and b not in one_way:
            found.setdefault(wc, []).append(b)
    for lead, row in rows.items():
        for t, wc in enumerate(row):
            if wc is not None:
                found.setdefault(wc, []).append(lead << 8 | t)
    pairs = []
    for wc, seqs in found.items():
        if len(seqs) > 1:
            enc = int.from_bytes(chr(wc).encode(codec), 'big')
            if enc not in seqs:
                sys.exit(f'cpgen: {codec}: U+{wc:04X} encodes outside {seqs}')
            seqs = [enc]
        pairs.append((wc, seqs[0]))
    return sorted(pairs)


def lead_ranges(rows):
    out = []
    for lead in sorted(rows):
        if out and out[-1][1] == lead - 1:
            out[-1][1] = lead
        else:
            out.append([lead, lead])
    if len(out) > 5:
        sys.exit('cpgen: more lead byte ranges than CPINFO.LeadByte holds')
    return [b for r in out for b in r]


def c_array(values, digits=4, per_line=12):
    items = [f'0x{v:0{digits}x}' for v in values]
    return '\n'.join('    ' + ', '.join(items[i:i + per_line]) + ','
                     for i in range(0, len(items), per_line))


def emit(out, cp, codec, name):
    single, rows = build(cp, codec)
    pairs = reverse(cp, codec, single, rows)
    p = f'cp{cp}'
    out.append(f'static const WCHAR {p}_bytes[256] = {{')
    out.append(c_array(wc or 0 for wc in single))
    out.append('};')
    fields = [f'.cp = {cp}', f'.name = u"{name}"', f'.uni_default = 0x{UNI_DEFAULT.get(cp, 0x3f):04x}',
              f'.bytes = {p}_bytes', f'.pairs = {p}_pairs',
              f'.pair_count = {len(pairs)}']
    if rows:
        leads = sorted(rows)
        trails = [t for r in rows.values() for t, wc in enumerate(r) if wc is not None]
        tmin, tmax = min(trails), max(trails)
        row_of = [0] * 256
        for i, lead in enumerate(leads):
            row_of[lead] = i + 1
        out.append(f'static const unsigned char {p}_lead_row[256] = {{')
        out.append(c_array(row_of, 2, 16))
        out.append('};')
        out.append(f'static const WCHAR {p}_rows[] = {{')
        out.append(c_array(rows[lead][t] or 0 for lead in leads for t in range(tmin, tmax + 1)))
        out.append('};')
        ranges = ', '.join(f'0x{b:02x}' for b in lead_ranges(rows))
        fields += [f'.lead_ranges = {{ {ranges} }}', f'.lead_row = {p}_lead_row',
                   f'.rows = {p}_rows', f'.trail_min = 0x{tmin:02x}', f'.trail_max = 0x{tmax:02x}']
    out.append(f'static const struct cp_pair {p}_pairs[] = {{')
    out.extend(f'    {{ 0x{wc:04x}, 0x{mb:04x} }},' for wc, mb in pairs)
    out.append('};')
    out.append(f'static const struct cp_table {p} = {{')
    out.extend(f'    {f},' for f in fields)
    out.append('};')
    out.append('')


def main():
    if len(sys.argv) != 2:
        sys.exit('usage: cpgen.py OUTPUT.c')
    out = ['/* Generated by tools/cpgen.py from Python\'s codecs: do not edit. */',
           '#include "codepage_private.h"', '']
    for cp, codec, name in CODE_PAGES:
        emit(out, cp, codec, name)
    out.append('const struct cp_table *const cp_tables[] = {')
    out.extend(f'    &cp{cp},' for cp, *_ in CODE_PAGES)
    out.append('    NULL,')
    out.append('};')
    with open(sys.argv[1], 'w') as f:
        f.write('\n'.join(out) + '\n')


if __name__ == '__main__':
    main()
