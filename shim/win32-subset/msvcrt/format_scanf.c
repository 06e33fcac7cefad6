/* The scanf engine, narrow and wide: one parser reads the format in either
 * width and the input one unit at a time; strings are stored in the width
 * the conversion names (UTF-8 is the ANSI code page in lvrun). */
#include <stdlib.h>
#include <string.h>
#include "lv/wstr.h"
#include "format.h"

enum size { SIZE_DEFAULT, SIZE_CHAR, SIZE_SHORT, SIZE_LONG, SIZE_64, SIZE_WIDE, SIZE_DOUBLE };

struct scan {
    struct fmt_in *in;
    __builtin_ms_va_list ap;
    long long consumed;
    int wide;
};

struct conv {
    int suppress, width, width_given;
    enum size size;
    unsigned conv;
};

static unsigned unit_at(const void *format, int wide, size_t i)
{
    return wide ? ((const WCHAR *)format)[i] : ((const unsigned char *)format)[i];
}

static int is_space(int c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static int get(struct scan *s)
{
    int c = s->in->get(s->in);

    if (c >= 0)
        s->consumed++;
    return c;
}

static void unget(struct scan *s, int c)
{
    if (c < 0)
        return;
    s->in->unget(s->in, c);
    s->consumed--;
}

/* Skip white space; returns the next unit (consumed), or -1. */
static int skip_space(struct scan *s)
{
    int c;

    while ((c = get(s)) >= 0 && is_space(c))
        ;
    return c;
}

static void *next_pointer(struct scan *s)
{
    return (void *)(uintptr_t)__builtin_va_arg(s->ap, uint64_t);
}

static int digit_value(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

static void store_integer(void *p, enum size size, uint64_t v)
{
    switch (size) {
    case SIZE_CHAR:
        *(uint8_t *)p = (uint8_t)v;
        break;
    case SIZE_SHORT:
        *(uint16_t *)p = (uint16_t)v;
        break;
    case SIZE_64:
        *(uint64_t *)p = v;
        break;
    default:
        *(uint32_t *)p = (uint32_t)v;
        break;
    }
}

/* Returns 1 on a conversion, 0 on a matching failure, -1 at the end of
 * input. c is the first unit, already read. */
static int scan_integer(struct scan *s, const struct conv *cv, int c, uint64_t *out)
{
    int base = cv->conv == 'o' ? 8 : cv->conv == 'x' || cv->conv == 'X' || cv->conv == 'p'
                                         ? 16
                                     : cv->conv == 'i' ? 0 : 10;
    int left = cv->width_given ? cv->width : -1, neg = 0, digits = 0;
    uint64_t v = 0;

    if (c < 0)
        return -1;
    if ((c == '-' || c == '+') && left) {
        neg = c == '-';
        left--;
        c = left ? get(s) : -1;
    }
    if (c == '0' && left && (base == 0 || base == 16)) {
        digits = 1;
        left--;
        c = left ? get(s) : -1;
        if ((c == 'x' || c == 'X') && left) {
            base = 16;
            digits = 0;
            left--;
            c = left ? get(s) : -1;
        } else if (!base) {
            base = 8;
        }
    }
    if (!base)
        base = 10;
    while (left && c >= 0 && digit_value(c) < base) {
        v = v * (unsigned)base + (unsigned)digit_value(c);
        digits++;
        left--;
        c = left ? get(s) : -1;
    }
    unget(s, c);
    *out = neg ? -v : v;
    return digits > 0;
}

static size_t accept(struct scan *s, char *buf, size_t n, size_t max, int *left, int *c,
                     const char *set)
{
    if (*left && *c >= 0 && *c < 128 && strchr(set, *c) && n < max) {
        buf[n++] = (char)*c;
        (*left)--;
        *c = *left ? get(s) : -1;
    }
    return n;
}

static size_t accept_digits(struct scan *s, char *buf, size_t n, size_t max, int *left,
                            int *c, int hex)
{
    size_t before;

    do {
        before = n;
        n = accept(s, buf, n, max, left, c, hex ? "0123456789abcdefABCDEF" : "0123456789");
    } while (n != before);
    return n;
}

/* A word such as "inf" or "nan", case-insensitively; only whole words
 * are accepted (the input cannot be rewound). */
static size_t accept_word(struct scan *s, char *buf, size_t n, int *left, int *c,
                          const char *word)
{
    for (; *word; word++) {
        if (!*left || *c < 0 || (*c | 0x20) != *word)
            return n;
        buf[n++] = (char)*c;
        (*left)--;
        *c = *left ? get(s) : -1;
    }
    return n;
}

/* msvcrt reads decimal numbers only; the UCRT also infinities, NaNs and
 * hexadecimal floats, as C99 strtod does. */
static int scan_float(struct scan *s, const struct conv *cv, int c, unsigned flags,
                      double *out)
{
    char buf[512];
    size_t n = 0, start, max = sizeof buf - 1;
    int left = cv->width_given ? cv->width : -1, hex = 0;

    if (c < 0)
        return -1;
    n = accept(s, buf, n, max, &left, &c, "+-");
    start = n;
    if (!(flags & FMT_UCRT)) {
        n = accept_digits(s, buf, n, max, &left, &c, 0);
        n = accept(s, buf, n, max, &left, &c, ".");
        n = accept_digits(s, buf, n, max, &left, &c, 0);
        if (n > start && c >= 0 && (c | 0x20) == 'e') {
            n = accept(s, buf, n, max, &left, &c, "eE");
            n = accept(s, buf, n, max, &left, &c, "+-");
            n = accept_digits(s, buf, n, max, &left, &c, 0);
        }
    } else if (c >= 0 && (c | 0x20) == 'i') {
        n = accept_word(s, buf, n, &left, &c, "inf");
        if (n == start + 3 && c >= 0 && (c | 0x20) == 'i')
            n = accept_word(s, buf, n, &left, &c, "inity");
    } else if (c >= 0 && (c | 0x20) == 'n') {
        n = accept_word(s, buf, n, &left, &c, "nan");
    } else {
        if (c == '0') {
            n = accept(s, buf, n, max, &left, &c, "0");
            if (c >= 0 && (c | 0x20) == 'x' && left) {
                n = accept(s, buf, n, max, &left, &c, "xX");
                hex = 1;
            }
        }
        n = accept_digits(s, buf, n, max, &left, &c, hex);
        n = accept(s, buf, n, max, &left, &c, ".");
        n = accept_digits(s, buf, n, max, &left, &c, hex);
        if (n > start && c >= 0 && (c | 0x20) == (hex ? 'p' : 'e')) {
            n = accept(s, buf, n, max, &left, &c, hex ? "pP" : "eE");
            n = accept(s, buf, n, max, &left, &c, "+-");
            n = accept_digits(s, buf, n, max, &left, &c, 0);
        }
    }
    unget(s, c);
    buf[n] = 0;
    if (n == start || (n == start + 1 && buf[start] == '.'))
        return 0;
    *out = strtod(buf, NULL);
    return 1;
}

/* The members of a %[ set; returns the format position after the ']'. */
static size_t parse_set(const void *format, int wide, size_t i, unsigned char *set,
                        WCHAR *lo, WCHAR *hi, size_t *nranges, int *negate)
{
    unsigned c, prev = 0;
    int first = 1;

    memset(set, 0, 128);
    *nranges = 0;
    *negate = unit_at(format, wide, i) == '^';
    i += *negate;
    while ((c = unit_at(format, wide, i)) && (c != ']' || first)) {
        unsigned next = unit_at(format, wide, i + 1);

        if (c == '-' && !first && next && next != ']') {
            unsigned a = prev < next ? prev : next, b = prev < next ? next : prev;

            if (*nranges < 16) {
                lo[*nranges] = (WCHAR)a;
                hi[(*nranges)++] = (WCHAR)b;
            }
            i += 2;
            prev = next;
            first = 0;
            continue;
        }
        if (c < 128)
            set[c] = 1;
        else if (*nranges < 16) {
            lo[*nranges] = (WCHAR)c;
            hi[(*nranges)++] = (WCHAR)c;
        }
        prev = c;
        first = 0;
        i++;
    }
    return c ? i + 1 : i;
}

static int in_set(int c, const unsigned char *set, const WCHAR *lo, const WCHAR *hi,
                  size_t nranges, int negate)
{
    int found = c < 128 && set[c];
    size_t r;

    for (r = 0; r < nranges && !found; r++)
        found = c >= lo[r] && c <= hi[r];
    return found != negate;
}

/* Store units read from the input into a string argument of the width
 * the conversion names. */
static int store_string(void *dest, size_t dest_size, int dest_wide, const void *units,
                        size_t n, int src_wide, int terminate)
{
    int invalid;
    size_t len = n;

    if (dest_wide == src_wide) {
        if (len + (size_t)terminate > dest_size)
            return 0;
        memcpy(dest, units, n * (src_wide ? 2 : 1));
    } else if (dest_wide) {
        len = utf8_to_utf16(units, n, NULL, 0, &invalid);
        if (len + (size_t)terminate > dest_size)
            return 0;
        utf8_to_utf16(units, n, dest, len, &invalid);
    } else {
        len = utf16_to_utf8(units, n, NULL, 0, &invalid);
        if (len + (size_t)terminate > dest_size)
            return 0;
        utf16_to_utf8(units, n, dest, len, &invalid);
    }
    if (terminate) {
        if (dest_wide)
            ((WCHAR *)dest)[len] = 0;
        else
            ((char *)dest)[len] = 0;
    }
    return 1;
}

static int wide_destination(const struct scan *s, const struct conv *cv, unsigned flags)
{
    int natural = s->wide && (flags & FMT_WIDE_LEGACY);

    if (cv->size == SIZE_SHORT)
        return 0;
    if (cv->size == SIZE_LONG || cv->size == SIZE_WIDE)
        return 1;
    return cv->conv == 'S' || cv->conv == 'C' ? !natural : natural;
}

/* %s %c %[: returns 1, 0 on a matching failure (or a buffer too small),
 * -1 at the end of input. */
static int scan_text(struct scan *s, const struct conv *cv, const void *format,
                     size_t *fi, int c, unsigned flags)
{
    unsigned char set[128];
    WCHAR lo[16], hi[16];
    size_t nranges = 0, n = 0, cap = 64, dest_size = SIZE_MAX;
    int negate = 0, lower = cv->conv | 0x20, ok = 1;
    int left = cv->width_given ? cv->width : lower == 'c' ? 1 : -1;
    size_t unit = s->wide ? 2 : 1;
    char *units;
    void *dest = NULL;

    if (cv->conv == '[')
        *fi = parse_set(format, s->wide, *fi, set, lo, hi, &nranges, &negate);
    if (c < 0)
        return -1;
    units = malloc(cap * unit);
    if (!units)
        return 0;
    while (left && c >= 0) {
        if (lower == 's' && is_space(c))
            break;
        if (cv->conv == '[' && !in_set(c, set, lo, hi, nranges, negate))
            break;
        if (n == cap) {
            char *more = realloc(units, (cap *= 2) * unit);

            if (!more) {
                free(units);
                return 0;
            }
            units = more;
        }
        if (s->wide)
            ((WCHAR *)units)[n++] = (WCHAR)c;
        else
            units[n++] = (char)c;
        left--;
        c = left ? get(s) : -1;
    }
    unget(s, c);
    if (!n) {
        free(units);
        return 0;
    }
    if (!cv->suppress) {
        dest = next_pointer(s);
        if (flags & FMT_SECURE)
            dest_size = (uint32_t)__builtin_va_arg(s->ap, uint64_t);
        ok = dest && store_string(dest, dest_size, wide_destination(s, cv, flags), units,
                                  n, s->wide, lower != 'c');
        if (!ok && dest && dest_size && lower != 'c')
            store_string(dest, 1, wide_destination(s, cv, flags), units, 0, s->wide, 1);
    }
    free(units);
    return ok;
}

static size_t parse_size(const void *format, int wide, size_t i, enum size *size)
{
    unsigned c = unit_at(format, wide, i), c1 = unit_at(format, wide, i + 1);
    unsigned c2 = c1 ? unit_at(format, wide, i + 2) : 0;

    *size = SIZE_DEFAULT;
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
        if (c1 == '3' && c2 == '2')
            return i + 3;
        *size = SIZE_64;
        return i + 1;
    default:
        return i;
    }
}

static int engine(struct fmt_in *in, const void *format, int wide, __builtin_ms_va_list ap,
                  unsigned flags)
{
    struct scan s = { in, ap, 0, wide };
    struct conv cv;
    int assigned = 0, converted = 0, r, c;
    size_t i = 0;
    unsigned f;

    while ((f = unit_at(format, wide, i))) {
        if (is_space((int)f)) {
            unget(&s, skip_space(&s));
            i++;
            continue;
        }
        if (f != '%' || unit_at(format, wide, i + 1) == '%') {
            i += f == '%' ? 2 : 1;
            c = f == '%' ? skip_space(&s) : get(&s);
            if (c < 0)
                goto input_failure;
            if ((unsigned)c != f) {
                unget(&s, c);
                return assigned;
            }
            continue;
        }
        memset(&cv, 0, sizeof cv);
        i++;
        if (unit_at(format, wide, i) == '*') {
            cv.suppress = 1;
            i++;
        }
        for (; (f = unit_at(format, wide, i)) >= '0' && f <= '9'; i++) {
            cv.width = cv.width * 10 + (int)(f - '0');
            cv.width_given = 1;
        }
        if (cv.width_given && !cv.width)
            return assigned;
        i = parse_size(format, wide, i, &cv.size);
        cv.conv = unit_at(format, wide, i);
        if (!cv.conv)
            break;
        i++;
        if (cv.conv == 'n') {
            if (!cv.suppress)
                store_integer(next_pointer(&s), cv.size, (uint64_t)s.consumed);
            continue;
        }
        c = cv.conv == 'c' || cv.conv == 'C' || cv.conv == '[' ? get(&s) : skip_space(&s);
        switch (cv.conv) {
        case 'd':
        case 'i':
        case 'u':
        case 'o':
        case 'x':
        case 'X':
        case 'p': {
            uint64_t v;

            r = scan_integer(&s, &cv, c, &v);
            if (r > 0 && !cv.suppress)
                store_integer(next_pointer(&s), cv.conv == 'p' ? SIZE_64 : cv.size, v);
            break;
        }
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G':
        case 'a':
        case 'A': {
            double v;

            r = scan_float(&s, &cv, c, flags, &v);
            if (r > 0 && !cv.suppress) {
                if (cv.size == SIZE_LONG || cv.size == SIZE_DOUBLE)
                    *(double *)next_pointer(&s) = v;
                else
                    *(float *)next_pointer(&s) = (float)v;
            }
            break;
        }
        case 's':
        case 'S':
        case 'c':
        case 'C':
        case '[':
            r = scan_text(&s, &cv, format, &i, c, flags);
            break;
        default:
            unget(&s, c);
            return assigned;
        }
        if (r < 0)
            goto input_failure;
        if (!r)
            return assigned;
        converted++;
        assigned += !cv.suppress;
    }
    return assigned;

input_failure:
    return converted ? assigned : -1;
}

int fmt_vscanf(struct fmt_in *in, const char *format, __builtin_ms_va_list ap,
               unsigned flags)
{
    return engine(in, format, 0, ap, flags);
}

int fmt_vwscanf(struct fmt_in *in, const WCHAR *format, __builtin_ms_va_list ap,
                unsigned flags)
{
    return engine(in, format, 1, ap, flags);
}
