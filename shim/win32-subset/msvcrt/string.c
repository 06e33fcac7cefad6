/* <string.h> functions of Windows' own; the standard ones are the host's
 * (msvcrt.spec). The "C" locale: case folds ASCII letters only. */
#include <stdlib.h>
#include <string.h>
#include "libc_private.h"
#include "msvcrt.spec.h"

static int libc_fold(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

CDECL char *msvcrt__strdup(const char *s)
{
    size_t size;
    char *copy;

    if (!s)
        return NULL;
    size = strlen(s) + 1;
    /* The program frees it with free(): the CRT's heap, not the host's. */
    copy = msvcrt_malloc(size);
    if (copy)
        memcpy(copy, s, size);
    return copy;
}

CDECL int msvcrt__strnicmp(const char *a, const char *b, size_t count)
{
    int ca = 0, cb = 0;

    if (!a || !b) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return 0x7fffffff;
    }
    while (count--) {
        ca = libc_fold((unsigned char)*a++);
        cb = libc_fold((unsigned char)*b++);
        if (ca != cb || !ca)
            break;
    }
    return ca - cb;
}

CDECL int msvcrt__stricmp(const char *a, const char *b)
{
    return msvcrt__strnicmp(a, b, (size_t)-1);
}

CDECL int msvcrt__memicmp(const void *a, const void *b, size_t count)
{
    const unsigned char *pa = a, *pb = b;

    if (!count)
        return 0;
    if (!a || !b) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return 0x7fffffff;
    }
    for (; count--; pa++, pb++) {
        int d = libc_fold(*pa) - libc_fold(*pb);
        if (d)
            return d;
    }
    return 0;
}

CDECL int msvcrt_strcoll(const char *a, const char *b)
{
    return strcmp(a, b);
}

CDECL int msvcrt__strncoll(const char *a, const char *b, size_t count)
{
    return strncmp(a, b, count);
}

CDECL int msvcrt__stricoll(const char *a, const char *b)
{
    return msvcrt__stricmp(a, b);
}

CDECL int msvcrt__strnicoll(const char *a, const char *b, size_t count)
{
    return msvcrt__strnicmp(a, b, count);
}

CDECL size_t msvcrt_strxfrm(char *dst, const char *src, size_t size)
{
    size_t len = strlen(src);

    if (len < size)
        memcpy(dst, src, len + 1);
    return len;
}

CDECL char *msvcrt__strlwr(char *s)
{
    for (char *p = s; *p; p++)
        *p = libc_fold((unsigned char)*p);
    return s;
}

CDECL char *msvcrt__strupr(char *s)
{
    for (char *p = s; *p; p++)
        if (*p >= 'a' && *p <= 'z')
            *p = *p - 'a' + 'A';
    return s;
}

static int libc_case_s(char *s, size_t size, char *(CDECL *fn)(char *))
{
    if (!s || strnlen(s, size) == size) {
        if (s && size)
            *s = 0;
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    fn(s);
    return 0;
}

CDECL int msvcrt__strlwr_s(char *s, size_t size)
{
    return libc_case_s(s, size, msvcrt__strlwr);
}

CDECL int msvcrt__strupr_s(char *s, size_t size)
{
    return libc_case_s(s, size, msvcrt__strupr);
}

CDECL char *msvcrt__strrev(char *s)
{
    char *l = s, *r = s + strlen(s);

    while (l < r && l < --r) {
        char t = *l;
        *l++ = *r;
        *r = t;
    }
    return s;
}

CDECL char *msvcrt__strset(char *s, int c)
{
    for (char *p = s; *p; p++)
        *p = (char)c;
    return s;
}

CDECL char *msvcrt__strnset(char *s, int c, size_t count)
{
    for (char *p = s; count-- && *p; p++)
        *p = (char)c;
    return s;
}

static char *libc_tok(char *s, const char *delim, char **state)
{
    if (!s)
        s = *state;
    if (!s)
        return NULL;
    s += strspn(s, delim);
    if (!*s) {
        *state = s;
        return NULL;
    }
    *state = s + strcspn(s, delim);
    if (**state)
        *(*state)++ = 0;
    return s;
}

CDECL char *msvcrt_strtok(char *s, const char *delim)
{
    static __thread char *state;

    return libc_tok(s, delim, &state);
}

CDECL char *msvcrt_strtok_s(char *s, const char *delim, char **context)
{
    if (!delim || !context || (!s && !*context)) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return NULL;
    }
    return libc_tok(s, delim, context);
}

CDECL size_t msvcrt_strnlen(const char *s, size_t max)
{
    return s ? strnlen(s, max) : 0;
}
