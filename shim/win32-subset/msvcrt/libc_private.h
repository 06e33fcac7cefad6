/* The libc area's internals: character classes, the number parsers and
 * printers shared by the narrow and wide functions, time conversions. */
#ifndef MSVCRT_LIBC_PRIVATE_H
#define MSVCRT_LIBC_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "msvcrt_private.h"

/* <ctype.h> class bits, as the _ctype and _pctype tables hold them. */
#define MSVCRT_UPPER 0x0001
#define MSVCRT_LOWER 0x0002
#define MSVCRT_DIGIT 0x0004
#define MSVCRT_SPACE 0x0008
#define MSVCRT_PUNCT 0x0010
#define MSVCRT_CONTROL 0x0020
#define MSVCRT_BLANK 0x0040
#define MSVCRT_HEX 0x0080
#define MSVCRT_ALPHA (0x0100 | MSVCRT_UPPER | MSVCRT_LOWER)
#define MSVCRT_DEFINED 0x0200 /* wide classes only */

/* The "C" locale's table: index 0 is EOF, index 1 + c is byte c. */
extern const unsigned short msvcrt__ctype[257];

static inline int libc_ctype(int c, int mask)
{
    if (c < -1 || c > 255)
        return 0;
    return msvcrt__ctype[c + 1] & mask;
}

/* Class bits of a UTF-16 unit, by Unicode's classes (Windows' wide
 * classes do not depend on the locale). */
unsigned short libc_wctype(WCHAR c);

static inline int libc_isspace_unit(unsigned c, bool wide)
{
    if (wide)
        return libc_wctype((WCHAR)c) & MSVCRT_SPACE;
    return libc_ctype((unsigned char)c, MSVCRT_SPACE);
}

/* Reads unit i of a narrow (bytes) or wide (WCHAR) string. */
static inline unsigned libc_unit(const void *s, size_t i, bool wide)
{
    return wide ? ((const WCHAR *)s)[i] : ((const unsigned char *)s)[i];
}

/* An integer as strtol reads one: leading space, sign, "0x" or "0" for the
 * bases that allow them, digits. */
struct libc_int {
    uint64_t magnitude;
    bool negative;
    bool overflow; /* the magnitude does not fit 64 bits */
    size_t used;   /* units read; 0 when no digit was found */
};
/* false when base is invalid. */
bool libc_parse_int(const void *s, bool wide, int base, struct libc_int *out);
/* The value of a parsed integer in [min, max] (min 0: unsigned, where a
 * minus sign negates modulo max + 1, as strtoul does), errno ERANGE and the
 * nearest bound when it does not fit. */
uint64_t libc_int_value(const struct libc_int *v, int64_t min, uint64_t max);

/* strtol and friends over both string widths. */
int64_t libc_strtoi(const void *s, void *end, int base, bool wide, int64_t min,
                    uint64_t max);

/* Digits of value in radix (2..36), lower case, with a '-' when negative:
 * returns the units needed with the terminator. */
size_t libc_format_int(uint64_t magnitude, bool negative, int radix, char *out);

typedef struct { int quot, rem; } msvcrt_div_t;
typedef struct { LONG quot, rem; } msvcrt_ldiv_t;
typedef struct { int64_t quot, rem; } msvcrt_lldiv_t;

typedef struct { double x, y; } msvcrt_complex; /* struct _complex */

/* strtod over both widths; ucrt adds inf, nan and hexadecimal forms. */
double libc_strtod(const void *s, void *end, bool wide, bool ucrt);

/* <time.h> */
struct msvcrt_tm {
    int tm_sec, tm_min, tm_hour, tm_mday, tm_mon, tm_year, tm_wday, tm_yday,
        tm_isdst;
};

/* struct __timeb64 and __timeb32 */
struct libc_timeb64 {
    MSVCRT_time_t time;
    unsigned short millitm;
    short timezone, dstflag;
};

struct libc_timeb32 {
    int32_t time;
    unsigned short millitm;
    short timezone, dstflag;
};

/* The zone as _tzset found it. */
extern LONG msvcrt__timezone;
extern int msvcrt__daylight;
extern char *msvcrt__tzname[2];

/* Largest time _gmtime64 accepts: 3000-12-31 23:59:59 UTC. */
#define LIBC_TIME64_MAX INT64_C(32536850399)
#define LIBC_TIME32_MAX INT64_C(0x7fffffff)

/* UTC fields of t (t in [0, LIBC_TIME64_MAX]). */
void libc_gmtime(MSVCRT_time_t t, struct msvcrt_tm *tm);
/* Seconds since 1970 of normalised UTC fields; the fields are normalised. */
MSVCRT_time_t libc_timegm(struct msvcrt_tm *tm);
/* Local fields of t, -1 when out of range. */
int libc_localtime(MSVCRT_time_t t, struct msvcrt_tm *tm);
/* mktime: -1 when out of range (the fields are normalised otherwise). */
MSVCRT_time_t libc_mktime(struct msvcrt_tm *tm, MSVCRT_time_t max);
/* "Thu Jan 01 00:00:00 1970\n" */
void libc_format_asctime(const struct msvcrt_tm *tm, char out[26]);
bool libc_tm_valid(const struct msvcrt_tm *tm);

#endif
