/* Conversions through the generated code page tables. */
#include <stdlib.h>
#include "codepage_private.h"

const struct cp_table *cp_table_find(UINT cp)
{
    for (const struct cp_table *const *t = cp_tables; *t; t++)
        if ((*t)->cp == cp)
            return *t;
    return NULL;
}

bool cp_table_is_lead(const struct cp_table *t, BYTE c)
{
    return t->lead_row && t->lead_row[c];
}

static WCHAR pair_char(const struct cp_table *t, BYTE lead, BYTE trail)
{
    if (trail < t->trail_min || trail > t->trail_max)
        return 0;
    size_t row = t->lead_row[lead] - 1;
    return t->rows[row * (t->trail_max - t->trail_min + 1) + trail - t->trail_min];
}

/* Single bytes that Windows maps into the private use area (cp932's 0xa0
 * and 0xfd..0xff, cp936's 0xff) convert, but MB_ERR_INVALID_CHARS refuses
 * them: they stand for no character. */
static bool is_private_use(WCHAR wc)
{
    return wc >= 0xe000 && wc <= 0xf8ff;
}

size_t cp_table_to_utf16(const struct cp_table *t, const char *in, size_t inlen,
                         WCHAR *out, size_t outlen, int *invalid)
{
    const BYTE *s = (const BYTE *)in, *end = s + inlen;
    size_t n = 0;
    while (s < end) {
        WCHAR wc;
        bool valid;
        if (!cp_table_is_lead(t, *s)) {
            wc = t->bytes[*s++];
            valid = !is_private_use(wc);
        } else if (s + 1 < end && s[1]) {
            /* A lead byte takes the next byte, whatever it is, as Windows
             * does; an undefined pair becomes the default character. */
            wc = pair_char(t, s[0], s[1]);
            s += 2;
            valid = wc != 0;
        } else {
            /* A lead byte at the end of the input or before a NUL. */
            wc = 0;
            s++;
            valid = false;
        }
        if (!wc && !valid)
            wc = t->uni_default;
        if (!valid && invalid)
            ++*invalid;
        if (out) {
            if (n == outlen)
                break;
            out[n] = wc;
        }
        n++;
    }
    return n;
}

static int cmp_pair(const void *key, const void *elem)
{
    WCHAR wc = *(const WCHAR *)key, other = ((const struct cp_pair *)elem)->wc;
    return (wc > other) - (wc < other);
}

/* A double-byte default character is taken whole when it starts with a
 * lead byte of the code page. */
static WORD default_bytes(const struct cp_table *t, const char *defchar)
{
    if (!defchar)
        return CP_DEFAULT_CHAR;
    BYTE c = (BYTE)defchar[0];
    if (cp_table_is_lead(t, c) && defchar[1])
        return (WORD)(c << 8 | (BYTE)defchar[1]);
    return c;
}

size_t cp_table_from_utf16(const struct cp_table *t, const WCHAR *in, size_t inlen,
                           char *out, size_t outlen, const char *defchar, int *defaulted)
{
    WORD fallback = default_bytes(t, defchar);
    size_t n = 0;
    for (size_t i = 0; i < inlen; i++) {
        const struct cp_pair *p = bsearch(&in[i], t->pairs, t->pair_count, sizeof *p, cmp_pair);
        WORD mb = p ? p->mb : fallback;
        size_t size = mb > 0xff ? 2 : 1;
        if (!p && defaulted)
            ++*defaulted;
        if (out) {
            if (n + size > outlen)
                break;
            if (size == 2)
                out[n] = (char)(mb >> 8);
            out[n + size - 1] = (char)mb;
        }
        n += size;
    }
    return n;
}
