/* perror: "prefix: message" on stderr, in msvcrt's words. */
#include <stdlib.h>
#include <string.h>
#include "msvcrt.spec.h"
#include "stdio_private.h"

/* The one message table: strerror's (_sys_errlist). */
static const char *message(int err)
{
    return msvcrt_strerror(err);
}

void CDECL msvcrt_perror(const char *prefix)
{
    MSVCRT_FILE *err = &msvcrt__iob[2];
    const char *msg = message(*msvcrt_errno_location());
    msvcrt_stream_lock(err);
    if (prefix && *prefix) {
        msvcrt_stream_write(err, prefix, strlen(prefix));
        msvcrt_stream_write(err, ": ", 2);
    }
    msvcrt_stream_write(err, msg, strlen(msg));
    msvcrt_stream_write(err, "\n", 1);
    msvcrt_stream_end_call(err);
    msvcrt_stream_unlock(err);
}

void CDECL msvcrt__wperror(const WCHAR *prefix)
{
    MSVCRT_FILE *err = &msvcrt__iob[2];
    const char *msg = message(*msvcrt_errno_location());
    msvcrt_stream_lock(err);
    if (prefix && *prefix) {
        char *a = msvcrt_w_to_a(prefix);
        if (a) {
            msvcrt_stream_write(err, a, strlen(a));
            msvcrt_stream_write(err, ": ", 2);
        }
        free(a);
    }
    msvcrt_stream_write(err, msg, strlen(msg));
    msvcrt_stream_write(err, "\n", 1);
    msvcrt_stream_end_call(err);
    msvcrt_stream_unlock(err);
}
