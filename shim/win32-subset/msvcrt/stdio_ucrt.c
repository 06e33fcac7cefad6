/* The UCRT's view of the standard streams: its FILE is opaque, so the
 * same streams serve both. */
#include "ucrtbase.spec.h"
#include "stdio_private.h"

MSVCRT_FILE *CDECL ucrt___acrt_iob_func(unsigned index)
{
    return &msvcrt__iob[index];
}
