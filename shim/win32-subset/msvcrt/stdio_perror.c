/* perror: "prefix: message" on stderr, in msvcrt's words. The libc area's
 * strerror keeps the same table; this one stays until it is shared. */
#include <stdlib.h>
#include <string.h>
#include "msvcrt.spec.h"
#include "stdio_private.h"

static const char *const messages[] = {
    "No error", "Operation not permitted", "No such file or directory",
    "No such process", "Interrupted function call", "Input/output error",
    "No such device or address", "Arg list too long", "Exec format error",
    "Bad file descriptor", "No child processes", "Resource temporarily unavailable",
    "Not enough space", "Permission denied", "Bad address", "Unknown error",
    "Resource device", "File exists", "Improper link", "No such device",
    "Not a directory", "Is a directory", "Invalid argument",
    "Too many open files in system", "Too many open files",
    "Inappropriate I/O control operation", "Unknown error", "File too large",
    "No space left on device", "Invalid seek", "Read-only file system",
    "Too many links", "Broken pipe", "Domain error", "Result too large",
    "Unknown error", "Resource deadlock avoided", "Unknown error",
    "Filename too long", "No locks available", "Function not implemented",
    "Directory not empty", "Illegal byte sequence",
};

static const char *message(int err)
{
    if (err < 0 || err >= (int)(sizeof messages / sizeof messages[0]))
        return "Unknown error";
    return messages[err];
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
