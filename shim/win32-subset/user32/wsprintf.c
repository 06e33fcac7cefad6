/* wsprintf: user32's own small printf, into a buffer of at most 1024
 * characters, through the CRT's formatting engine. Windows' wsprintf has
 * no floating point; the engine's conversions are a superset. */
#include <string.h>
#include "user32.spec.h"
#include "format.h"

#define WSPRINTF_MAX 1024

struct buffer_out {
    struct fmt_out out;
    void *buf;
    size_t unit, used;
};

static int put_bounded(struct fmt_out *out, const void *units, size_t count)
{
    struct buffer_out *b = (struct buffer_out *)out;
    size_t room = WSPRINTF_MAX - 1 - b->used;
    if (count > room)
        count = room;
    memcpy((char *)b->buf + b->used * b->unit, units, count * b->unit);
    b->used += count;
    return 0;
}

int WINAPI wvsprintfA(char *buf, const char *format, MSVCRT_va_list ap)
{
    struct buffer_out b = { { put_bounded }, buf, 1, 0 };
    if (fmt_vprintf(&b.out, format, ap, FMT_THREE_DIGIT_EXP) < 0)
        return -1;
    buf[b.used] = 0;
    return (int)b.used;
}

int WINAPI wvsprintfW(WCHAR *buf, const WCHAR *format, MSVCRT_va_list ap)
{
    struct buffer_out b = { { put_bounded }, buf, 2, 0 };
    /* In wsprintfW, %s is a wide string, as in msvcrt's wide functions. */
    if (fmt_vwprintf(&b.out, format, ap, FMT_WIDE_LEGACY | FMT_THREE_DIGIT_EXP) < 0)
        return -1;
    buf[b.used] = 0;
    return (int)b.used;
}

int WINAPIV wsprintfA(char *buf, const char *format, ...)
{
    __builtin_ms_va_list ap;
    __builtin_ms_va_start(ap, format);
    int n = wvsprintfA(buf, format, ap);
    __builtin_ms_va_end(ap);
    return n;
}

int WINAPIV wsprintfW(WCHAR *buf, const WCHAR *format, ...)
{
    __builtin_ms_va_list ap;
    __builtin_ms_va_start(ap, format);
    int n = wvsprintfW(buf, format, ap);
    __builtin_ms_va_end(ap);
    return n;
}
