/* strerror and its kin with Windows' messages, indexed by Windows' errno
 * numbers; beyond the table every number is "Unknown error". */
#include <string.h>
#include "libc_private.h"
#include "lv/wstr.h"
#include "msvcrt.spec.h"
#include "ucrtbase.spec.h"

const char *msvcrt__sys_errlist[44] = {
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
    "Directory not empty", "Illegal byte sequence", "Unknown error",
};

int msvcrt__sys_nerr = 43;

static const char *libc_message(int err)
{
    return err >= 0 && err < msvcrt__sys_nerr ? msvcrt__sys_errlist[err]
                                              : msvcrt__sys_errlist[43];
}

CDECL const char **ucrt___sys_errlist(void)
{
    return msvcrt__sys_errlist;
}

CDECL int *ucrt___sys_nerr(void)
{
    return &msvcrt__sys_nerr;
}

CDECL char *msvcrt_strerror(int err)
{
    return (char *)libc_message(err);
}

CDECL int msvcrt_strerror_s(char *buf, size_t size, int err)
{
    const char *msg = libc_message(err);
    size_t len = strlen(msg);

    if (!buf || !size) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    if (len >= size)
        len = size - 1;
    memcpy(buf, msg, len);
    buf[len] = 0;
    return 0;
}

/* "prefix: message\n", or "message\n": for the calling thread's errno. */
static void libc_strerror_line(char *out, size_t size, const char *prefix)
{
    const char *msg = libc_message(*msvcrt_errno_location());

    out[0] = 0;
    if (prefix && *prefix) {
        strncat(out, prefix, size - 1);
        strncat(out, ": ", size - 1 - strlen(out));
    }
    strncat(out, msg, size - 1 - strlen(out));
    strncat(out, "\n", size - 1 - strlen(out));
}

CDECL char *msvcrt__strerror(const char *prefix)
{
    static __thread char line[128];

    libc_strerror_line(line, sizeof line, prefix);
    return line;
}

CDECL int msvcrt__strerror_s(char *buf, size_t size, const char *prefix)
{
    if (!buf || !size) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    libc_strerror_line(buf, size, prefix);
    return 0;
}

CDECL WCHAR *msvcrt__wcserror(int err)
{
    static __thread WCHAR text[64];

    utf8_to_utf16(libc_message(err), (size_t)-1, text, 64, NULL);
    return text;
}

CDECL int msvcrt__wcserror_s(WCHAR *buf, size_t size, int err)
{
    if (!buf || !size) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    if (utf8_to_utf16(libc_message(err), (size_t)-1, NULL, 0, NULL) > size)
        buf[0] = 0;
    else
        utf8_to_utf16(libc_message(err), (size_t)-1, buf, size, NULL);
    return 0;
}
