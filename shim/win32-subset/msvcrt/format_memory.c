/* The printf and scanf engines over memory buffers: the truncation and
 * termination rules of the string functions live here, once for narrow
 * and wide. */
#include <string.h>
#include "format_string.h"

struct buffer_out {
    struct fmt_out base;
    char *buf;
    size_t cap, len, unit;
};

static int buffer_put(struct fmt_out *out, const void *units, size_t count)
{
    struct buffer_out *b = (struct buffer_out *)out;

    if (b->len < b->cap) {
        size_t n = b->cap - b->len < count ? b->cap - b->len : count;

        memcpy(b->buf + b->len * b->unit, units, n * b->unit);
    }
    b->len += count;
    return 0;
}

int fmt_string_vprintf(void *buf, size_t cap, int wide, const void *format,
                       MSVCRT_va_list ap, unsigned flags)
{
    struct buffer_out b = { { buffer_put }, buf, buf ? cap : 0, 0, wide ? 2 : 1 };

    if (!format) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    if (wide)
        return fmt_vwprintf(&b.base, format, ap, flags);
    return fmt_vprintf(&b.base, format, ap, flags);
}

void fmt_string_terminate(void *buf, int wide, size_t at)
{
    if (wide)
        ((WCHAR *)buf)[at] = 0;
    else
        ((char *)buf)[at] = 0;
}

int fmt_string_legacy(void *buf, size_t count, int wide, const void *format,
                      MSVCRT_va_list ap, unsigned flags)
{
    int n = fmt_string_vprintf(buf, count, wide, format, ap, flags);

    if (n < 0 || !buf)
        return n;
    if ((size_t)n < count)
        fmt_string_terminate(buf, wide, (size_t)n);
    return (size_t)n <= count ? n : -1;
}

int fmt_string_secure(void *buf, size_t size, int wide, const void *format,
                      MSVCRT_va_list ap, unsigned flags)
{
    int n;

    if (!buf || !size) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    n = fmt_string_vprintf(buf, size, wide, format, ap, flags);
    if (n < 0 || (size_t)n >= size) {
        fmt_string_terminate(buf, wide, 0);
        if (n >= 0)
            msvcrt_set_errno(MSVCRT_ERANGE);
        return -1;
    }
    fmt_string_terminate(buf, wide, (size_t)n);
    return n;
}

int fmt_string_secure_n(void *buf, size_t size, size_t count, int wide,
                        const void *format, MSVCRT_va_list ap, unsigned flags)
{
    size_t limit;
    int n;

    if (!buf || !size) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    limit = count < size ? count : size - 1;
    n = fmt_string_vprintf(buf, limit, wide, format, ap, flags);
    if (n < 0) {
        fmt_string_terminate(buf, wide, 0);
        return -1;
    }
    if ((size_t)n <= limit) {
        fmt_string_terminate(buf, wide, (size_t)n);
        return n;
    }
    if (count == FMT_TRUNCATE || count < size) {
        fmt_string_terminate(buf, wide, limit);
        return -1;
    }
    fmt_string_terminate(buf, wide, 0);
    msvcrt_set_errno(MSVCRT_ERANGE);
    return -1;
}

struct string_in {
    struct fmt_in base;
    const void *str;
    size_t len, pos;
    int wide;
};

static int string_get(struct fmt_in *in)
{
    struct string_in *s = (struct string_in *)in;
    unsigned c;

    if (s->pos >= s->len)
        return -1;
    c = s->wide ? ((const WCHAR *)s->str)[s->pos] : ((const unsigned char *)s->str)[s->pos];
    if (!c) {
        s->len = s->pos;
        return -1;
    }
    s->pos++;
    return (int)c;
}

static void string_unget(struct fmt_in *in, int c)
{
    struct string_in *s = (struct string_in *)in;

    if (c >= 0 && s->pos)
        s->pos--;
}

int fmt_string_vscanf(const void *str, size_t len, int wide, const void *format,
                      MSVCRT_va_list ap, unsigned flags)
{
    struct string_in s = { { string_get, string_unget }, str, len, 0, wide };

    if (!str || !format) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    if (wide)
        return fmt_vwscanf(&s.base, format, ap, flags);
    return fmt_vscanf(&s.base, format, ap, flags);
}
