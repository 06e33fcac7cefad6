/* The UCRT's one entry per family behind every printf and scanf on a
 * stream: options select the behaviour, the locale is the current one. */
#include "format.h"
#include "ucrtbase.spec.h"
#include "stdio_private.h"

int CDECL ucrt___stdio_common_vfprintf(uint64_t options, MSVCRT_FILE *f, const char *format,
                                       void *locale, MSVCRT_va_list ap)
{
    (void)locale;
    return msvcrt_stream_vprintf(f, format, ap, fmt_flags_from_ucrt_options(options, 0), false);
}

int CDECL ucrt___stdio_common_vfprintf_s(uint64_t options, MSVCRT_FILE *f,
                                         const char *format, void *locale,
                                         MSVCRT_va_list ap)
{
    (void)locale;
    return msvcrt_stream_vprintf(f, format, ap, fmt_flags_from_ucrt_options(options, 0), false);
}

int CDECL ucrt___stdio_common_vfprintf_p(uint64_t options, MSVCRT_FILE *f,
                                         const char *format, void *locale,
                                         MSVCRT_va_list ap)
{
    (void)locale;
    return msvcrt_stream_vprintf(f, format, ap,
                                 fmt_flags_from_ucrt_options(options, 0) | FMT_POSITIONAL,
                                 false);
}

int CDECL ucrt___stdio_common_vfwprintf(uint64_t options, MSVCRT_FILE *f,
                                        const WCHAR *format, void *locale,
                                        MSVCRT_va_list ap)
{
    (void)locale;
    return msvcrt_stream_vprintf(f, format, ap, fmt_flags_from_ucrt_options(options, 1), true);
}

int CDECL ucrt___stdio_common_vfwprintf_s(uint64_t options, MSVCRT_FILE *f,
                                          const WCHAR *format, void *locale,
                                          MSVCRT_va_list ap)
{
    (void)locale;
    return msvcrt_stream_vprintf(f, format, ap, fmt_flags_from_ucrt_options(options, 1), true);
}

int CDECL ucrt___stdio_common_vfwprintf_p(uint64_t options, MSVCRT_FILE *f,
                                          const WCHAR *format, void *locale,
                                          MSVCRT_va_list ap)
{
    (void)locale;
    return msvcrt_stream_vprintf(f, format, ap,
                                 fmt_flags_from_ucrt_options(options, 1) | FMT_POSITIONAL,
                                 true);
}

int CDECL ucrt___stdio_common_vfscanf(uint64_t options, MSVCRT_FILE *f, const char *format,
                                      void *locale, MSVCRT_va_list ap)
{
    (void)locale;
    return msvcrt_stream_vscanf(f, format, ap, fmt_scanf_flags_from_ucrt_options(options, 0),
                                false);
}

int CDECL ucrt___stdio_common_vfwscanf(uint64_t options, MSVCRT_FILE *f,
                                       const WCHAR *format, void *locale, MSVCRT_va_list ap)
{
    (void)locale;
    return msvcrt_stream_vscanf(f, format, ap, fmt_scanf_flags_from_ucrt_options(options, 1),
                                true);
}
