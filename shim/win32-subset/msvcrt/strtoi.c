/* The integer reader behind strtol, wcstol, atoi and their kin. */
#include "libc_private.h"

/* The wide readers also take the decimal digits of other scripts and the
 * fullwidth forms, as Windows' do. */
static const WCHAR g_zeros[] = {
    0x0660, 0x06f0, 0x0966, 0x09e6, 0x0a66, 0x0ae6, 0x0b66, 0x0c66, 0x0ce6,
    0x0d66, 0x0e50, 0x0ed0, 0x0f20, 0x1040, 0x17e0, 0x1810, 0xff10,
};

static int libc_digit(unsigned c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    if (c >= 0xff21 && c <= 0xff3a)
        return c - 0xff21 + 10;
    if (c >= 0xff41 && c <= 0xff5a)
        return c - 0xff41 + 10;
    for (size_t i = 0; i < sizeof g_zeros / sizeof g_zeros[0]; i++)
        if (c >= g_zeros[i] && c <= g_zeros[i] + 9u)
            return c - g_zeros[i];
    return 99;
}

bool libc_parse_int(const void *s, bool wide, int base, struct libc_int *out)
{
    size_t i = 0;
    unsigned c;
    bool any = false;

    *out = (struct libc_int){ 0 };
    if (base < 0 || base == 1 || base > 36)
        return false;
    while (libc_isspace_unit(libc_unit(s, i, wide), wide))
        i++;
    c = libc_unit(s, i, wide);
    if (c == '-' || c == '+') {
        out->negative = c == '-';
        i++;
    }
    if ((base == 0 || base == 16) && libc_unit(s, i, wide) == '0' &&
        (libc_unit(s, i + 1, wide) | 0x20) == 'x') {
        base = 16;
        i += 2;
    } else if (base == 0) {
        base = libc_unit(s, i, wide) == '0' ? 8 : 10;
    }
    for (;; i++) {
        int d = libc_digit(libc_unit(s, i, wide));
        if (d >= base)
            break;
        any = true;
        if (out->magnitude > (UINT64_MAX - d) / base)
            out->overflow = true;
        out->magnitude = out->magnitude * base + d;
    }
    out->used = any ? i : 0;
    return true;
}

uint64_t libc_int_value(const struct libc_int *v, int64_t min, uint64_t max)
{
    if (min == 0) {
        if (v->overflow || v->magnitude > max) {
            msvcrt_set_errno(MSVCRT_ERANGE);
            return max;
        }
        return v->negative ? (0 - v->magnitude) & max : v->magnitude;
    }
    if (v->negative) {
        if (v->overflow || v->magnitude > (uint64_t)-(min + 1) + 1) {
            msvcrt_set_errno(MSVCRT_ERANGE);
            return (uint64_t)min;
        }
        return 0 - v->magnitude;
    }
    if (v->overflow || v->magnitude > max) {
        msvcrt_set_errno(MSVCRT_ERANGE);
        return max;
    }
    return v->magnitude;
}

int64_t libc_strtoi(const void *s, void *end, int base, bool wide, int64_t min,
                    uint64_t max)
{
    struct libc_int v;

    if (!s || !libc_parse_int(s, wide, base, &v)) {
        if (end)
            *(const void **)end = s;
        msvcrt_set_errno(MSVCRT_EINVAL);
        return 0;
    }
    if (end)
        *(const char **)end = (const char *)s + v.used * (wide ? 2 : 1);
    return (int64_t)libc_int_value(&v, min, max);
}

size_t libc_format_int(uint64_t magnitude, bool negative, int radix, char *out)
{
    char digits[65];
    size_t n = 0, len = 0;

    do {
        digits[n++] = "0123456789abcdefghijklmnopqrstuvwxyz"[magnitude % radix];
        magnitude /= radix;
    } while (magnitude);
    if (negative)
        out[len++] = '-';
    while (n)
        out[len++] = digits[--n];
    out[len++] = 0;
    return len;
}
