/* _itoa and its kin: radix 10 prints a sign for the signed types, the
 * other radixes print the two's complement bits of the value. */
#include "libc_private.h"
#include "msvcrt.spec.h"

#define LIBC_ITOA_MAX 66 /* 64 binary digits, a sign, the terminator */

struct libc_itoa {
    uint64_t bits;  /* the value, reduced to its type's width */
    bool is_signed; /* the type's top bit is a sign */
    uint64_t sign_bit;
};

static void libc_put_empty(void *out, bool wide)
{
    if (wide)
        *(WCHAR *)out = 0;
    else
        *(char *)out = 0;
}

/* EINVAL for a bad buffer or radix, ERANGE (and an empty string) when the
 * digits do not fit in size units. */
static int libc_itoa_s(struct libc_itoa v, void *out, size_t size, int radix,
                       bool wide)
{
    char digits[LIBC_ITOA_MAX];
    bool negative = v.is_signed && radix == 10 && (v.bits & v.sign_bit);
    uint64_t magnitude = negative ? (0 - v.bits) & (v.sign_bit * 2 - 1) : v.bits;
    size_t len;

    if (!out || !size || radix < 2 || radix > 36) {
        if (out && size)
            libc_put_empty(out, wide);
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    len = libc_format_int(magnitude, negative, radix, digits);
    if (len > size) {
        libc_put_empty(out, wide);
        msvcrt_set_errno(MSVCRT_ERANGE);
        return MSVCRT_ERANGE;
    }
    for (size_t i = 0; i < len; i++) {
        if (wide)
            ((WCHAR *)out)[i] = (unsigned char)digits[i];
        else
            ((char *)out)[i] = digits[i];
    }
    return 0;
}

#define I32(v) ((struct libc_itoa){ (uint32_t)(v), true, UINT64_C(1) << 31 })
#define U32(v) ((struct libc_itoa){ (uint32_t)(v), false, UINT64_C(1) << 31 })
#define I64(v) ((struct libc_itoa){ (uint64_t)(v), true, UINT64_C(1) << 63 })
#define U64(v) ((struct libc_itoa){ (uint64_t)(v), false, UINT64_C(1) << 63 })

CDECL char *msvcrt__itoa(int v, char *out, int radix)
{
    libc_itoa_s(I32(v), out, LIBC_ITOA_MAX, radix, false);
    return out;
}

CDECL char *msvcrt__ltoa(LONG v, char *out, int radix)
{
    libc_itoa_s(I32(v), out, LIBC_ITOA_MAX, radix, false);
    return out;
}

CDECL char *msvcrt__ultoa(ULONG v, char *out, int radix)
{
    libc_itoa_s(U32(v), out, LIBC_ITOA_MAX, radix, false);
    return out;
}

CDECL char *msvcrt__i64toa(int64_t v, char *out, int radix)
{
    libc_itoa_s(I64(v), out, LIBC_ITOA_MAX, radix, false);
    return out;
}

CDECL char *msvcrt__ui64toa(uint64_t v, char *out, int radix)
{
    libc_itoa_s(U64(v), out, LIBC_ITOA_MAX, radix, false);
    return out;
}

CDECL WCHAR *msvcrt__itow(int v, WCHAR *out, int radix)
{
    libc_itoa_s(I32(v), out, LIBC_ITOA_MAX, radix, true);
    return out;
}

CDECL WCHAR *msvcrt__ltow(LONG v, WCHAR *out, int radix)
{
    libc_itoa_s(I32(v), out, LIBC_ITOA_MAX, radix, true);
    return out;
}

CDECL WCHAR *msvcrt__ultow(ULONG v, WCHAR *out, int radix)
{
    libc_itoa_s(U32(v), out, LIBC_ITOA_MAX, radix, true);
    return out;
}

CDECL WCHAR *msvcrt__i64tow(int64_t v, WCHAR *out, int radix)
{
    libc_itoa_s(I64(v), out, LIBC_ITOA_MAX, radix, true);
    return out;
}

CDECL WCHAR *msvcrt__ui64tow(uint64_t v, WCHAR *out, int radix)
{
    libc_itoa_s(U64(v), out, LIBC_ITOA_MAX, radix, true);
    return out;
}

CDECL int msvcrt__itoa_s(int v, char *out, size_t size, int radix)
{
    return libc_itoa_s(I32(v), out, size, radix, false);
}

CDECL int msvcrt__ltoa_s(LONG v, char *out, size_t size, int radix)
{
    return libc_itoa_s(I32(v), out, size, radix, false);
}

CDECL int msvcrt__ultoa_s(ULONG v, char *out, size_t size, int radix)
{
    return libc_itoa_s(U32(v), out, size, radix, false);
}

CDECL int msvcrt__i64toa_s(int64_t v, char *out, size_t size, int radix)
{
    return libc_itoa_s(I64(v), out, size, radix, false);
}

CDECL int msvcrt__ui64toa_s(uint64_t v, char *out, size_t size, int radix)
{
    return libc_itoa_s(U64(v), out, size, radix, false);
}

CDECL int msvcrt__itow_s(int v, WCHAR *out, size_t size, int radix)
{
    return libc_itoa_s(I32(v), out, size, radix, true);
}

CDECL int msvcrt__ltow_s(LONG v, WCHAR *out, size_t size, int radix)
{
    return libc_itoa_s(I32(v), out, size, radix, true);
}

CDECL int msvcrt__ultow_s(ULONG v, WCHAR *out, size_t size, int radix)
{
    return libc_itoa_s(U32(v), out, size, radix, true);
}

CDECL int msvcrt__i64tow_s(int64_t v, WCHAR *out, size_t size, int radix)
{
    return libc_itoa_s(I64(v), out, size, radix, true);
}

CDECL int msvcrt__ui64tow_s(uint64_t v, WCHAR *out, size_t size, int radix)
{
    return libc_itoa_s(U64(v), out, size, radix, true);
}
