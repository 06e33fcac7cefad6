/* Multibyte <-> wide conversions. lvrun's ANSI code page is UTF-8, so the
 * multibyte side is UTF-8 and the wide side UTF-16. */
#include <string.h>
#include "libc_private.h"
#include "lv/wstr.h"
#include "msvcrt.spec.h"
#include "ucrtbase.spec.h"

#define LIBC_BAD ((size_t)-1)

/* One character of s (at most n bytes): its bytes, 0 for NUL, LIBC_BAD
 * when invalid or incomplete. */
static size_t libc_decode(const char *s, size_t n, uint32_t *out)
{
    const unsigned char *p = (const unsigned char *)s;
    uint32_t c;
    size_t len;

    if (!n)
        return LIBC_BAD;
    if (p[0] < 0x80) {
        *out = p[0];
        return p[0] ? 1 : 0;
    }
    if (p[0] >= 0xc2 && p[0] <= 0xdf)
        len = 2, c = p[0] & 0x1f;
    else if (p[0] >= 0xe0 && p[0] <= 0xef)
        len = 3, c = p[0] & 0x0f;
    else if (p[0] >= 0xf0 && p[0] <= 0xf4)
        len = 4, c = p[0] & 0x07;
    else
        return LIBC_BAD;
    if (n < len)
        return LIBC_BAD;
    for (size_t i = 1; i < len; i++) {
        if ((p[i] & 0xc0) != 0x80)
            return LIBC_BAD;
        c = c << 6 | (p[i] & 0x3f);
    }
    if ((len == 3 && (c < 0x800 || (c >= 0xd800 && c < 0xe000))) ||
        (len == 4 && (c < 0x10000 || c > 0x10ffff)))
        return LIBC_BAD;
    *out = c;
    return len;
}

static size_t libc_encode(WCHAR c, char *out)
{
    if (c < 0x80) {
        out[0] = (char)c;
        return 1;
    }
    if (c < 0x800) {
        out[0] = (char)(0xc0 | c >> 6);
        out[1] = (char)(0x80 | (c & 0x3f));
        return 2;
    }
    if (c >= 0xd800 && c < 0xe000)
        return LIBC_BAD;
    out[0] = (char)(0xe0 | c >> 12);
    out[1] = (char)(0x80 | (c >> 6 & 0x3f));
    out[2] = (char)(0x80 | (c & 0x3f));
    return 3;
}

/* A character outside the BMP needs two WCHARs: mbtowc cannot give it. */
CDECL int msvcrt_mbtowc(WCHAR *dst, const char *src, size_t n)
{
    uint32_t c;
    size_t len;

    if (!src)
        return 0;
    len = libc_decode(src, n, &c);
    if (len == LIBC_BAD || c > 0xffff) {
        msvcrt_set_errno(MSVCRT_EILSEQ);
        return -1;
    }
    if (dst)
        *dst = (WCHAR)c;
    return (int)len;
}

CDECL int msvcrt_mblen(const char *s, size_t n)
{
    return msvcrt_mbtowc(NULL, s, n);
}

CDECL int msvcrt_wctomb(char *dst, WCHAR c)
{
    char tmp[3];
    size_t len;

    if (!dst)
        return 0;
    len = libc_encode(c, tmp);
    if (len == LIBC_BAD) {
        msvcrt_set_errno(MSVCRT_EILSEQ);
        return -1;
    }
    memcpy(dst, tmp, len);
    return (int)len;
}

CDECL MSVCRT_wint_t msvcrt_btowc(int c)
{
    return c >= 0 && c < 0x80 ? (MSVCRT_wint_t)c : 0xffff;
}

CDECL int msvcrt_wctob(MSVCRT_wint_t c)
{
    return c < 0x80 ? (int)c : -1;
}

/* Units of dst written (or needed when dst is NULL), without the
 * terminator; LIBC_BAD on an invalid sequence. */
static size_t libc_mbstowcs(WCHAR *dst, const char *src, size_t count)
{
    size_t written = 0;

    while (!dst || written < count) {
        uint32_t c;
        size_t len = libc_decode(src, 4, &c);

        if (len == LIBC_BAD)
            return LIBC_BAD;
        if (!len)
            break;
        if (c > 0xffff) {
            if (dst && written + 2 > count)
                break;
            if (dst) {
                dst[written] = (WCHAR)(0xd800 | (c - 0x10000) >> 10);
                dst[written + 1] = (WCHAR)(0xdc00 | (c & 0x3ff));
            }
            written += 2;
        } else {
            if (dst)
                dst[written] = (WCHAR)c;
            written++;
        }
        src += len;
    }
    if (dst && written < count)
        dst[written] = 0;
    return written;
}

static size_t libc_wcstombs(char *dst, const WCHAR *src, size_t size)
{
    size_t written = 0;

    for (;; src++) {
        char tmp[4];
        size_t len;
        WCHAR c = *src;

        if (!c)
            break;
        if (c >= 0xd800 && c < 0xdc00 && src[1] >= 0xdc00 && src[1] < 0xe000) {
            uint32_t cp = 0x10000 + ((c - 0xd800) << 10) + (src[1] - 0xdc00);
            tmp[0] = (char)(0xf0 | cp >> 18);
            tmp[1] = (char)(0x80 | (cp >> 12 & 0x3f));
            tmp[2] = (char)(0x80 | (cp >> 6 & 0x3f));
            tmp[3] = (char)(0x80 | (cp & 0x3f));
            len = 4;
            src++;
        } else if ((len = libc_encode(c, tmp)) == LIBC_BAD) {
            return LIBC_BAD;
        }
        if (dst) {
            if (written + len > size)
                break;
            memcpy(dst + written, tmp, len);
        }
        written += len;
    }
    if (dst && written < size)
        dst[written] = 0;
    return written;
}

CDECL size_t msvcrt_mbstowcs(WCHAR *dst, const char *src, size_t count)
{
    size_t n = libc_mbstowcs(dst, src, count);

    if (n == LIBC_BAD)
        msvcrt_set_errno(MSVCRT_EILSEQ);
    return n;
}

CDECL size_t msvcrt_wcstombs(char *dst, const WCHAR *src, size_t size)
{
    size_t n = libc_wcstombs(dst, src, size);

    if (n == LIBC_BAD)
        msvcrt_set_errno(MSVCRT_EILSEQ);
    return n;
}

/* The checked forms report the count with the terminator; _TRUNCATE
 * (count -1) converts what fits. */
CDECL int msvcrt_mbstowcs_s(size_t *done, WCHAR *dst, size_t size, const char *src,
                            size_t count)
{
    size_t need, n;

    if (done)
        *done = 0;
    if ((!dst && size) || !src) {
        if (dst && size)
            *dst = 0;
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    need = libc_mbstowcs(NULL, src, 0);
    if (need == LIBC_BAD) {
        if (dst && size)
            *dst = 0;
        msvcrt_set_errno(MSVCRT_EILSEQ);
        return MSVCRT_EILSEQ;
    }
    if (count != (size_t)-1 && count < need)
        need = count;
    if (!dst) {
        if (done)
            *done = need + 1;
        return 0;
    }
    if (need >= size && count != (size_t)-1) {
        *dst = 0;
        msvcrt_set_errno(MSVCRT_ERANGE);
        return MSVCRT_ERANGE;
    }
    n = libc_mbstowcs(dst, src, need < size ? need : size - 1);
    dst[n] = 0;
    if (done)
        *done = n + 1;
    return n < need ? 80 /* STRUNCATE */ : 0;
}

CDECL int msvcrt_wcstombs_s(size_t *done, char *dst, size_t size, const WCHAR *src,
                            size_t count)
{
    size_t need, n, limit;

    if (done)
        *done = 0;
    if ((!dst && size) || !src) {
        if (dst && size)
            *dst = 0;
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    need = libc_wcstombs(NULL, src, 0);
    if (need == LIBC_BAD) {
        if (dst && size)
            *dst = 0;
        msvcrt_set_errno(MSVCRT_EILSEQ);
        return MSVCRT_EILSEQ;
    }
    if (count != (size_t)-1 && count < need)
        need = count;
    if (!dst) {
        if (done)
            *done = need + 1;
        return 0;
    }
    if (need >= size && count != (size_t)-1) {
        *dst = 0;
        msvcrt_set_errno(MSVCRT_ERANGE);
        return MSVCRT_ERANGE;
    }
    limit = need < size ? need : size - 1;
    n = libc_wcstombs(dst, src, limit);
    dst[n] = 0;
    if (done)
        *done = n + 1;
    return n < need ? 80 /* STRUNCATE */ : 0;
}
