/* Floating-point fields of the printf engine (format area only). */
#ifndef MSVCRT_FORMAT_FLOAT_H
#define MSVCRT_FORMAT_FLOAT_H

#include <stddef.h>

/* Bytes fmt_float may write for a precision (terminator included). */
#define FMT_FLOAT_SIZE(prec) ((size_t)(prec) + 400)

/* The text of v for conversion conv (e E f F g G a A) without its sign,
 * at precision prec (-1: default), with the # flag alt, as the CRT chosen
 * by flags (FMT_UCRT, FMT_THREE_DIGIT_EXP) spells it. *neg says whether a
 * minus sign belongs in front; *special whether v was an infinity or NaN
 * (UCRT pads those with spaces even under the 0 flag). Returns the length. */
size_t fmt_float(char *buf, double v, int conv, int prec, int alt, unsigned flags,
                 int *neg, int *special);

#endif
