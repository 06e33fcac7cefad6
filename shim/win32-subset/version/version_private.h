/* Shared between the files of version. */
#ifndef VERSION_PRIVATE_H
#define VERSION_PRIVATE_H

#include <stddef.h>
#include <stdint.h>
#include "lv/windef.h"

/* The block GetFileVersionInfo fills: the resource as stored (UTF-16),
 * a mark, then room where VerQueryValueA puts the ANSI form of a string
 * value: twice its offset into the resource, twice its size (enough for
 * UTF-8). The mark says that room is there. */
#define VI_ANSI_MARK 0x4153564cu /* "LVSA" */

static inline size_t vi_align4(size_t n)
{
    return (n + 3) & ~(size_t)3;
}

static inline size_t vi_block_size(size_t res_size)
{
    return vi_align4(res_size) + 4 + 2 * res_size;
}

#endif
