/* <stdlib.h> integer conversions with Windows' types: long is 32 bits. */
#include "libc_private.h"
#include "msvcrt.spec.h"
#include "ucrtbase.spec.h"

CDECL LONG msvcrt_strtol(const char *s, char **end, int base)
{
    return libc_strtoi(s, end, base, false, INT32_MIN, INT32_MAX);
}

CDECL ULONG msvcrt_strtoul(const char *s, char **end, int base)
{
    return libc_strtoi(s, end, base, false, 0, UINT32_MAX);
}

CDECL int64_t msvcrt__strtoi64(const char *s, char **end, int base)
{
    return libc_strtoi(s, end, base, false, INT64_MIN, INT64_MAX);
}

CDECL uint64_t msvcrt__strtoui64(const char *s, char **end, int base)
{
    return libc_strtoi(s, end, base, false, 0, UINT64_MAX);
}

CDECL LONG msvcrt_wcstol(const WCHAR *s, WCHAR **end, int base)
{
    return libc_strtoi(s, end, base, true, INT32_MIN, INT32_MAX);
}

CDECL ULONG msvcrt_wcstoul(const WCHAR *s, WCHAR **end, int base)
{
    return libc_strtoi(s, end, base, true, 0, UINT32_MAX);
}

CDECL int64_t msvcrt__wcstoi64(const WCHAR *s, WCHAR **end, int base)
{
    return libc_strtoi(s, end, base, true, INT64_MIN, INT64_MAX);
}

CDECL uint64_t msvcrt__wcstoui64(const WCHAR *s, WCHAR **end, int base)
{
    return libc_strtoi(s, end, base, true, 0, UINT64_MAX);
}

/* msvcrt's atoi and atol wrap around on overflow, without errno. */
static int32_t libc_atoi_wrap(const char *s)
{
    struct libc_int v;

    libc_parse_int(s, false, 10, &v);
    return (int32_t)(uint32_t)(v.negative ? 0 - v.magnitude : v.magnitude);
}

CDECL int msvcrt_atoi(const char *s)
{
    return libc_atoi_wrap(s);
}

CDECL LONG msvcrt_atol(const char *s)
{
    return libc_atoi_wrap(s);
}

/* The UCRT's saturate and set errno, as the wide ones always did. */
CDECL int ucrt_atoi(const char *s)
{
    return libc_strtoi(s, NULL, 10, false, INT32_MIN, INT32_MAX);
}

CDECL LONG ucrt_atol(const char *s)
{
    return libc_strtoi(s, NULL, 10, false, INT32_MIN, INT32_MAX);
}

CDECL int64_t msvcrt__atoi64(const char *s)
{
    return libc_strtoi(s, NULL, 10, false, INT64_MIN, INT64_MAX);
}

CDECL int msvcrt__wtoi(const WCHAR *s)
{
    return libc_strtoi(s, NULL, 10, true, INT32_MIN, INT32_MAX);
}

CDECL LONG msvcrt__wtol(const WCHAR *s)
{
    return libc_strtoi(s, NULL, 10, true, INT32_MIN, INT32_MAX);
}

CDECL int64_t msvcrt__wtoi64(const WCHAR *s)
{
    return libc_strtoi(s, NULL, 10, true, INT64_MIN, INT64_MAX);
}

CDECL int msvcrt_abs(int v)
{
    return v < 0 ? -(unsigned)v : (unsigned)v;
}

CDECL LONG msvcrt_labs(LONG v)
{
    return v < 0 ? -(uint32_t)v : (uint32_t)v;
}

CDECL int64_t msvcrt__abs64(int64_t v)
{
    return v < 0 ? -(uint64_t)v : (uint64_t)v;
}

/* Structures of two 32-bit fields come back in rax, as ms_abi returns
 * any 8-byte aggregate. */
CDECL msvcrt_div_t msvcrt_div(int num, int den)
{
    return (msvcrt_div_t){ num / den, num % den };
}

CDECL msvcrt_ldiv_t msvcrt_ldiv(LONG num, LONG den)
{
    return (msvcrt_ldiv_t){ num / den, num % den };
}

CDECL msvcrt_lldiv_t msvcrt_lldiv(int64_t num, int64_t den)
{
    return (msvcrt_lldiv_t){ num / den, num % den };
}
