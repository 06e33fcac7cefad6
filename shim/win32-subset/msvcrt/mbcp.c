/* The multibyte code page of the _mbs functions: single-byte (0) or the
 * ANSI code page, UTF-8. */
#include "msvcrt.spec.h"
#include "runtime_private.h"

#define MB_CP_SBCS 0
#define MB_CP_ANSI (-3)
#define MB_CP_LOCALE (-4)

static int g_mbcp;

int CDECL msvcrt__getmbcp(void)
{
    return g_mbcp;
}

int CDECL msvcrt__setmbcp(int cp)
{
    if (cp == MB_CP_ANSI)
        cp = (int)GetACP();
    else if (cp == MB_CP_LOCALE)
        cp = (int)msvcrt____lc_codepage_func();
    if (cp != MB_CP_SBCS && cp != 65001) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    g_mbcp = cp;
    return 0;
}
