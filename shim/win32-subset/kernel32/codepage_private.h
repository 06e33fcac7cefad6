/* The single- and double-byte code pages: tables generated at build time
 * by tools/cpgen.py (codepage_tables.c), converted by codepage_table.c. */
#ifndef LV_CODEPAGE_PRIVATE_H
#define LV_CODEPAGE_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include "lv/windef.h"

/* Every table code page of lvrun has '?' as its default character. */
#define CP_DEFAULT_CHAR '?'

/* A character and its bytes: one byte, or lead << 8 | trail. */
struct cp_pair {
    WCHAR wc;
    WORD mb;
};

struct cp_table {
    UINT cp;
    const WCHAR *name;            /* CPINFOEXW.CodePageName */
    WCHAR uni_default;            /* what undefined bytes convert to */
    const WCHAR *bytes;           /* single byte -> character */
    const struct cp_pair *pairs;  /* characters that convert back, sorted */
    size_t pair_count;
    /* Double-byte code pages only: */
    BYTE lead_ranges[12];         /* as CPINFO.LeadByte */
    const BYTE *lead_row;         /* byte -> 1 + its row in rows; 0: no lead byte */
    const WCHAR *rows;            /* trail_min..trail_max per lead; 0: undefined */
    BYTE trail_min, trail_max;
};

/* Ends with NULL. */
extern const struct cp_table *const cp_tables[];

const struct cp_table *cp_table_find(UINT cp);
bool cp_table_is_lead(const struct cp_table *t, BYTE c);

/* Shaped like utf8_to_utf16 and utf16_to_utf8 (lv/wstr.h): return the units
 * written, or needed when out is NULL; *invalid counts the bytes that are no
 * character (MB_ERR_INVALID_CHARS refuses them), *defaulted the characters
 * that became the default character. */
size_t cp_table_to_utf16(const struct cp_table *t, const char *in, size_t inlen,
                         WCHAR *out, size_t outlen, int *invalid);
size_t cp_table_from_utf16(const struct cp_table *t, const WCHAR *in, size_t inlen,
                           char *out, size_t outlen, const char *defchar, int *defaulted);

#endif
