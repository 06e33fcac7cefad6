/* Character functions of user32. CharUpper/CharLower take either a string
 * or, when the high bits of the pointer are zero, a single character. */
#include <stdbool.h>
#include <stdlib.h>
#include "kernel32.spec.h"
#include "user32.spec.h"
#include "lv/wstr.h"

static bool is_char_arg(const void *p)
{
    return ((uintptr_t)p >> 16) == 0;
}

WCHAR *WINAPI CharUpperW(WCHAR *s)
{
    if (is_char_arg(s))
        return (WCHAR *)(uintptr_t)wchar_upper((WCHAR)(uintptr_t)s);
    for (WCHAR *p = s; *p; p++)
        *p = wchar_upper(*p);
    return s;
}

WCHAR *WINAPI CharLowerW(WCHAR *s)
{
    if (is_char_arg(s))
        return (WCHAR *)(uintptr_t)wchar_lower((WCHAR)(uintptr_t)s);
    for (WCHAR *p = s; *p; p++)
        *p = wchar_lower(*p);
    return s;
}

DWORD WINAPI CharUpperBuffW(WCHAR *s, DWORD len)
{
    for (DWORD i = 0; i < len; i++)
        s[i] = wchar_upper(s[i]);
    return len;
}

DWORD WINAPI CharLowerBuffW(WCHAR *s, DWORD len)
{
    for (DWORD i = 0; i < len; i++)
        s[i] = wchar_lower(s[i]);
    return len;
}

/* The A forms change ASCII letters only, and step over double-byte
 * characters, whose trail bytes may look like ASCII letters. */
char *WINAPI CharUpperA(char *s)
{
    if (is_char_arg(s)) {
        int c = (int)(uintptr_t)s & 0xff;
        return (char *)(uintptr_t)(c >= 'a' && c <= 'z' ? c - 32 : c);
    }
    for (char *p = s; *p; p = CharNextA(p))
        if (*p >= 'a' && *p <= 'z')
            *p -= 32;
    return s;
}

char *WINAPI CharLowerA(char *s)
{
    if (is_char_arg(s)) {
        int c = (int)(uintptr_t)s & 0xff;
        return (char *)(uintptr_t)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    for (char *p = s; *p; p = CharNextA(p))
        if (*p >= 'A' && *p <= 'Z')
            *p += 32;
    return s;
}

WCHAR *WINAPI CharNextW(const WCHAR *s)
{
    return (WCHAR *)(*s ? s + 1 : s);
}

WCHAR *WINAPI CharPrevW(const WCHAR *start, const WCHAR *s)
{
    return (WCHAR *)(s > start ? s - 1 : start);
}

/* CP_ACP, CP_OEMCP, CP_MACCP and CP_THREAD_ACP (0..3) are the process's
 * own code page. */
static bool is_utf8_cp(WORD cp)
{
    return cp == 65001 || (cp <= 3 && GetACP() == 65001);
}

/* In UTF-8 a character starts at a byte that is not a continuation byte;
 * in a double-byte code page a lead byte takes the next byte with it. */
char *WINAPI CharNextExA(WORD cp, const char *s, DWORD flags)
{
    (void)flags;
    if (!*s)
        return (char *)s;
    if (is_utf8_cp(cp)) {
        s++;
        while ((*s & 0xc0) == 0x80)
            s++;
        return (char *)s;
    }
    return (char *)(IsDBCSLeadByteEx(cp, (BYTE)*s) && s[1] ? s + 2 : s + 1);
}

char *WINAPI CharNextA(const char *s)
{
    return CharNextExA(0, s, 0);
}

char *WINAPI CharPrevExA(WORD cp, const char *start, const char *s, DWORD flags)
{
    if (s <= start)
        return (char *)start;
    if (is_utf8_cp(cp)) {
        s--;
        while (s > start && (*s & 0xc0) == 0x80)
            s--;
        return (char *)s;
    }
    /* A trail byte may also be a lead byte or a character of its own:
     * only a walk from the start tells where the characters begin. */
    const char *p = start;
    for (;;) {
        const char *next = CharNextExA(cp, p, flags);
        if (next >= s || next == p)
            return (char *)p;
        p = next;
    }
}

char *WINAPI CharPrevA(const char *start, const char *s)
{
    return CharPrevExA(0, start, s, 0);
}

/* Letters with case, the caseless Latin ones, and the big caseless
 * scripts (kana, CJK ideographs, Hangul) that Windows also calls alpha. */
BOOL WINAPI IsCharAlphaW(WCHAR c)
{
    return wchar_upper(c) != wchar_lower(c) || c == 0xaa || c == 0xba || c == 0xdf ||
           (c >= 0x3041 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff) ||
           (c >= 0xac00 && c <= 0xd7a3);
}

BOOL WINAPI IsCharAlphaNumericW(WCHAR c)
{
    return IsCharAlphaW(c) || (c >= '0' && c <= '9');
}

BOOL WINAPI IsCharUpperW(WCHAR c)
{
    return wchar_lower(c) != c;
}

BOOL WINAPI IsCharLowerW(WCHAR c)
{
    return wchar_upper(c) != c;
}
