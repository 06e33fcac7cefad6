#!/usr/bin/env python3
"""Copy a musl program with its PT_INTERP path made unreachable, so that a
run under lvrun proves musl's loader is never used: the kernel could not
start the copy by itself."""
import shutil
import struct
import sys

src, dst = sys.argv[1], sys.argv[2]
data = bytearray(open(src, 'rb').read())
phoff, = struct.unpack_from('<Q', data, 0x20)
phentsize, phnum = struct.unpack_from('<HH', data, 0x36)
for i in range(phnum):
    off = phoff + i * phentsize
    p_type, = struct.unpack_from('<I', data, off)
    if p_type == 3:  # PT_INTERP
        p_offset, = struct.unpack_from('<Q', data, off + 8)
        p_filesz, = struct.unpack_from('<Q', data, off + 32)
        bogus = b'/nx/ld-musl-x86_64.so.1'
        data[p_offset:p_offset + p_filesz] = bogus[:p_filesz - 1].ljust(p_filesz, b'\0')
open(dst, 'wb').write(data)
shutil.copymode(src, dst)
