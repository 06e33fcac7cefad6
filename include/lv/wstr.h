/* UTF-16 strings (Windows' WCHAR) and conversions. Never hand a WCHAR
 * string to a host wcs* function: the host's wchar_t is 32 bits. */
#ifndef LV_WSTR_H
#define LV_WSTR_H

#include <stddef.h>
#include "lv/windef.h"

size_t wstr_len(const WCHAR *s);
size_t wstr_nlen(const WCHAR *s, size_t max);
WCHAR *wstr_dup(const WCHAR *s);
int wstr_cmp(const WCHAR *a, const WCHAR *b);
/* Case-insensitive over the ASCII and Latin-1 ranges and the rest of the
 * BMP that has simple case mappings. */
int wstr_icmp(const WCHAR *a, const WCHAR *b);
WCHAR wchar_upper(WCHAR c);
WCHAR wchar_lower(WCHAR c);

/* UTF-8 <-> UTF-16. The counted forms take lengths in units (-1: up to and
 * including the terminator) and return the units written, or the units
 * needed when out is NULL. Invalid input becomes U+FFFD (utf8 -> utf16) or
 * '?' replacement is the caller's business; *invalid counts such units. */
size_t utf8_to_utf16(const char *in, size_t inlen, WCHAR *out, size_t outlen,
                     int *invalid);
size_t utf16_to_utf8(const WCHAR *in, size_t inlen, char *out, size_t outlen,
                     int *invalid);
/* Allocating forms (malloc); NULL in gives NULL. */
WCHAR *utf8_to_wstr(const char *s);
char *wstr_to_utf8(const WCHAR *s);

#endif
