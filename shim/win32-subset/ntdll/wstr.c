#include <stdlib.h>
#include <string.h>
#include "lv/wstr.h"

size_t wstr_len(const WCHAR *s)
{
    const WCHAR *p = s;
    while (*p)
        p++;
    return p - s;
}

size_t wstr_nlen(const WCHAR *s, size_t max)
{
    size_t n = 0;
    while (n < max && s[n])
        n++;
    return n;
}

WCHAR *wstr_dup(const WCHAR *s)
{
    size_t n = (wstr_len(s) + 1) * sizeof(WCHAR);
    WCHAR *d = malloc(n);
    return d ? memcpy(d, s, n) : NULL;
}

int wstr_cmp(const WCHAR *a, const WCHAR *b)
{
    while (*a && *a == *b)
        a++, b++;
    return (int)*a - (int)*b;
}

/* Simple case mappings of the ranges programs meet in file and variable
 * names: ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic. */
WCHAR wchar_upper(WCHAR c)
{
    if (c < 0x80)
        return c >= 'a' && c <= 'z' ? c - 32 : c;
    if ((c >= 0xe0 && c <= 0xfe && c != 0xf7))
        return c - 32;
    if (c == 0xff)
        return 0x178;
    if (c >= 0x100 && c <= 0x17f && c != 0x130 && c != 0x131 && c != 0x138 &&
        c != 0x149 && c != 0x17f) {
        int odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17e);
        if (odd_upper ? !(c & 1) : (c & 1))
            return c - 1;
        return c;
    }
    if (c >= 0x3b1 && c <= 0x3cb && c != 0x3c2)
        return c - 32;
    if (c >= 0x430 && c <= 0x44f)
        return c - 32;
    if (c >= 0x450 && c <= 0x45f)
        return c - 80;
    return c;
}

WCHAR wchar_lower(WCHAR c)
{
    if (c < 0x80)
        return c >= 'A' && c <= 'Z' ? c + 32 : c;
    if (c >= 0xc0 && c <= 0xde && c != 0xd7)
        return c + 32;
    if (c == 0x178)
        return 0xff;
    if (c >= 0x100 && c <= 0x17f && c != 0x130 && c != 0x131 && c != 0x138 &&
        c != 0x149 && c != 0x17f) {
        int odd_upper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17e);
        if (odd_upper ? (c & 1) : !(c & 1))
            return c + 1;
        return c;
    }
    if (c >= 0x391 && c <= 0x3ab && c != 0x3a2)
        return c + 32;
    if (c >= 0x410 && c <= 0x42f)
        return c + 32;
    if (c >= 0x400 && c <= 0x40f)
        return c + 80;
    return c;
}

int wstr_icmp(const WCHAR *a, const WCHAR *b)
{
    for (;; a++, b++) {
        WCHAR ca = wchar_upper(*a), cb = wchar_upper(*b);
        if (ca != cb || !ca)
            return (int)ca - (int)cb;
    }
}

static size_t utf8_decode(const unsigned char *s, size_t len, unsigned *cp)
{
    unsigned c = s[0];
    size_t n;
    unsigned min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xc2 && c <= 0xdf)
        n = 2, min = 0x80, c &= 0x1f;
    else if (c >= 0xe0 && c <= 0xef)
        n = 3, min = 0x800, c &= 0x0f;
    else if (c >= 0xf0 && c <= 0xf4)
        n = 4, min = 0x10000, c &= 0x07;
    else
        return 0;
    if (n > len)
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        c = (c << 6) | (s[i] & 0x3f);
    }
    if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
        return 0;
    *cp = c;
    return n;
}

size_t utf8_to_utf16(const char *in, size_t inlen, WCHAR *out, size_t outlen,
                     int *invalid)
{
    const unsigned char *s = (const unsigned char *)in;
    size_t n = 0;
    if (inlen == (size_t)-1)
        inlen = strlen(in) + 1;
    for (size_t i = 0; i < inlen;) {
        /* ASCII runs, the common case, one unit a byte. */
        if (s[i] < 0x80) {
            if (out) {
                if (n >= outlen)
                    return n;
                out[n] = s[i];
            }
            n++;
            i++;
            continue;
        }
        unsigned cp;
        size_t k = utf8_decode(s + i, inlen - i, &cp);
        if (!k) {
            cp = 0xfffd;
            k = 1;
            if (invalid)
                (*invalid)++;
        }
        i += k;
        WCHAR u[2];
        size_t units = 1;
        if (cp >= 0x10000) {
            u[0] = 0xd800 + ((cp - 0x10000) >> 10);
            u[1] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
            units = 2;
        } else {
            u[0] = (WCHAR)cp;
        }
        if (out) {
            if (n + units > outlen)
                return n;
            for (size_t j = 0; j < units; j++)
                out[n + j] = u[j];
        }
        n += units;
    }
    return n;
}

size_t utf16_to_utf8(const WCHAR *in, size_t inlen, char *out, size_t outlen,
                     int *invalid)
{
    size_t n = 0;
    if (inlen == (size_t)-1)
        inlen = wstr_len(in) + 1;
    for (size_t i = 0; i < inlen; i++) {
        unsigned cp = in[i];
        if (cp < 0x80) {
            if (out) {
                if (n >= outlen)
                    return n;
                out[n] = (char)cp;
            }
            n++;
            continue;
        }
        if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < inlen &&
            in[i + 1] >= 0xdc00 && in[i + 1] <= 0xdfff) {
            cp = 0x10000 + ((cp - 0xd800) << 10) + (in[i + 1] - 0xdc00);
            i++;
        } else if (cp >= 0xd800 && cp <= 0xdfff) {
            cp = 0xfffd;
            if (invalid)
                (*invalid)++;
        }
        unsigned char b[4];
        size_t k;
        if (cp < 0x80)
            b[0] = cp, k = 1;
        else if (cp < 0x800)
            b[0] = 0xc0 | (cp >> 6), b[1] = 0x80 | (cp & 0x3f), k = 2;
        else if (cp < 0x10000)
            b[0] = 0xe0 | (cp >> 12), b[1] = 0x80 | ((cp >> 6) & 0x3f),
            b[2] = 0x80 | (cp & 0x3f), k = 3;
        else
            b[0] = 0xf0 | (cp >> 18), b[1] = 0x80 | ((cp >> 12) & 0x3f),
            b[2] = 0x80 | ((cp >> 6) & 0x3f), b[3] = 0x80 | (cp & 0x3f), k = 4;
        if (out) {
            if (n + k > outlen)
                return n;
            memcpy(out + n, b, k);
        }
        n += k;
    }
    return n;
}

/* One pass into a buffer of the largest size the input can need (a UTF-8
 * byte is at most one unit; a unit at most three bytes): these convert
 * every path, and counting first cost a second pass. */
WCHAR *utf8_to_wstr(const char *s)
{
    if (!s)
        return NULL;
    size_t n = strlen(s) + 1;
    WCHAR *w = malloc(n * sizeof(WCHAR));
    if (w)
        utf8_to_utf16(s, n, w, n, NULL);
    return w;
}

char *wstr_to_utf8(const WCHAR *s)
{
    if (!s)
        return NULL;
    size_t n = wstr_len(s) + 1;
    char *u = malloc(n * 3);
    if (u)
        utf16_to_utf8(s, n, u, n * 3, NULL);
    return u;
}
