/* _tzset and the zone variables, from the host's zone (TZ or the
 * system's). */
#include <string.h>
#include <time.h>
#include "libc_private.h"
#include "msvcrt.spec.h"
#include "ucrtbase.spec.h"

static char g_std_name[64], g_dst_name[64];

LONG msvcrt__timezone;
int msvcrt__daylight;
char *msvcrt__tzname[2] = { g_std_name, g_dst_name };

CDECL void msvcrt__tzset(void)
{
    tzset();
    msvcrt__timezone = (LONG)timezone;
    msvcrt__daylight = daylight;
    strncpy(g_std_name, tzname[0], sizeof g_std_name - 1);
    strncpy(g_dst_name, tzname[1], sizeof g_dst_name - 1);
}

__attribute__((constructor)) static void libc_tz_init(void)
{
    msvcrt__tzset();
}

CDECL LONG *ucrt___timezone(void)
{
    return &msvcrt__timezone;
}

CDECL int *ucrt___daylight(void)
{
    return &msvcrt__daylight;
}

CDECL char **ucrt___tzname(void)
{
    return msvcrt__tzname;
}

CDECL int msvcrt__get_timezone(LONG *out)
{
    if (!out) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    *out = msvcrt__timezone;
    return 0;
}

CDECL int msvcrt__get_daylight(int *out)
{
    if (!out) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    *out = msvcrt__daylight;
    return 0;
}
