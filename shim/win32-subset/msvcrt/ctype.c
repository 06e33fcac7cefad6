/* <ctype.h> in the "C" locale: bytes above 127 belong to no class. */
#include "libc_private.h"
#include "msvcrt.spec.h"

#define C MSVCRT_CONTROL
#define S (MSVCRT_SPACE | MSVCRT_CONTROL)
#define P MSVCRT_PUNCT
#define D (MSVCRT_DIGIT | MSVCRT_HEX)
#define UX (0x0100 | MSVCRT_UPPER | MSVCRT_HEX)
#define U (0x0100 | MSVCRT_UPPER)
#define LX (0x0100 | MSVCRT_LOWER | MSVCRT_HEX)
#define L (0x0100 | MSVCRT_LOWER)

const unsigned short msvcrt__ctype[257] = {
    0,
    C, C, C, C, C, C, C, C, C, S, S, S, S, S, C, C,
    C, C, C, C, C, C, C, C, C, C, C, C, C, C, C, C,
    MSVCRT_SPACE | MSVCRT_BLANK, P, P, P, P, P, P, P, P, P, P, P, P, P, P, P,
    D, D, D, D, D, D, D, D, D, D, P, P, P, P, P, P,
    P, UX, UX, UX, UX, UX, UX, U, U, U, U, U, U, U, U, U,
    U, U, U, U, U, U, U, U, U, U, U, P, P, P, P, P,
    P, LX, LX, LX, LX, LX, LX, L, L, L, L, L, L, L, L, L,
    L, L, L, L, L, L, L, L, L, L, L, P, P, P, P, C,
};

const unsigned short *msvcrt__pctype = msvcrt__ctype + 1;

CDECL const unsigned short *msvcrt___pctype_func(void)
{
    return msvcrt__pctype;
}

CDECL int msvcrt__isctype(int c, int mask)
{
    return libc_ctype(c, mask);
}

CDECL int msvcrt__isctype_l(int c, int mask, void *locale)
{
    (void)locale;
    return libc_ctype(c, mask);
}

CDECL int msvcrt_isalpha(int c) { return libc_ctype(c, MSVCRT_ALPHA); }
CDECL int msvcrt_isupper(int c) { return libc_ctype(c, MSVCRT_UPPER); }
CDECL int msvcrt_islower(int c) { return libc_ctype(c, MSVCRT_LOWER); }
CDECL int msvcrt_isdigit(int c) { return libc_ctype(c, MSVCRT_DIGIT); }
CDECL int msvcrt_isxdigit(int c) { return libc_ctype(c, MSVCRT_HEX); }
CDECL int msvcrt_isspace(int c) { return libc_ctype(c, MSVCRT_SPACE); }
CDECL int msvcrt_ispunct(int c) { return libc_ctype(c, MSVCRT_PUNCT); }
CDECL int msvcrt_iscntrl(int c) { return libc_ctype(c, MSVCRT_CONTROL); }

CDECL int msvcrt_isalnum(int c)
{
    return libc_ctype(c, MSVCRT_ALPHA | MSVCRT_DIGIT);
}

CDECL int msvcrt_isgraph(int c)
{
    return libc_ctype(c, MSVCRT_ALPHA | MSVCRT_DIGIT | MSVCRT_PUNCT);
}

CDECL int msvcrt_isprint(int c)
{
    return libc_ctype(c, MSVCRT_ALPHA | MSVCRT_DIGIT | MSVCRT_PUNCT |
                             MSVCRT_BLANK);
}

CDECL int msvcrt_isblank(int c)
{
    return c == ' ' || c == '\t';
}

CDECL int msvcrt___isascii(int c)
{
    return (unsigned)c < 0x80;
}

CDECL int msvcrt___toascii(int c)
{
    return c & 0x7f;
}

CDECL int msvcrt___iscsymf(int c)
{
    return c == '_' || libc_ctype(c, MSVCRT_ALPHA);
}

CDECL int msvcrt___iscsym(int c)
{
    return c == '_' || libc_ctype(c, MSVCRT_ALPHA | MSVCRT_DIGIT);
}

CDECL int msvcrt_toupper(int c)
{
    return libc_ctype(c, MSVCRT_LOWER) ? c - 'a' + 'A' : c;
}

CDECL int msvcrt_tolower(int c)
{
    return libc_ctype(c, MSVCRT_UPPER) ? c - 'A' + 'a' : c;
}

/* The unchecked forms: callers promise a letter of the right case. */
CDECL int msvcrt__toupper(int c)
{
    return c - 'a' + 'A';
}

CDECL int msvcrt__tolower(int c)
{
    return c - 'A' + 'a';
}
