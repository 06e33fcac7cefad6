/* <wctype.h> on UTF-16 units. Windows' wide classes follow Unicode and do
 * not depend on the CRT locale; the host's UTF-8 locale knows Unicode's
 * classes (its wchar_t holds any UTF-16 unit). */
#include <locale.h>
#include <pthread.h>
#include <wctype.h>
#include "libc_private.h"
#include "msvcrt.spec.h"

static locale_t g_unicode;
static pthread_once_t g_unicode_once = PTHREAD_ONCE_INIT;

static void libc_unicode_init(void)
{
    /* Only the character classes are needed: one category, not all. */
    g_unicode = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
}

static unsigned short libc_wctype_unicode(WCHAR c)
{
    wint_t w = c;
    unsigned short mask = c >= 0x100 ? MSVCRT_DEFINED : 0;

    if (iswupper_l(w, g_unicode))
        mask |= MSVCRT_UPPER;
    if (iswlower_l(w, g_unicode))
        mask |= MSVCRT_LOWER;
    if (iswalpha_l(w, g_unicode))
        mask |= 0x0100;
    if (iswdigit_l(w, g_unicode))
        mask |= MSVCRT_DIGIT;
    if (iswspace_l(w, g_unicode) || c == 0xa0 || c == 0x2007 || c == 0x202f)
        mask |= MSVCRT_SPACE;
    if (iswpunct_l(w, g_unicode) && !(mask & (0x0100 | MSVCRT_SPACE)))
        mask |= MSVCRT_PUNCT;
    if (iswcntrl_l(w, g_unicode))
        mask |= MSVCRT_CONTROL;
    if (iswblank_l(w, g_unicode) || c == 0xa0 || c == 0x2007 || c == 0x202f)
        mask |= MSVCRT_BLANK;
    if (iswxdigit_l(w, g_unicode))
        mask |= MSVCRT_HEX;
    return mask;
}

/* U+0080..U+00FF as Windows classifies them: C1 controls, the no-break
 * space, letters from U+00C0 on, the rest punctuation (the ordinal
 * indicators and the micro sign too), superscript digits also digits.
 * Kept here rather than asked of the locale so that the table below
 * needs none loaded at start-up. */
static unsigned short latin1_wctype(WCHAR c)
{
    if (c < 0xa0)
        return MSVCRT_CONTROL;
    if (c == 0xa0)
        return MSVCRT_SPACE | MSVCRT_BLANK;
    if (c < 0xc0 || c == 0xd7 || c == 0xf7)
        return MSVCRT_PUNCT | (c == 0xb2 || c == 0xb3 || c == 0xb9 ? MSVCRT_DIGIT : 0);
    return 0x0100 | (c < 0xdf ? MSVCRT_UPPER : MSVCRT_LOWER);
}

unsigned short libc_wctype(WCHAR c)
{
    if (c < 0x80)
        return msvcrt__ctype[c + 1] | (c == '\t' ? MSVCRT_BLANK : 0);
    if (c < 0x100)
        return latin1_wctype(c);
    pthread_once(&g_unicode_once, libc_unicode_init);
    return g_unicode == (locale_t)0 ? 0 : libc_wctype_unicode(c);
}

static unsigned short g_pwctype[256];

__attribute__((constructor)) static void libc_pwctype_init(void)
{
    for (int c = 0; c < 256; c++)
        g_pwctype[c] = libc_wctype(c);
}

const unsigned short *msvcrt__pwctype = g_pwctype;

CDECL const unsigned short *msvcrt___pwctype_func(void)
{
    return g_pwctype;
}

CDECL int msvcrt_iswctype(MSVCRT_wint_t c, unsigned short mask)
{
    if (c == 0xffff)
        return 0;
    return libc_wctype(c) & mask;
}

CDECL int msvcrt__iswctype_l(MSVCRT_wint_t c, unsigned short mask, void *locale)
{
    (void)locale;
    return msvcrt_iswctype(c, mask);
}

CDECL int msvcrt_iswalpha(MSVCRT_wint_t c) { return msvcrt_iswctype(c, MSVCRT_ALPHA); }
CDECL int msvcrt_iswupper(MSVCRT_wint_t c) { return msvcrt_iswctype(c, MSVCRT_UPPER); }
CDECL int msvcrt_iswlower(MSVCRT_wint_t c) { return msvcrt_iswctype(c, MSVCRT_LOWER); }
CDECL int msvcrt_iswdigit(MSVCRT_wint_t c) { return msvcrt_iswctype(c, MSVCRT_DIGIT); }
CDECL int msvcrt_iswxdigit(MSVCRT_wint_t c) { return msvcrt_iswctype(c, MSVCRT_HEX); }
CDECL int msvcrt_iswspace(MSVCRT_wint_t c) { return msvcrt_iswctype(c, MSVCRT_SPACE); }
CDECL int msvcrt_iswpunct(MSVCRT_wint_t c) { return msvcrt_iswctype(c, MSVCRT_PUNCT); }
CDECL int msvcrt_iswcntrl(MSVCRT_wint_t c) { return msvcrt_iswctype(c, MSVCRT_CONTROL); }

CDECL int msvcrt_iswalnum(MSVCRT_wint_t c)
{
    return msvcrt_iswctype(c, MSVCRT_ALPHA | MSVCRT_DIGIT);
}

CDECL int msvcrt_iswgraph(MSVCRT_wint_t c)
{
    return msvcrt_iswctype(c, MSVCRT_ALPHA | MSVCRT_DIGIT | MSVCRT_PUNCT);
}

CDECL int msvcrt_iswprint(MSVCRT_wint_t c)
{
    return c != '\t' && msvcrt_iswctype(c, MSVCRT_ALPHA | MSVCRT_DIGIT |
                                               MSVCRT_PUNCT | MSVCRT_BLANK);
}

CDECL int msvcrt_iswblank(MSVCRT_wint_t c)
{
    return msvcrt_iswctype(c, MSVCRT_BLANK);
}

CDECL int msvcrt_iswascii(MSVCRT_wint_t c)
{
    return c < 0x80;
}

/* The "C" locale maps only the ASCII letters. */
CDECL MSVCRT_wint_t msvcrt_towupper(MSVCRT_wint_t c)
{
    return c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c;
}

CDECL MSVCRT_wint_t msvcrt_towlower(MSVCRT_wint_t c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}
