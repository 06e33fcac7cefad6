#!/usr/bin/env python3
"""Write damaged copies of a valid PE32+ program, for loader error tests.

usage: make_malformed.py VALID.exe OUT... where each OUT is named
malformed_<kind>.exe and <kind> picks the damage (see KINDS).
"""

import os
import struct
import sys


def pe_offsets(data):
    e_lfanew = struct.unpack_from('<I', data, 0x3c)[0]
    coff = e_lfanew + 4
    nsections, = struct.unpack_from('<H', data, coff + 2)
    opt_size, = struct.unpack_from('<H', data, coff + 16)
    opt = coff + 20
    sections = opt + opt_size
    return e_lfanew, coff, opt, sections, nsections


def section_headers(data):
    _, _, _, sections, n = pe_offsets(data)
    return [sections + 40 * i for i in range(n)]


def put(data, fmt, off, *values):
    struct.pack_into(fmt, data, off, *values)
    return data


def truncate_dos(d):
    return d[:64]


def truncate_coff(d):
    _, coff, _, _, _ = pe_offsets(d)
    return d[:coff + 20]


def truncate_optional(d):
    _, _, opt, _, _ = pe_offsets(d)
    return d[:opt + 64]


def truncate_sections(d):
    _, _, _, sections, _ = pe_offsets(d)
    return d[:sections + 60]


def truncate_half(d):
    return d[:len(d) // 2]


def bad_mz(d):
    return put(d, '<H', 0, 0x5a4e)


def bad_pe_sig(d):
    e_lfanew, _, _, _, _ = pe_offsets(d)
    return put(d, '<I', e_lfanew, 0x00004550 ^ 0x0101)


def lfanew_past_eof(d):
    return put(d, '<I', 0x3c, len(d) + 0x1000)


def pe32(d):
    """A 32-bit image: i386 machine and the PE32 optional-header magic."""
    _, coff, opt, _, _ = pe_offsets(d)
    put(d, '<H', coff, 0x14c)
    return put(d, '<H', opt, 0x10b)


def arm64(d):
    _, coff, _, _, _ = pe_offsets(d)
    return put(d, '<H', coff, 0xaa64)


def section_past_eof(d):
    first = section_headers(d)[0]
    return put(d, '<I', first + 20, len(d) + 0x10000)


def section_size_past_eof(d):
    first = section_headers(d)[0]
    return put(d, '<I', first + 16, 0x40000000)


def import_out_of_bounds(d):
    _, _, opt, _, _ = pe_offsets(d)
    # DataDirectory[1] (imports) of a PE32+ optional header is at 112 + 8.
    return put(d, '<II', opt + 120, 0x7fff0000, 0x100)


def image_size_too_small(d):
    _, _, opt, _, _ = pe_offsets(d)
    return put(d, '<I', opt + 56, 0x1000)


def image_size_absurd(d):
    _, _, opt, _, _ = pe_offsets(d)
    return put(d, '<I', opt + 56, 0xfffff000)


def empty(d):
    return b''


def text_file(d):
    return b'MZ is not enough: this is a text file\r\n'


KINDS = {
    'truncated_dos': truncate_dos,
    'truncated_coff': truncate_coff,
    'truncated_optional': truncate_optional,
    'truncated_sections': truncate_sections,
    'truncated_half': truncate_half,
    'bad_mz': bad_mz,
    'bad_pe_sig': bad_pe_sig,
    'lfanew_past_eof': lfanew_past_eof,
    'pe32': pe32,
    'arm64': arm64,
    'section_past_eof': section_past_eof,
    'section_size_past_eof': section_size_past_eof,
    'import_out_of_bounds': import_out_of_bounds,
    'image_size_too_small': image_size_too_small,
    'image_size_absurd': image_size_absurd,
    'empty': empty,
    'text_file': text_file,
}


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    with open(sys.argv[1], 'rb') as f:
        valid = f.read()
    if valid[:2] != b'MZ' or struct.unpack_from('<H', valid, pe_offsets(valid)[2])[0] != 0x20b:
        sys.exit('%s: not a PE32+ image' % sys.argv[1])
    for out in sys.argv[2:]:
        name = os.path.basename(out)
        kind = name[len('malformed_'):-len('.exe')]
        if not name.startswith('malformed_') or kind not in KINDS:
            sys.exit('%s: unknown kind (expected malformed_<kind>.exe, kinds: %s)'
                     % (out, ', '.join(sorted(KINDS))))
        data = KINDS[kind](bytearray(valid))
        with open(out, 'wb') as f:
            f.write(bytes(data))


if __name__ == '__main__':
    main()
