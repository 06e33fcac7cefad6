/* The bounds-checked copies and concatenations (<string.h>, <wchar.h>):
 * on failure the destination becomes an empty string and the error is both
 * returned and stored in errno. */
#include <string.h>
#include "libc_private.h"
#include "msvcrt.spec.h"

#define MSVCRT_STRUNCATE 80
#define LIBC_TRUNCATE ((size_t)-1)
/* strcpy_s and strcat_s: the whole of src, which must fit. */
#define LIBC_WHOLE ((size_t)-2)

static int libc_fail(int err)
{
    msvcrt_set_errno(err);
    return err;
}

static void libc_put(void *s, size_t i, unsigned c, bool wide)
{
    if (wide)
        ((WCHAR *)s)[i] = (WCHAR)c;
    else
        ((char *)s)[i] = (char)c;
}

static size_t libc_nlen(const void *s, size_t max, bool wide)
{
    size_t n = 0;

    while (n < max && libc_unit(s, n, wide))
        n++;
    return n;
}

/* Appends at most count units of src to dst (whose string starts at
 * offset start, size units in all). */
static int libc_copy_s(void *dst, size_t size, size_t start, const void *src,
                       size_t count, bool wide)
{
    size_t len, room = size - start;

    len = libc_nlen(src, count, wide);
    if (len >= room) {
        if (count == LIBC_TRUNCATE) {
            for (size_t i = 0; i < room - 1; i++)
                libc_put(dst, start + i, libc_unit(src, i, wide), wide);
            libc_put(dst, size - 1, 0, wide);
            return MSVCRT_STRUNCATE;
        }
        libc_put(dst, 0, 0, wide);
        return libc_fail(MSVCRT_ERANGE);
    }
    for (size_t i = 0; i < len; i++)
        libc_put(dst, start + i, libc_unit(src, i, wide), wide);
    libc_put(dst, start + len, 0, wide);
    return 0;
}

static int libc_cpy_s(void *dst, size_t size, const void *src, size_t count,
                      bool wide)
{
    if (!count && !dst && !size)
        return 0;
    if (!dst || !size)
        return libc_fail(MSVCRT_EINVAL);
    if (!count) {
        libc_put(dst, 0, 0, wide);
        return 0;
    }
    if (!src) {
        libc_put(dst, 0, 0, wide);
        return libc_fail(MSVCRT_EINVAL);
    }
    return libc_copy_s(dst, size, 0, src, count, wide);
}

static int libc_cat_s(void *dst, size_t size, const void *src, size_t count,
                      bool wide)
{
    size_t start;

    if (!count && !dst && !size)
        return 0;
    if (!dst || !size)
        return libc_fail(MSVCRT_EINVAL);
    if (!count)
        return 0;
    if (!src) {
        libc_put(dst, 0, 0, wide);
        return libc_fail(MSVCRT_EINVAL);
    }
    start = libc_nlen(dst, size, wide);
    if (start == size) {
        libc_put(dst, 0, 0, wide);
        return libc_fail(MSVCRT_EINVAL);
    }
    return libc_copy_s(dst, size, start, src, count, wide);
}

CDECL int msvcrt_strcpy_s(char *dst, size_t size, const char *src)
{
    return libc_cpy_s(dst, size, src, LIBC_WHOLE, false);
}

CDECL int msvcrt_strncpy_s(char *dst, size_t size, const char *src, size_t count)
{
    return libc_cpy_s(dst, size, src, count, false);
}

CDECL int msvcrt_strcat_s(char *dst, size_t size, const char *src)
{
    return libc_cat_s(dst, size, src, LIBC_WHOLE, false);
}

CDECL int msvcrt_strncat_s(char *dst, size_t size, const char *src, size_t count)
{
    return libc_cat_s(dst, size, src, count, false);
}

CDECL int msvcrt_wcscpy_s(WCHAR *dst, size_t size, const WCHAR *src)
{
    return libc_cpy_s(dst, size, src, LIBC_WHOLE, true);
}

CDECL int msvcrt_wcsncpy_s(WCHAR *dst, size_t size, const WCHAR *src, size_t count)
{
    return libc_cpy_s(dst, size, src, count, true);
}

CDECL int msvcrt_wcscat_s(WCHAR *dst, size_t size, const WCHAR *src)
{
    return libc_cat_s(dst, size, src, LIBC_WHOLE, true);
}

CDECL int msvcrt_wcsncat_s(WCHAR *dst, size_t size, const WCHAR *src, size_t count)
{
    return libc_cat_s(dst, size, src, count, true);
}

CDECL int msvcrt_memmove_s(void *dst, size_t size, const void *src, size_t count)
{
    if (!count)
        return 0;
    if (!dst || !src)
        return libc_fail(MSVCRT_EINVAL);
    if (count > size)
        return libc_fail(MSVCRT_ERANGE);
    memmove(dst, src, count);
    return 0;
}

CDECL int msvcrt_memcpy_s(void *dst, size_t size, const void *src, size_t count)
{
    if (!count)
        return 0;
    if (!dst)
        return libc_fail(MSVCRT_EINVAL);
    if (!src || count > size) {
        memset(dst, 0, size);
        return libc_fail(src ? MSVCRT_ERANGE : MSVCRT_EINVAL);
    }
    memcpy(dst, src, count);
    return 0;
}

CDECL int msvcrt_wmemcpy_s(WCHAR *dst, size_t size, const WCHAR *src, size_t count)
{
    if (count > SIZE_MAX / sizeof(WCHAR))
        return libc_fail(MSVCRT_ERANGE);
    return msvcrt_memcpy_s(dst, size * sizeof(WCHAR), src, count * sizeof(WCHAR));
}

CDECL int msvcrt_wmemmove_s(WCHAR *dst, size_t size, const WCHAR *src, size_t count)
{
    if (count > SIZE_MAX / sizeof(WCHAR))
        return libc_fail(MSVCRT_ERANGE);
    return msvcrt_memmove_s(dst, size * sizeof(WCHAR), src, count * sizeof(WCHAR));
}
