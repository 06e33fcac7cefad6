/* strtod and its kin. The syntax Windows accepts is read here (msvcrt: no
 * inf, nan or hexadecimal; 'd' may start the exponent), the accepted text
 * is then converted by the host, whose conversion is correctly rounded. */
#include <errno.h>
#include <locale.h>
#include <pthread.h>
#include <stdlib.h>
#include "libc_private.h"
#include "msvcrt.spec.h"
#include "ucrtbase.spec.h"

static locale_t g_c_locale;
static pthread_once_t g_c_locale_once = PTHREAD_ONCE_INIT;

static void libc_c_locale_init(void)
{
    g_c_locale = newlocale(LC_ALL_MASK, "C", (locale_t)0);
}

static unsigned libc_lower(unsigned c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static bool libc_isdigit_radix(unsigned c, bool hex)
{
    return (c >= '0' && c <= '9') ||
           (hex && libc_lower(c) >= 'a' && libc_lower(c) <= 'f');
}

/* Length of a word (case-insensitive) at s + i, 0 if absent. */
static size_t libc_word(const void *s, size_t i, bool wide, const char *word)
{
    size_t n = 0;

    for (; word[n]; n++)
        if (libc_lower(libc_unit(s, i + n, wide)) != (unsigned char)word[n])
            return 0;
    return n;
}

/* The units of the longest number at s + i: mantissa and exponent. */
static size_t libc_scan_number(const void *s, size_t i, bool wide, bool hex)
{
    size_t start = i, digits = 0, e;
    unsigned c;

    while (libc_isdigit_radix(libc_unit(s, i, wide), hex))
        i++, digits++;
    if (libc_unit(s, i, wide) == '.')
        for (i++; libc_isdigit_radix(libc_unit(s, i, wide), hex); i++)
            digits++;
    if (!digits)
        return 0;
    e = i;
    c = libc_lower(libc_unit(s, e, wide));
    if (hex ? c == 'p' : c == 'e' || c == 'd') {
        e++;
        if (libc_unit(s, e, wide) == '+' || libc_unit(s, e, wide) == '-')
            e++;
        if (libc_isdigit_radix(libc_unit(s, e, wide), false)) {
            while (libc_isdigit_radix(libc_unit(s, e, wide), false))
                e++;
            i = e;
        }
    }
    return i - start;
}

/* Where the accepted text starts and how long it is (0: nothing). */
static size_t libc_scan_double(const void *s, bool wide, bool ucrt, size_t *start)
{
    size_t i = 0, sign, n;

    while (libc_isspace_unit(libc_unit(s, i, wide), wide))
        i++;
    *start = i;
    sign = libc_unit(s, i, wide) == '+' || libc_unit(s, i, wide) == '-';
    i += sign;
    if (ucrt) {
        if ((n = libc_word(s, i, wide, "infinity")) || (n = libc_word(s, i, wide, "inf")))
            return i + n - *start;
        if ((n = libc_word(s, i, wide, "nan"))) {
            size_t p = i + n;
            if (libc_unit(s, p, wide) == '(') {
                size_t q = p + 1;
                unsigned c;
                while ((c = libc_unit(s, q, wide)) == '_' || (c >= '0' && c <= '9') ||
                       (libc_lower(c) >= 'a' && libc_lower(c) <= 'z'))
                    q++;
                if (c == ')')
                    p = q + 1;
            }
            return p - *start;
        }
        if (libc_unit(s, i, wide) == '0' && libc_lower(libc_unit(s, i + 1, wide)) == 'x' &&
            (n = libc_scan_number(s, i + 2, wide, true)))
            return i + 2 + n - *start;
    }
    n = libc_scan_number(s, i, wide, false);
    return n ? i + n - *start : 0;
}

double libc_strtod(const void *s, void *end, bool wide, bool ucrt)
{
    char small[128], *text = small;
    size_t start, len;
    double value;
    int saved = errno;

    if (!s) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        if (end)
            *(const void **)end = s;
        return 0;
    }
    len = libc_scan_double(s, wide, ucrt, &start);
    if (end)
        *(const char **)end = (const char *)s + (len ? start + len : 0) * (wide ? 2 : 1);
    if (!len)
        return 0;
    if (len >= sizeof small && !(text = malloc(len + 1))) {
        msvcrt_set_errno(MSVCRT_ENOMEM);
        return 0;
    }
    for (size_t i = 0; i < len; i++) {
        unsigned c = libc_unit(s, start + i, wide);
        text[i] = c == 'd' || c == 'D' ? 'e' : (char)c;
    }
    text[len] = 0;
    pthread_once(&g_c_locale_once, libc_c_locale_init);
    errno = 0;
    value = strtod_l(text, NULL, g_c_locale);
    if (errno == ERANGE)
        msvcrt_set_errno(MSVCRT_ERANGE);
    errno = saved;
    if (text != small)
        free(text);
    return value;
}

CDECL double msvcrt_strtod(const char *s, char **end)
{
    return libc_strtod(s, end, false, false);
}

CDECL double msvcrt_wcstod(const WCHAR *s, WCHAR **end)
{
    return libc_strtod(s, end, true, false);
}

CDECL double msvcrt_atof(const char *s)
{
    return libc_strtod(s, NULL, false, false);
}

CDECL double msvcrt__wtof(const WCHAR *s)
{
    return libc_strtod(s, NULL, true, false);
}

CDECL double ucrt_strtod(const char *s, char **end)
{
    return libc_strtod(s, end, false, true);
}

CDECL double ucrt_wcstod(const WCHAR *s, WCHAR **end)
{
    return libc_strtod(s, end, true, true);
}

CDECL double ucrt_atof(const char *s)
{
    return libc_strtod(s, NULL, false, true);
}

CDECL double ucrt__wtof(const WCHAR *s)
{
    return libc_strtod(s, NULL, true, true);
}

static float libc_to_float(double d)
{
    float f = (float)d;

    if (__builtin_isinf(f) && !__builtin_isinf(d))
        msvcrt_set_errno(MSVCRT_ERANGE);
    return f;
}

CDECL float ucrt_strtof(const char *s, char **end)
{
    return libc_to_float(libc_strtod(s, end, false, true));
}

CDECL float ucrt_wcstof(const WCHAR *s, WCHAR **end)
{
    return libc_to_float(libc_strtod(s, end, true, true));
}
