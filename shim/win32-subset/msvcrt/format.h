/* The formatting engines behind every printf and scanf of msvcrt and
 * ucrtbase, narrow and wide, with Windows semantics. The functions that
 * take a FILE build a fmt_out/fmt_in over the stream (stdio area); the
 * string ones over a buffer (format area). */
#ifndef MSVCRT_FORMAT_H
#define MSVCRT_FORMAT_H

#include <stddef.h>
#include <stdint.h>
#include "msvcrt_private.h"

/* Where output goes: units are bytes (narrow engine) or WCHARs (wide). */
struct fmt_out {
    /* Append count units; return 0, or -1 to stop the engine with an
     * error (it then returns -1). */
    int (*put)(struct fmt_out *out, const void *units, size_t count);
};

/* Behaviour switches. */
#define FMT_WIDE_LEGACY 0x01  /* wide functions: %s/%c take WCHAR, %S/%C char (msvcrt) */
#define FMT_UCRT 0x02         /* UCRT numbers: inf/nan spelled as C99, %a as C99... */
#define FMT_POSITIONAL 0x04   /* %1$d arguments (_printf_p family) */
#define FMT_THREE_DIGIT_EXP 0x08 /* exponents of at least three digits (msvcrt: always) */
#define FMT_SECURE 0x10       /* scanf_s: %s %c %[ take a buffer size after the pointer */

/* What msvcrt.dll's own narrow and wide functions pass. */
#define FMT_MSVCRT FMT_THREE_DIGIT_EXP
#define FMT_MSVCRT_WIDE (FMT_THREE_DIGIT_EXP | FMT_WIDE_LEGACY)

/* The UCRT's __stdio_common_*printf option bits mapped to FMT_* flags
 * (wide: for a wide function). */
unsigned fmt_flags_from_ucrt_options(uint64_t options, int wide);
/* The same for __stdio_common_*scanf, whose bits differ. */
unsigned fmt_scanf_flags_from_ucrt_options(uint64_t options, int wide);

/* Units written, or -1 on an output error or an invalid format. */
int fmt_vprintf(struct fmt_out *out, const char *format, __builtin_ms_va_list ap,
                unsigned flags);
int fmt_vwprintf(struct fmt_out *out, const WCHAR *format, __builtin_ms_va_list ap,
                 unsigned flags);

/* Where input comes from, one unit at a time. */
struct fmt_in {
    int (*get)(struct fmt_in *in);          /* next unit, or -1 at the end */
    void (*unget)(struct fmt_in *in, int c);
};

/* Fields assigned, or -1 (EOF) when input ended before the first
 * conversion. */
int fmt_vscanf(struct fmt_in *in, const char *format, __builtin_ms_va_list ap,
               unsigned flags);
int fmt_vwscanf(struct fmt_in *in, const WCHAR *format, __builtin_ms_va_list ap,
                unsigned flags);

#endif
