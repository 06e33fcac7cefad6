/* <wchar.h> string functions on 16-bit WCHAR. The "C" locale folds case
 * of the ASCII letters only. */
#include <stdlib.h>
#include <string.h>
#include "libc_private.h"
#include "msvcrt.spec.h"

static WCHAR libc_wfold(WCHAR c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

CDECL size_t msvcrt_wcslen(const WCHAR *s)
{
    const WCHAR *p = s;

    while (*p)
        p++;
    return p - s;
}

CDECL size_t msvcrt_wcsnlen(const WCHAR *s, size_t max)
{
    size_t n = 0;

    if (!s)
        return 0;
    while (n < max && s[n])
        n++;
    return n;
}

CDECL WCHAR *msvcrt_wcscpy(WCHAR *dst, const WCHAR *src)
{
    WCHAR *d = dst;

    while ((*d++ = *src++))
        ;
    return dst;
}

CDECL WCHAR *msvcrt_wcsncpy(WCHAR *dst, const WCHAR *src, size_t count)
{
    size_t i = 0;

    for (; i < count && src[i]; i++)
        dst[i] = src[i];
    for (; i < count; i++)
        dst[i] = 0;
    return dst;
}

CDECL WCHAR *msvcrt_wcscat(WCHAR *dst, const WCHAR *src)
{
    msvcrt_wcscpy(dst + msvcrt_wcslen(dst), src);
    return dst;
}

CDECL WCHAR *msvcrt_wcsncat(WCHAR *dst, const WCHAR *src, size_t count)
{
    WCHAR *d = dst + msvcrt_wcslen(dst);

    while (count-- && *src)
        *d++ = *src++;
    *d = 0;
    return dst;
}

CDECL int msvcrt_wcsncmp(const WCHAR *a, const WCHAR *b, size_t count)
{
    for (; count; count--, a++, b++) {
        if (*a != *b)
            return *a < *b ? -1 : 1;
        if (!*a)
            break;
    }
    return 0;
}

CDECL int msvcrt_wcscmp(const WCHAR *a, const WCHAR *b)
{
    return msvcrt_wcsncmp(a, b, (size_t)-1);
}

CDECL WCHAR *msvcrt_wcschr(const WCHAR *s, WCHAR c)
{
    for (;; s++) {
        if (*s == c)
            return (WCHAR *)s;
        if (!*s)
            return NULL;
    }
}

CDECL WCHAR *msvcrt_wcsrchr(const WCHAR *s, WCHAR c)
{
    const WCHAR *found = NULL;

    for (;; s++) {
        if (*s == c)
            found = s;
        if (!*s)
            return (WCHAR *)found;
    }
}

CDECL WCHAR *msvcrt_wcsstr(const WCHAR *s, const WCHAR *sub)
{
    size_t len = msvcrt_wcslen(sub);

    for (; *s || !len; s++) {
        if (!msvcrt_wcsncmp(s, sub, len))
            return (WCHAR *)s;
    }
    return NULL;
}

static size_t libc_wspan(const WCHAR *s, const WCHAR *set, bool in)
{
    size_t n = 0;

    while (s[n] && (msvcrt_wcschr(set, s[n]) != NULL) == in)
        n++;
    return n;
}

CDECL size_t msvcrt_wcsspn(const WCHAR *s, const WCHAR *set)
{
    return libc_wspan(s, set, true);
}

CDECL size_t msvcrt_wcscspn(const WCHAR *s, const WCHAR *set)
{
    return libc_wspan(s, set, false);
}

CDECL WCHAR *msvcrt_wcspbrk(const WCHAR *s, const WCHAR *set)
{
    s += libc_wspan(s, set, false);
    return *s ? (WCHAR *)s : NULL;
}

static WCHAR *libc_wtok(WCHAR *s, const WCHAR *delim, WCHAR **state)
{
    if (!s)
        s = *state;
    if (!s)
        return NULL;
    s += libc_wspan(s, delim, true);
    if (!*s) {
        *state = s;
        return NULL;
    }
    *state = s + libc_wspan(s, delim, false);
    if (**state)
        *(*state)++ = 0;
    return s;
}

/* msvcrt's wcstok keeps its place per thread; the UCRT's takes a context
 * that may be NULL for the same behaviour. */
static __thread WCHAR *g_wcstok_state;

CDECL WCHAR *msvcrt_wcstok(WCHAR *s, const WCHAR *delim)
{
    return libc_wtok(s, delim, &g_wcstok_state);
}

CDECL WCHAR *msvcrt_ucrt_wcstok(WCHAR *s, const WCHAR *delim, WCHAR **context)
{
    return libc_wtok(s, delim, context ? context : &g_wcstok_state);
}

CDECL WCHAR *msvcrt_wcstok_s(WCHAR *s, const WCHAR *delim, WCHAR **context)
{
    if (!delim || !context || (!s && !*context)) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return NULL;
    }
    return libc_wtok(s, delim, context);
}

CDECL WCHAR *msvcrt__wcsdup(const WCHAR *s)
{
    size_t size;
    WCHAR *copy;

    if (!s)
        return NULL;
    size = (msvcrt_wcslen(s) + 1) * sizeof(WCHAR);
    /* The program frees it with free(): the CRT's heap, not the host's. */
    copy = msvcrt_malloc(size);
    if (copy)
        memcpy(copy, s, size);
    return copy;
}

CDECL int msvcrt__wcsnicmp(const WCHAR *a, const WCHAR *b, size_t count)
{
    WCHAR ca = 0, cb = 0;

    if (!a || !b) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return 0x7fffffff;
    }
    while (count--) {
        ca = libc_wfold(*a++);
        cb = libc_wfold(*b++);
        if (ca != cb || !ca)
            break;
    }
    return ca - cb;
}

CDECL int msvcrt__wcsicmp(const WCHAR *a, const WCHAR *b)
{
    return msvcrt__wcsnicmp(a, b, (size_t)-1);
}

CDECL int msvcrt_wcscoll(const WCHAR *a, const WCHAR *b)
{
    return msvcrt_wcscmp(a, b);
}

CDECL int msvcrt__wcsncoll(const WCHAR *a, const WCHAR *b, size_t count)
{
    return msvcrt_wcsncmp(a, b, count);
}

CDECL int msvcrt__wcsicoll(const WCHAR *a, const WCHAR *b)
{
    return msvcrt__wcsicmp(a, b);
}

CDECL int msvcrt__wcsnicoll(const WCHAR *a, const WCHAR *b, size_t count)
{
    return msvcrt__wcsnicmp(a, b, count);
}

CDECL size_t msvcrt_wcsxfrm(WCHAR *dst, const WCHAR *src, size_t size)
{
    size_t len = msvcrt_wcslen(src);

    if (len < size)
        memcpy(dst, src, (len + 1) * sizeof(WCHAR));
    return len;
}

CDECL WCHAR *msvcrt__wcslwr(WCHAR *s)
{
    for (WCHAR *p = s; *p; p++)
        *p = libc_wfold(*p);
    return s;
}

CDECL WCHAR *msvcrt__wcsupr(WCHAR *s)
{
    for (WCHAR *p = s; *p; p++)
        if (*p >= 'a' && *p <= 'z')
            *p = *p - 'a' + 'A';
    return s;
}

static int libc_wcase_s(WCHAR *s, size_t size, WCHAR *(CDECL *fn)(WCHAR *))
{
    if (!s || msvcrt_wcsnlen(s, size) == size) {
        if (s && size)
            *s = 0;
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    fn(s);
    return 0;
}

CDECL int msvcrt__wcslwr_s(WCHAR *s, size_t size)
{
    return libc_wcase_s(s, size, msvcrt__wcslwr);
}

CDECL int msvcrt__wcsupr_s(WCHAR *s, size_t size)
{
    return libc_wcase_s(s, size, msvcrt__wcsupr);
}

CDECL WCHAR *msvcrt__wcsrev(WCHAR *s)
{
    WCHAR *l = s, *r = s + msvcrt_wcslen(s);

    while (l < r && l < --r) {
        WCHAR t = *l;
        *l++ = *r;
        *r = t;
    }
    return s;
}

CDECL WCHAR *msvcrt__wcsset(WCHAR *s, WCHAR c)
{
    for (WCHAR *p = s; *p; p++)
        *p = c;
    return s;
}

CDECL WCHAR *msvcrt__wcsnset(WCHAR *s, WCHAR c, size_t count)
{
    for (WCHAR *p = s; count-- && *p; p++)
        *p = c;
    return s;
}
