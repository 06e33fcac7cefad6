/* Formatting to and from memory, shared by msvcrt's sprintf/sscanf family
 * and ucrtbase's __stdio_common_vs* (format area only). Buffers are
 * counted in units: bytes, or WCHARs when wide. */
#ifndef MSVCRT_FORMAT_STRING_H
#define MSVCRT_FORMAT_STRING_H

#include "format.h"

#define FMT_TRUNCATE ((size_t)-1) /* _TRUNCATE */

/* Format into buf, storing at most cap units and no terminator; returns the
 * full length (as if cap were unlimited), or -1 for an invalid format. */
int fmt_string_vprintf(void *buf, size_t cap, int wide, const void *format,
                       MSVCRT_va_list ap, unsigned flags);

/* A terminator at buf[at]. */
void fmt_string_terminate(void *buf, int wide, size_t at);

/* msvcrt's _vsnprintf: terminated when there is room; -1 on truncation. */
int fmt_string_legacy(void *buf, size_t count, int wide, const void *format,
                      MSVCRT_va_list ap, unsigned flags);
/* vsprintf_s: an empty buffer and -1 (errno ERANGE) when it does not fit. */
int fmt_string_secure(void *buf, size_t size, int wide, const void *format,
                      MSVCRT_va_list ap, unsigned flags);
/* _vsnprintf_s: at most count units (or as many as fit, for FMT_TRUNCATE),
 * always terminated; -1 on truncation. */
int fmt_string_secure_n(void *buf, size_t size, size_t count, int wide,
                        const void *format, MSVCRT_va_list ap, unsigned flags);

/* Scan the string str (at most len units, or up to its terminator). */
int fmt_string_vscanf(const void *str, size_t len, int wide, const void *format,
                      MSVCRT_va_list ap, unsigned flags);

#endif
