/* printf and scanf on streams: the format engines over a locked stream. */
#include "format.h"
#include "msvcrt.spec.h"
#include "stdio_private.h"

#define STDIN (&msvcrt__iob[0])
#define STDOUT (&msvcrt__iob[1])
#define NARROW FMT_THREE_DIGIT_EXP
#define WIDE (FMT_WIDE_LEGACY | FMT_THREE_DIGIT_EXP)

struct stream_out {
    struct fmt_out out;
    MSVCRT_FILE *f;
};

struct stream_in {
    struct fmt_in in;
    MSVCRT_FILE *f;
};

static int put_bytes(struct fmt_out *out, const void *units, size_t count)
{
    MSVCRT_FILE *f = ((struct stream_out *)out)->f;
    return msvcrt_stream_write(f, units, count) == count ? 0 : -1;
}

static int put_wide(struct fmt_out *out, const void *units, size_t count)
{
    MSVCRT_FILE *f = ((struct stream_out *)out)->f;
    const WCHAR *w = units;
    for (size_t i = 0; i < count; i++)
        if (msvcrt_stream_putwc(w[i], f) == MSVCRT_WEOF)
            return -1;
    return 0;
}

static int get_byte(struct fmt_in *in)
{
    return msvcrt_stream_getc(((struct stream_in *)in)->f);
}

static void unget_byte(struct fmt_in *in, int c)
{
    msvcrt_stream_ungetc(c, ((struct stream_in *)in)->f);
}

static int get_wide(struct fmt_in *in)
{
    MSVCRT_wint_t c = msvcrt_stream_getwc(((struct stream_in *)in)->f);
    return c == MSVCRT_WEOF ? -1 : c;
}

static void unget_wide(struct fmt_in *in, int c)
{
    MSVCRT_FILE *f = ((struct stream_in *)in)->f;
    if (c >= 0)
        msvcrt_ungetwc(c, f);
}

int msvcrt_stream_vprintf(MSVCRT_FILE *f, const void *format, MSVCRT_va_list ap,
                          unsigned flags, bool wide)
{
    if (!f || !format) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    struct stream_out o = { { wide ? put_wide : put_bytes }, f };
    msvcrt_stream_lock(f);
    int n = wide ? fmt_vwprintf(&o.out, format, ap, flags)
                 : fmt_vprintf(&o.out, format, ap, flags);
    msvcrt_stream_end_call(f);
    msvcrt_stream_unlock(f);
    return n;
}

int msvcrt_stream_vscanf(MSVCRT_FILE *f, const void *format, MSVCRT_va_list ap,
                         unsigned flags, bool wide)
{
    if (!f || !format) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EOF;
    }
    struct stream_in i = { { wide ? get_wide : get_byte, wide ? unget_wide : unget_byte }, f };
    msvcrt_stream_lock(f);
    int n = wide ? fmt_vwscanf(&i.in, format, ap, flags)
                 : fmt_vscanf(&i.in, format, ap, flags);
    msvcrt_stream_unlock(f);
    return n;
}

int CDECL msvcrt_vfprintf(MSVCRT_FILE *f, const char *format, MSVCRT_va_list ap)
{
    return msvcrt_stream_vprintf(f, format, ap, NARROW, false);
}

int CDECL msvcrt_vprintf(const char *format, MSVCRT_va_list ap)
{
    return msvcrt_stream_vprintf(STDOUT, format, ap, NARROW, false);
}

int CDECL msvcrt_vfwprintf(MSVCRT_FILE *f, const WCHAR *format, MSVCRT_va_list ap)
{
    return msvcrt_stream_vprintf(f, format, ap, WIDE, true);
}

int CDECL msvcrt_vwprintf(const WCHAR *format, MSVCRT_va_list ap)
{
    return msvcrt_stream_vprintf(STDOUT, format, ap, WIDE, true);
}

int CDECL msvcrt__vfprintf_p(MSVCRT_FILE *f, const char *format, MSVCRT_va_list ap)
{
    return msvcrt_stream_vprintf(f, format, ap, NARROW | FMT_POSITIONAL, false);
}

#define PRINTF(name, type, stream, flags, wide)                         \
    int CDECL msvcrt_##name(const type *format, ...)                    \
    {                                                                   \
        MSVCRT_va_list ap;                                              \
        __builtin_ms_va_start(ap, format);                              \
        int n = msvcrt_stream_vprintf(stream, format, ap, flags, wide); \
        __builtin_ms_va_end(ap);                                        \
        return n;                                                       \
    }

#define FPRINTF(name, type, flags, wide)                                \
    int CDECL msvcrt_##name(MSVCRT_FILE *f, const type *format, ...)    \
    {                                                                   \
        MSVCRT_va_list ap;                                              \
        __builtin_ms_va_start(ap, format);                              \
        int n = msvcrt_stream_vprintf(f, format, ap, flags, wide);      \
        __builtin_ms_va_end(ap);                                        \
        return n;                                                       \
    }

#define SCANF(name, type, flags, wide)                                  \
    int CDECL msvcrt_##name(const type *format, ...)                    \
    {                                                                   \
        MSVCRT_va_list ap;                                              \
        __builtin_ms_va_start(ap, format);                              \
        int n = msvcrt_stream_vscanf(STDIN, format, ap, flags, wide);   \
        __builtin_ms_va_end(ap);                                        \
        return n;                                                       \
    }

#define FSCANF(name, type, flags, wide)                                 \
    int CDECL msvcrt_##name(MSVCRT_FILE *f, const type *format, ...)    \
    {                                                                   \
        MSVCRT_va_list ap;                                              \
        __builtin_ms_va_start(ap, format);                              \
        int n = msvcrt_stream_vscanf(f, format, ap, flags, wide);       \
        __builtin_ms_va_end(ap);                                        \
        return n;                                                       \
    }

PRINTF(printf, char, STDOUT, NARROW, false)
PRINTF(wprintf, WCHAR, STDOUT, WIDE, true)
PRINTF(_printf_p, char, STDOUT, NARROW | FMT_POSITIONAL, false)
FPRINTF(fprintf, char, NARROW, false)
FPRINTF(fwprintf, WCHAR, WIDE, true)
FPRINTF(_fprintf_p, char, NARROW | FMT_POSITIONAL, false)
FPRINTF(_fwprintf_p, WCHAR, WIDE | FMT_POSITIONAL, true)
SCANF(scanf, char, NARROW, false)
SCANF(wscanf, WCHAR, WIDE, true)
SCANF(scanf_s, char, NARROW | FMT_SECURE, false)
SCANF(wscanf_s, WCHAR, WIDE | FMT_SECURE, true)
FSCANF(fscanf, char, NARROW, false)
FSCANF(fwscanf, WCHAR, WIDE, true)
FSCANF(fscanf_s, char, NARROW | FMT_SECURE, false)
FSCANF(fwscanf_s, WCHAR, WIDE | FMT_SECURE, true)
PRINTF(printf_s, char, STDOUT, NARROW, false)
PRINTF(wprintf_s, WCHAR, STDOUT, WIDE, true)
FPRINTF(fprintf_s, char, NARROW, false)
FPRINTF(fwprintf_s, WCHAR, WIDE, true)

int CDECL msvcrt_vfprintf_s(MSVCRT_FILE *f, const char *format, MSVCRT_va_list ap)
{
    return msvcrt_stream_vprintf(f, format, ap, NARROW, false);
}

int CDECL msvcrt_vprintf_s(const char *format, MSVCRT_va_list ap)
{
    return msvcrt_stream_vprintf(STDOUT, format, ap, NARROW, false);
}

int CDECL msvcrt_vfwprintf_s(MSVCRT_FILE *f, const WCHAR *format, MSVCRT_va_list ap)
{
    return msvcrt_stream_vprintf(f, format, ap, WIDE, true);
}

int CDECL msvcrt_vwprintf_s(const WCHAR *format, MSVCRT_va_list ap)
{
    return msvcrt_stream_vprintf(STDOUT, format, ap, WIDE, true);
}
