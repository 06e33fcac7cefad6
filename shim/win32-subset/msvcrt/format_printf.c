/* The printf engine, narrow and wide. One parser serves both: the format
 * is read unit by unit from either width, and output goes out in the
 * caller's width, converting strings of the other width (UTF-8 is the
 * ANSI code page in lvrun). Every variadic argument of the Windows x64
 * convention fills one 8-byte slot, so arguments are read as slots, which
 * also makes positional arguments (%2$d) a simple index. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "lv/wstr.h"
#include "format.h"
#include "format_float.h"

enum size {
    SIZE_DEFAULT,
    SIZE_CHAR,    /* hh */
    SIZE_SHORT,   /* h */
    SIZE_LONG,    /* l: 32 bits, or a wide character/string */
    SIZE_64,      /* ll I64 j z t I */
    SIZE_32,      /* I32 */
    SIZE_WIDE,    /* w */
    SIZE_DOUBLE,  /* L */
};

struct spec {
    int left, plus, space, alt, zero;
    int width, prec;
    enum size size;
    unsigned conv;
};

struct sink {
    struct fmt_out *out;
    int wide, failed;
    long long count;
};

struct args {
    __builtin_ms_va_list ap;
    const uint64_t *base;
};

static unsigned unit_at(const void *format, int wide, size_t i)
{
    return wide ? ((const WCHAR *)format)[i] : ((const unsigned char *)format)[i];
}

static uint64_t next_arg(struct args *a, int pos)
{
    if (pos > 0)
        return a->base[pos - 1];
    return __builtin_va_arg(a->ap, uint64_t);
}

static void put_units(struct sink *s, const void *units, size_t n)
{
    if (s->failed || !n)
        return;
    if (s->out->put(s->out, units, n) < 0)
        s->failed = 1;
    else
        s->count += (long long)n;
}

/* ASCII text, widened for a wide sink. */
static void put_ascii(struct sink *s, const char *text, size_t n)
{
    WCHAR wide[64];
    size_t i, chunk;

    if (!s->wide) {
        put_units(s, text, n);
        return;
    }
    while (n && !s->failed) {
        chunk = n < 64 ? n : 64;
        for (i = 0; i < chunk; i++)
            wide[i] = (unsigned char)text[i];
        put_units(s, wide, chunk);
        text += chunk;
        n -= chunk;
    }
}

static void put_pad(struct sink *s, char c, long long n)
{
    char pad[512];

    memset(pad, c, sizeof pad);
    /* A width of millions into a stream that has failed stops at once. */
    for (; n > 0 && !s->failed; n -= (long long)sizeof pad)
        put_ascii(s, pad, n < (long long)sizeof pad ? (size_t)n : sizeof pad);
}

/* A string in the sink's width from units of either width; *len is its
 * length in sink units. The result may be the input itself or malloc'd. */
static const void *convert(struct sink *s, const void *str, size_t n, int wide,
                           size_t *len, void **owned)
{
    int invalid;

    *owned = NULL;
    *len = n;
    if (wide == s->wide)
        return str;
    if (wide) {
        *len = utf16_to_utf8(str, n, NULL, 0, &invalid);
        *owned = malloc(*len + 1);
        if (*owned)
            utf16_to_utf8(str, n, *owned, *len, &invalid);
    } else {
        *len = utf8_to_utf16(str, n, NULL, 0, &invalid);
        *owned = malloc((*len + 1) * sizeof(WCHAR));
        if (*owned)
            utf8_to_utf16(str, n, *owned, *len, &invalid);
    }
    if (!*owned)
        s->failed = 1;
    return *owned;
}

static void put_padded_string(struct sink *s, const struct spec *sp, const void *str,
                              size_t n, int wide)
{
    void *owned;
    size_t len;
    const void *text = convert(s, str, n, wide, &len, &owned);
    long long pad = (long long)sp->width - (long long)len;

    if (!text)
        return;
    if (!sp->left)
        put_pad(s, sp->zero ? '0' : ' ', pad);
    put_units(s, text, len);
    if (sp->left)
        put_pad(s, ' ', pad);
    free(owned);
}

/* Whether %s/%c (or, opposite, %S/%C) takes a wide argument. */
static int wide_argument(const struct sink *s, const struct spec *sp, unsigned flags)
{
    int natural = s->wide && (flags & FMT_WIDE_LEGACY);

    if (sp->size == SIZE_SHORT)
        return 0;
    if (sp->size == SIZE_LONG || sp->size == SIZE_WIDE)
        return 1;
    return sp->conv == 'S' || sp->conv == 'C' ? !natural : natural;
}

static void format_string(struct sink *s, const struct spec *sp, uint64_t arg,
                          int wide)
{
    static const char null_text[] = "(null)";
    size_t max = sp->prec < 0 ? SIZE_MAX : (size_t)sp->prec, n;
    const void *str = (const void *)(uintptr_t)arg;

    if (!str) {
        n = sizeof null_text - 1;
        if (n > max)
            n = max;
        if (s->wide) {
            WCHAR wnull[sizeof null_text];

            for (size_t i = 0; i < n; i++)
                wnull[i] = (unsigned char)null_text[i];
            put_padded_string(s, sp, wnull, n, 1);
        } else {
            put_padded_string(s, sp, null_text, n, 0);
        }
        return;
    }
    n = wide ? wstr_nlen(str, max) : strnlen(str, max);
    put_padded_string(s, sp, str, n, wide);
}

/* %Z: an ANSI_STRING or UNICODE_STRING (Length in bytes, then Buffer). */
static void format_counted(struct sink *s, const struct spec *sp, uint64_t arg,
                           int wide)
{
    const unsigned char *str = (const void *)(uintptr_t)arg;
    const void *buffer;
    WORD length;
    size_t n;

    if (!str) {
        format_string(s, sp, 0, wide);
        return;
    }
    memcpy(&length, str, sizeof length);
    memcpy(&buffer, str + 8, sizeof buffer);
    if (!buffer) {
        format_string(s, sp, 0, wide);
        return;
    }
    n = wide ? length / 2u : length;
    if (sp->prec >= 0 && (size_t)sp->prec < n)
        n = (size_t)sp->prec;
    put_padded_string(s, sp, buffer, n, wide);
}

static void format_char(struct sink *s, const struct spec *sp, uint64_t arg, int wide)
{
    WCHAR wc = (WCHAR)arg;
    char c = (char)arg;

    if (wide)
        put_padded_string(s, sp, &wc, 1, 1);
    else
        put_padded_string(s, sp, &c, 1, 0);
}

static void put_field(struct sink *s, const struct spec *sp, const char *prefix,
                      const char *body, size_t n, int zero_pad)
{
    size_t plen = strlen(prefix);
    long long pad = (long long)sp->width - (long long)(plen + n);

    if (!sp->left && !zero_pad)
        put_pad(s, ' ', pad);
    put_ascii(s, prefix, plen);
    if (!sp->left && zero_pad)
        put_pad(s, '0', pad);
    put_ascii(s, body, n);
    if (sp->left)
        put_pad(s, ' ', pad);
}

static uint64_t sized_value(uint64_t arg, enum size size, int is_signed, unsigned flags)
{
    switch (size) {
    case SIZE_64:
        return arg;
    case SIZE_SHORT:
        return is_signed ? (uint64_t)(int64_t)(int16_t)arg : (uint16_t)arg;
    case SIZE_CHAR:
        if (flags & FMT_UCRT)
            return is_signed ? (uint64_t)(int64_t)(int8_t)arg : (uint8_t)arg;
        break;
    default:
        break;
    }
    return is_signed ? (uint64_t)(int64_t)(int32_t)arg : (uint32_t)arg;
}

static void format_integer(struct sink *s, const struct spec *sp, uint64_t arg,
                           unsigned flags)
{
    int is_signed = sp->conv == 'd' || sp->conv == 'i';
    int base = sp->conv == 'o' ? 8 : sp->conv == 'u' || is_signed ? 10 : 16;
    const char *digits = sp->conv == 'X' || sp->conv == 'p' ? "0123456789ABCDEF"
                                                            : "0123456789abcdef";
    uint64_t v = sp->conv == 'p' ? arg : sized_value(arg, sp->size, is_signed, flags);
    int neg = is_signed && (int64_t)v < 0, prec = sp->prec;
    char text[32], *body, prefix[3] = "";
    size_t n = 0;

    if (neg)
        v = -v;
    if (sp->conv == 'p' && prec < 0)
        prec = 16;
    body = text + sizeof text;
    for (; v; v /= (unsigned)base)
        body[-(long)++n] = digits[v % (unsigned)base];
    body -= n;
    if (prec < 0 && !n) {
        *--body = '0';
        n = 1;
    }
    if (sp->alt && sp->conv == 'o' && n && *body != '0' && (prec < 0 || (size_t)prec <= n)) {
        *--body = '0';
        n++;
    }
    if (sp->alt && n && *body != '0' && (sp->conv == 'x' || sp->conv == 'X' || sp->conv == 'p')) {
        prefix[0] = '0';
        prefix[1] = sp->conv == 'x' ? 'x' : 'X';
    } else if (neg) {
        prefix[0] = '-';
    } else if (is_signed && (sp->plus || sp->space)) {
        prefix[0] = sp->plus ? '+' : ' ';
    }
    if (prec >= 0 && (size_t)prec > n) {
        size_t plen = strlen(prefix);
        long long pad = (long long)sp->width - (long long)(plen + (size_t)prec);

        if (!sp->left)
            put_pad(s, ' ', pad);
        put_ascii(s, prefix, plen);
        put_pad(s, '0', prec - (long long)n);
        put_ascii(s, body, n);
        if (sp->left)
            put_pad(s, ' ', pad);
        return;
    }
    put_field(s, sp, prefix, body, n, sp->zero && !sp->left && prec < 0);
}

static void format_double(struct sink *s, const struct spec *sp, uint64_t arg,
                          unsigned flags)
{
    char small[FMT_FLOAT_SIZE(100)], *buf = small, prefix[4] = "";
    int neg, special, zero_pad;
    double v;
    size_t n;

    memcpy(&v, &arg, sizeof v);
    if (sp->prec > 100) {
        buf = malloc(FMT_FLOAT_SIZE(sp->prec));
        if (!buf) {
            s->failed = 1;
            return;
        }
    }
    n = fmt_float(buf, v, (int)sp->conv, sp->prec, sp->alt, flags, &neg, &special);
    if (neg)
        prefix[0] = '-';
    else if (sp->plus || sp->space)
        prefix[0] = sp->plus ? '+' : ' ';
    zero_pad = sp->zero && !sp->left && !(special && (flags & FMT_UCRT));
    if (!special && (sp->conv | 0x20) == 'a') {
        size_t plen = strlen(prefix);

        memcpy(prefix + plen, buf, 2);
        prefix[plen + 2] = 0;
        put_field(s, sp, prefix, buf + 2, n - 2, zero_pad);
    } else {
        put_field(s, sp, prefix, buf, n, zero_pad);
    }
    if (buf != small)
        free(buf);
}

static void store_count(const struct spec *sp, uint64_t arg, long long count,
                        unsigned flags)
{
    void *p = (void *)(uintptr_t)arg;

    if (!p)
        return;
    switch (sp->size) {
    case SIZE_SHORT:
        *(int16_t *)p = (int16_t)count;
        break;
    case SIZE_CHAR:
        if (flags & FMT_UCRT)
            *(int8_t *)p = (int8_t)count;
        else
            *(int32_t *)p = (int32_t)count;
        break;
    case SIZE_64:
        *(int64_t *)p = count;
        break;
    default:
        *(int32_t *)p = (int32_t)count;
        break;
    }
}

/* A decimal number or, with '*', an argument. Returns the position after. */
static size_t parse_number(const void *format, int wide, size_t i, int *value,
                           int *star)
{
    long long v = 0;
    unsigned c;

    *star = unit_at(format, wide, i) == '*';
    if (*star)
        return i + 1;
    for (; (c = unit_at(format, wide, i)) >= '0' && c <= '9'; i++)
        if (v < INT_MAX / 10)
            v = v * 10 + (c - '0');
    *value = (int)v;
    return i;
}

/* "N$" after a number in positional mode; positions past _ARGMAX are
 * not positions (the conversion is then invalid). */
#define MAX_POSITION 100

static size_t parse_position(const void *format, int wide, size_t i, unsigned flags,
                             int *pos)
{
    size_t j = i;
    int v = 0;

    if (!(flags & FMT_POSITIONAL))
        return i;
    for (; unit_at(format, wide, j) >= '0' && unit_at(format, wide, j) <= '9'; j++)
        if (v <= MAX_POSITION)
            v = v * 10 + (int)(unit_at(format, wide, j) - '0');
    if (j == i || unit_at(format, wide, j) != '$' || !v || v > MAX_POSITION)
        return i;
    *pos = v;
    return j + 1;
}

static int is_int_conv(unsigned c)
{
    return c && strchr("diouxX", (int)c);
}

static size_t parse_size(const void *format, int wide, size_t i, unsigned flags,
                         enum size *size)
{
    unsigned c = unit_at(format, wide, i);
    unsigned c1 = c ? unit_at(format, wide, i + 1) : 0;
    unsigned c2 = c1 ? unit_at(format, wide, i + 2) : 0;

    switch (c) {
    case 'h':
        *size = c1 == 'h' ? SIZE_CHAR : SIZE_SHORT;
        return i + 1 + (c1 == 'h');
    case 'l':
        *size = c1 == 'l' ? SIZE_64 : SIZE_LONG;
        return i + 1 + (c1 == 'l');
    case 'w':
        *size = SIZE_WIDE;
        return i + 1;
    case 'L':
        *size = SIZE_DOUBLE;
        return i + 1;
    case 'j':
    case 'z':
    case 't':
        *size = SIZE_64;
        return i + 1;
    case 'I':
        if (c1 == '6' && c2 == '4') {
            *size = SIZE_64;
            return i + 3;
        }
        if (c1 == '3' && c2 == '2') {
            *size = SIZE_32;
            return i + 3;
        }
        if (is_int_conv(c1)) {
            *size = SIZE_64;
            return i + 1;
        }
        return i;
    case 'F': /* msvcrt's far and near pointer sizes, without meaning */
    case 'N':
        return flags & FMT_UCRT ? i : i + 1;
    default:
        return i;
    }
}

/* Parse one conversion at format[i] (after the '%'); returns the position
 * after it, with sp->conv 0 if it is not a valid conversion (then the
 * position is that of the unit that broke it). */
static size_t parse_spec(const void *format, int wide, size_t i, unsigned flags,
                         struct spec *sp, int *pos, int *width_pos, int *prec_pos)
{
    unsigned c;
    int star;

    memset(sp, 0, sizeof *sp);
    sp->prec = -1;
    *pos = *width_pos = *prec_pos = 0;
    i = parse_position(format, wide, i, flags, pos);
    for (;; i++) {
        c = unit_at(format, wide, i);
        if (c == '-')
            sp->left = 1;
        else if (c == '+')
            sp->plus = 1;
        else if (c == ' ')
            sp->space = 1;
        else if (c == '#')
            sp->alt = 1;
        else if (c == '0')
            sp->zero = 1;
        else
            break;
    }
    i = parse_number(format, wide, i, &sp->width, &star);
    if (star) {
        sp->width = -1;
        i = parse_position(format, wide, i, flags, width_pos);
        *width_pos = *width_pos ? *width_pos : -1;
    }
    if (unit_at(format, wide, i) == '.') {
        i = parse_number(format, wide, i + 1, &sp->prec, &star);
        if (star)
            i = parse_position(format, wide, i, flags, prec_pos);
        if (star)
            *prec_pos = *prec_pos ? *prec_pos : -1;
    }
    i = parse_size(format, wide, i, flags, &sp->size);
    c = unit_at(format, wide, i);
    if (c && strchr("diouxXcCsSZpneEfgGaA", (int)c))
        sp->conv = c;
    else if (c == 'F' && (flags & FMT_UCRT))
        sp->conv = c;
    else
        return i;
    return i + 1;
}

static int engine(struct fmt_out *out, const void *format, int wide,
                  __builtin_ms_va_list ap, unsigned flags)
{
    struct sink s = { out, wide, 0, 0 };
    struct args a;
    struct spec sp;
    size_t i = 0, start;
    int pos, width_pos, prec_pos;
    unsigned c;
    uint64_t arg;

    a.ap = ap;
    a.base = (const uint64_t *)(void *)ap;
    while (!s.failed && unit_at(format, wide, i)) {
        start = i;
        while ((c = unit_at(format, wide, i)) && c != '%')
            i++;
        put_units(&s, (const char *)format + start * (wide ? 2 : 1), i - start);
        if (!c)
            break;
        if (unit_at(format, wide, i + 1) == '%') {
            put_ascii(&s, "%", 1);
            i += 2;
            continue;
        }
        i = parse_spec(format, wide, i + 1, flags, &sp, &pos, &width_pos, &prec_pos);
        if (!sp.conv) {
            if (flags & FMT_UCRT) {
                msvcrt_set_errno(MSVCRT_EINVAL);
                return -1;
            }
            continue;
        }
        if (width_pos) {
            sp.width = (int32_t)next_arg(&a, width_pos);
            if (sp.width < 0) {
                sp.left = 1;
                sp.width = sp.width == INT_MIN ? INT_MAX : -sp.width;
            }
        }
        if (prec_pos) {
            sp.prec = (int32_t)next_arg(&a, prec_pos);
            if (sp.prec < 0)
                sp.prec = -1;
        }
        arg = next_arg(&a, pos);
        switch (sp.conv) {
        case 'c':
        case 'C':
            format_char(&s, &sp, arg, wide_argument(&s, &sp, flags));
            break;
        case 's':
        case 'S':
            format_string(&s, &sp, arg, wide_argument(&s, &sp, flags));
            break;
        case 'Z':
            format_counted(&s, &sp, arg, wide_argument(&s, &sp, flags));
            break;
        case 'n':
            store_count(&sp, arg, s.count, flags);
            break;
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G':
        case 'a':
        case 'A':
            format_double(&s, &sp, arg, flags);
            break;
        default:
            format_integer(&s, &sp, arg, flags);
            break;
        }
    }
    if (s.failed || s.count > INT_MAX)
        return -1;
    return (int)s.count;
}

int fmt_vprintf(struct fmt_out *out, const char *format, __builtin_ms_va_list ap,
                unsigned flags)
{
    return engine(out, format, 0, ap, flags);
}

int fmt_vwprintf(struct fmt_out *out, const WCHAR *format, __builtin_ms_va_list ap,
                 unsigned flags)
{
    return engine(out, format, 1, ap, flags);
}

/* _CRT_INTERNAL_PRINTF_*: LEGACY_WIDE_SPECIFIERS 4, LEGACY_MSVCRT_COMPATIBILITY
 * 8 (msvcrt's numbers and spellings), LEGACY_THREE_DIGIT_EXPONENTS 16. The
 * other bits concern the string functions, not the engine. */
unsigned fmt_flags_from_ucrt_options(uint64_t options, int wide)
{
    unsigned flags = options & 8 ? 0 : FMT_UCRT;

    if (wide && (options & 4))
        flags |= FMT_WIDE_LEGACY;
    if (options & 16)
        flags |= FMT_THREE_DIGIT_EXP;
    return flags;
}

/* _CRT_INTERNAL_SCANF_*: SECURECRT 1, LEGACY_WIDE_SPECIFIERS 2,
 * LEGACY_MSVCRT_COMPATIBILITY 4. */
unsigned fmt_scanf_flags_from_ucrt_options(uint64_t options, int wide)
{
    unsigned flags = options & 4 ? 0 : FMT_UCRT;

    if (options & 1)
        flags |= FMT_SECURE;
    if (wide && (options & 2))
        flags |= FMT_WIDE_LEGACY;
    return flags;
}
