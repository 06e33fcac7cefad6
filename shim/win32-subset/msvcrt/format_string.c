/* msvcrt's sprintf and sscanf families: formatting to and from memory. */
#include "format_string.h"
#include "msvcrt.spec.h"

int CDECL msvcrt_vsprintf(char *buf, const char *format, MSVCRT_va_list ap)
{
    int n = fmt_string_vprintf(buf, SIZE_MAX, 0, format, ap, FMT_MSVCRT);

    if (n >= 0 && buf)
        buf[n] = 0;
    return n;
}

int CDECL msvcrt_sprintf(char *buf, const char *format, ...)
{
    MSVCRT_va_list ap;
    int n;

    __builtin_ms_va_start(ap, format);
    n = msvcrt_vsprintf(buf, format, ap);
    __builtin_ms_va_end(ap);
    return n;
}

int CDECL msvcrt__vsnprintf(char *buf, size_t count, const char *format, MSVCRT_va_list ap)
{
    return fmt_string_legacy(buf, count, 0, format, ap, FMT_MSVCRT);
}

int CDECL msvcrt__snprintf(char *buf, size_t count, const char *format, ...)
{
    MSVCRT_va_list ap;
    int n;

    __builtin_ms_va_start(ap, format);
    n = msvcrt__vsnprintf(buf, count, format, ap);
    __builtin_ms_va_end(ap);
    return n;
}

int CDECL msvcrt__vscprintf(const char *format, MSVCRT_va_list ap)
{
    return fmt_string_vprintf(NULL, 0, 0, format, ap, FMT_MSVCRT);
}

int CDECL msvcrt__scprintf(const char *format, ...)
{
    MSVCRT_va_list ap;
    int n;

    __builtin_ms_va_start(ap, format);
    n = msvcrt__vscprintf(format, ap);
    __builtin_ms_va_end(ap);
    return n;
}

int CDECL msvcrt_vsprintf_s(char *buf, size_t size, const char *format, MSVCRT_va_list ap)
{
    return fmt_string_secure(buf, size, 0, format, ap, FMT_MSVCRT);
}

int CDECL msvcrt_sprintf_s(char *buf, size_t size, const char *format, ...)
{
    MSVCRT_va_list ap;
    int n;

    __builtin_ms_va_start(ap, format);
    n = msvcrt_vsprintf_s(buf, size, format, ap);
    __builtin_ms_va_end(ap);
    return n;
}

int CDECL msvcrt__vsnprintf_s(char *buf, size_t size, size_t count, const char *format,
                              MSVCRT_va_list ap)
{
    return fmt_string_secure_n(buf, size, count, 0, format, ap, FMT_MSVCRT);
}

int CDECL msvcrt__snprintf_s(char *buf, size_t size, size_t count, const char *format, ...)
{
    MSVCRT_va_list ap;
    int n;

    __builtin_ms_va_start(ap, format);
    n = msvcrt__vsnprintf_s(buf, size, count, format, ap);
    __builtin_ms_va_end(ap);
    return n;
}

int CDECL msvcrt__vsprintf_p(char *buf, size_t size, const char *format, MSVCRT_va_list ap)
{
    return fmt_string_secure(buf, size, 0, format, ap, FMT_MSVCRT | FMT_POSITIONAL);
}

int CDECL msvcrt__sprintf_p(char *buf, size_t size, const char *format, ...)
{
    MSVCRT_va_list ap;
    int n;

    __builtin_ms_va_start(ap, format);
    n = msvcrt__vsprintf_p(buf, size, format, ap);
    __builtin_ms_va_end(ap);
    return n;
}

/* msvcrt.dll's swprintf and vswprintf are the old forms without a count. */
int CDECL msvcrt__vswprintf(WCHAR *buf, const WCHAR *format, MSVCRT_va_list ap)
{
    int n = fmt_string_vprintf(buf, SIZE_MAX, 1, format, ap, FMT_MSVCRT_WIDE);

    if (n >= 0 && buf)
        buf[n] = 0;
    return n;
}

int CDECL msvcrt_vswprintf(WCHAR *buf, const WCHAR *format, MSVCRT_va_list ap)
{
    return msvcrt__vswprintf(buf, format, ap);
}

int CDECL msvcrt__swprintf(WCHAR *buf, const WCHAR *format, ...)
{
    MSVCRT_va_list ap;
    int n;

    __builtin_ms_va_start(ap, format);
    n = msvcrt__vswprintf(buf, format, ap);
    __builtin_ms_va_end(ap);
    return n;
}

int CDECL msvcrt_swprintf(WCHAR *buf, const WCHAR *format, ...)
{
    MSVCRT_va_list ap;
    int n;

    __builtin_ms_va_start(ap, format);
    n = msvcrt__vswprintf(buf, format, ap);
    __builtin_ms_va_end(ap);
    return n;
}

int CDECL msvcrt__vsnwprintf(WCHAR *buf, size_t count, const WCHAR *format,
                             MSVCRT_va_list ap)
{
    return fmt_string_legacy(buf, count, 1, format, ap, FMT_MSVCRT_WIDE);
}

int CDECL msvcrt__snwprintf(WCHAR *buf, size_t count, const WCHAR *format, ...)
{
    MSVCRT_va_list ap;
    int n;

    __builtin_ms_va_start(ap, format);
    n = msvcrt__vsnwprintf(buf, count, format, ap);
    __builtin_ms_va_end(ap);
    return n;
}

int CDECL msvcrt__vscwprintf(const WCHAR *format, MSVCRT_va_list ap)
{
    return fmt_string_vprintf(NULL, 0, 1, format, ap, FMT_MSVCRT_WIDE);
}

int CDECL msvcrt__scwprintf(const WCHAR *format, ...)
{
    MSVCRT_va_list ap;
    int n;

    __builtin_ms_va_start(ap, format);
    n = msvcrt__vscwprintf(format, ap);
    __builtin_ms_va_end(ap);
    return n;
}

int CDECL msvcrt_vswprintf_s(WCHAR *buf, size_t size, const WCHAR *format,
                             MSVCRT_va_list ap)
{
    return fmt_string_secure(buf, size, 1, format, ap, FMT_MSVCRT_WIDE);
}

int CDECL msvcrt_swprintf_s(WCHAR *buf, size_t size, const WCHAR *format, ...)
{
    MSVCRT_va_list ap;
    int n;

    __builtin_ms_va_start(ap, format);
    n = msvcrt_vswprintf_s(buf, size, format, ap);
    __builtin_ms_va_end(ap);
    return n;
}

int CDECL msvcrt__vsnwprintf_s(WCHAR *buf, size_t size, size_t count, const WCHAR *format,
                               MSVCRT_va_list ap)
{
    return fmt_string_secure_n(buf, size, count, 1, format, ap, FMT_MSVCRT_WIDE);
}

int CDECL msvcrt__snwprintf_s(WCHAR *buf, size_t size, size_t count, const WCHAR *format,
                              ...)
{
    MSVCRT_va_list ap;
    int n;

    __builtin_ms_va_start(ap, format);
    n = msvcrt__vsnwprintf_s(buf, size, count, format, ap);
    __builtin_ms_va_end(ap);
    return n;
}

int CDECL msvcrt_sscanf(const char *str, const char *format, ...)
{
    MSVCRT_va_list ap;
    int n;

    __builtin_ms_va_start(ap, format);
    n = fmt_string_vscanf(str, SIZE_MAX, 0, format, ap, FMT_MSVCRT);
    __builtin_ms_va_end(ap);
    return n;
}

int CDECL msvcrt_sscanf_s(const char *str, const char *format, ...)
{
    MSVCRT_va_list ap;
    int n;

    __builtin_ms_va_start(ap, format);
    n = fmt_string_vscanf(str, SIZE_MAX, 0, format, ap, FMT_MSVCRT | FMT_SECURE);
    __builtin_ms_va_end(ap);
    return n;
}

int CDECL msvcrt__snscanf(const char *str, size_t len, const char *format, ...)
{
    MSVCRT_va_list ap;
    int n;

    __builtin_ms_va_start(ap, format);
    n = fmt_string_vscanf(str, len, 0, format, ap, FMT_MSVCRT);
    __builtin_ms_va_end(ap);
    return n;
}

int CDECL msvcrt_swscanf(const WCHAR *str, const WCHAR *format, ...)
{
    MSVCRT_va_list ap;
    int n;

    __builtin_ms_va_start(ap, format);
    n = fmt_string_vscanf(str, SIZE_MAX, 1, format, ap, FMT_MSVCRT_WIDE);
    __builtin_ms_va_end(ap);
    return n;
}

int CDECL msvcrt_swscanf_s(const WCHAR *str, const WCHAR *format, ...)
{
    MSVCRT_va_list ap;
    int n;

    __builtin_ms_va_start(ap, format);
    n = fmt_string_vscanf(str, SIZE_MAX, 1, format, ap, FMT_MSVCRT_WIDE | FMT_SECURE);
    __builtin_ms_va_end(ap);
    return n;
}
