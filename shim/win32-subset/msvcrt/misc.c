/* rand (msvcrt's linear congruential generator, per thread), bit
 * rotations and byte swaps. */
#include <string.h>
#include "libc_private.h"
#include "msvcrt.spec.h"
#include "ucrtbase.spec.h"

static __thread uint32_t t_seed = 1;

CDECL void msvcrt_srand(unsigned seed)
{
    t_seed = seed;
}

CDECL int msvcrt_rand(void)
{
    t_seed = t_seed * 214013 + 2531011;
    return (t_seed >> 16) & 0x7fff;
}

CDECL unsigned msvcrt__rotl(unsigned v, int n)
{
    n &= 31;
    return n ? v << n | v >> (32 - n) : v;
}

CDECL unsigned msvcrt__rotr(unsigned v, int n)
{
    n &= 31;
    return n ? v >> n | v << (32 - n) : v;
}

CDECL uint64_t msvcrt__rotl64(uint64_t v, int n)
{
    n &= 63;
    return n ? v << n | v >> (64 - n) : v;
}

CDECL uint64_t msvcrt__rotr64(uint64_t v, int n)
{
    n &= 63;
    return n ? v >> n | v << (64 - n) : v;
}

CDECL uint16_t msvcrt__byteswap_ushort(uint16_t v)
{
    return __builtin_bswap16(v);
}

CDECL ULONG msvcrt__byteswap_ulong(ULONG v)
{
    return __builtin_bswap32(v);
}

CDECL uint64_t msvcrt__byteswap_uint64(uint64_t v)
{
    return __builtin_bswap64(v);
}

CDECL void msvcrt__swab(char *src, char *dst, int size)
{
    for (int i = 0; i + 1 < size; i += 2) {
        char a = src[i], b = src[i + 1];
        dst[i] = b;
        dst[i + 1] = a;
    }
}
