/* The UCRT's string printf and scanf entry points: every sprintf, swprintf,
 * sscanf... of a UCRT program is an inline in the headers that lands here
 * with option bits saying which flavour it is. */
#include "format_string.h"
#include "ucrtbase.spec.h"

/* _CRT_INTERNAL_PRINTF_LEGACY_VSPRINTF_NULL_TERMINATION and
 * _CRT_INTERNAL_PRINTF_STANDARD_SNPRINTF_BEHAVIOR. */
#define LEGACY_NULL_TERMINATION 1
#define STANDARD_SNPRINTF 2

/* Without either bit a truncated result is terminated and -2 returned. */
static int common_vsprintf(uint64_t options, void *buf, size_t count, int wide,
                           const void *format, MSVCRT_va_list ap)
{
    int n = fmt_string_vprintf(buf, count, wide, format, ap,
                               fmt_flags_from_ucrt_options(options, wide));

    if (n < 0 || !buf)
        return n;
    if ((size_t)n < count) {
        fmt_string_terminate(buf, wide, (size_t)n);
        return n;
    }
    if (options & LEGACY_NULL_TERMINATION)
        return (size_t)n == count ? n : -1;
    if (count)
        fmt_string_terminate(buf, wide, count - 1);
    return options & STANDARD_SNPRINTF ? n : -2;
}

int CDECL ucrt___stdio_common_vsprintf(uint64_t options, char *buf, size_t count,
                                       const char *format, void *locale, MSVCRT_va_list ap)
{
    (void)locale;
    return common_vsprintf(options, buf, count, 0, format, ap);
}

int CDECL ucrt___stdio_common_vswprintf(uint64_t options, WCHAR *buf, size_t count,
                                        const WCHAR *format, void *locale,
                                        MSVCRT_va_list ap)
{
    (void)locale;
    return common_vsprintf(options, buf, count, 1, format, ap);
}

int CDECL ucrt___stdio_common_vsprintf_s(uint64_t options, char *buf, size_t size,
                                         const char *format, void *locale,
                                         MSVCRT_va_list ap)
{
    (void)locale;
    return fmt_string_secure(buf, size, 0, format, ap,
                             fmt_flags_from_ucrt_options(options, 0));
}

int CDECL ucrt___stdio_common_vswprintf_s(uint64_t options, WCHAR *buf, size_t size,
                                          const WCHAR *format, void *locale,
                                          MSVCRT_va_list ap)
{
    (void)locale;
    return fmt_string_secure(buf, size, 1, format, ap,
                             fmt_flags_from_ucrt_options(options, 1));
}

int CDECL ucrt___stdio_common_vsnprintf_s(uint64_t options, char *buf, size_t size,
                                          size_t count, const char *format, void *locale,
                                          MSVCRT_va_list ap)
{
    (void)locale;
    return fmt_string_secure_n(buf, size, count, 0, format, ap,
                               fmt_flags_from_ucrt_options(options, 0));
}

int CDECL ucrt___stdio_common_vsnwprintf_s(uint64_t options, WCHAR *buf, size_t size,
                                           size_t count, const WCHAR *format,
                                           void *locale, MSVCRT_va_list ap)
{
    (void)locale;
    return fmt_string_secure_n(buf, size, count, 1, format, ap,
                               fmt_flags_from_ucrt_options(options, 1));
}

int CDECL ucrt___stdio_common_vsprintf_p(uint64_t options, char *buf, size_t size,
                                         const char *format, void *locale,
                                         MSVCRT_va_list ap)
{
    (void)locale;
    return fmt_string_secure(buf, size, 0, format, ap,
                             fmt_flags_from_ucrt_options(options, 0) | FMT_POSITIONAL);
}

int CDECL ucrt___stdio_common_vswprintf_p(uint64_t options, WCHAR *buf, size_t size,
                                          const WCHAR *format, void *locale,
                                          MSVCRT_va_list ap)
{
    (void)locale;
    return fmt_string_secure(buf, size, 1, format, ap,
                             fmt_flags_from_ucrt_options(options, 1) | FMT_POSITIONAL);
}

int CDECL ucrt___stdio_common_vsscanf(uint64_t options, const char *str, size_t len,
                                      const char *format, void *locale, MSVCRT_va_list ap)
{
    (void)locale;
    return fmt_string_vscanf(str, len, 0, format, ap,
                             fmt_scanf_flags_from_ucrt_options(options, 0));
}

int CDECL ucrt___stdio_common_vswscanf(uint64_t options, const WCHAR *str, size_t len,
                                       const WCHAR *format, void *locale,
                                       MSVCRT_va_list ap)
{
    (void)locale;
    return fmt_string_vscanf(str, len, 1, format, ap,
                             fmt_scanf_flags_from_ucrt_options(options, 1));
}

/* Windows refuses %n until a program enables it; lvrun always honours it
 * (a program that relies on the refusal would be stopped on Windows), but
 * keeps the setting for programs that ask. */
static int g_printf_count_output;

int CDECL ucrt__set_printf_count_output(int enable)
{
    int old = g_printf_count_output;

    g_printf_count_output = enable != 0;
    return old;
}

int CDECL ucrt__get_printf_count_output(void)
{
    return g_printf_count_output;
}
