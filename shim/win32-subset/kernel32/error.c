#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <stdbool.h>
#include <string.h>
#include "kernel32.spec.h"
#include "lv/w32error.h"
#include "lv/wstr.h"
#include "kernel32_private.h"
#include "format.h"

DWORD w32_error_from_errno(int err)
{
    switch (err) {
    case 0: return ERROR_SUCCESS;
    case ENOENT: return ERROR_FILE_NOT_FOUND;
    case ENOTDIR: return ERROR_PATH_NOT_FOUND;
    case EACCES: case EPERM: return ERROR_ACCESS_DENIED;
    case EROFS: return ERROR_WRITE_PROTECT;
    case EEXIST: return ERROR_ALREADY_EXISTS;
    case EISDIR: return ERROR_ACCESS_DENIED;
    case EBADF: return ERROR_INVALID_HANDLE;
    case EMFILE: case ENFILE: return ERROR_TOO_MANY_OPEN_FILES;
    case ENOMEM: return ERROR_NOT_ENOUGH_MEMORY;
    case ENOSPC: case EDQUOT: return ERROR_DISK_FULL;
    case ENOTEMPTY: return ERROR_DIR_NOT_EMPTY;
    case EXDEV: return ERROR_NOT_SAME_DEVICE;
    case EPIPE: return ERROR_BROKEN_PIPE;
    case ENAMETOOLONG: return ERROR_FILENAME_EXCED_RANGE;
    case EINVAL: return ERROR_INVALID_PARAMETER;
    case ENOSYS: case EOPNOTSUPP: return ERROR_NOT_SUPPORTED;
    case EBUSY: case ETXTBSY: return ERROR_SHARING_VIOLATION;
    case EFAULT: return ERROR_NOACCESS;
    case ELOOP: return ERROR_CANT_RESOLVE_FILENAME;
    case EAGAIN: return ERROR_LOCK_VIOLATION;
    default: return ERROR_GEN_FAILURE;
    }
}

BOOL w32_fail_errno(void)
{
    w32_set_error(w32_error_from_errno(errno));
    return FALSE;
}

DWORD WINAPI GetLastError(void)
{
    return lv_teb()->LastErrorValue;
}

void WINAPI SetLastError(DWORD err)
{
    lv_teb()->LastErrorValue = err;
}

static const struct {
    DWORD code;
    const char *text;
} messages[] = {
    { ERROR_SUCCESS, "The operation completed successfully." },
    { ERROR_INVALID_FUNCTION, "Incorrect function." },
    { ERROR_FILE_NOT_FOUND, "The system cannot find the file specified." },
    { ERROR_PATH_NOT_FOUND, "The system cannot find the path specified." },
    { ERROR_TOO_MANY_OPEN_FILES, "The system cannot open the file." },
    { ERROR_ACCESS_DENIED, "Access is denied." },
    { ERROR_INVALID_HANDLE, "The handle is invalid." },
    { ERROR_NOT_ENOUGH_MEMORY, "Not enough memory resources are available to process this command." },
    { ERROR_INVALID_DATA, "The data is invalid." },
    { ERROR_OUTOFMEMORY, "Not enough memory resources are available to complete this operation." },
    { ERROR_NO_MORE_FILES, "There are no more files." },
    { ERROR_WRITE_PROTECT, "The media is write protected." },
    { ERROR_GEN_FAILURE, "A device attached to the system is not functioning." },
    { ERROR_SHARING_VIOLATION, "The process cannot access the file because it is being used by another process." },
    { ERROR_LOCK_VIOLATION, "The process cannot access the file because another process has locked a portion of the file." },
    { ERROR_HANDLE_EOF, "Reached the end of the file." },
    { ERROR_NOT_SUPPORTED, "The request is not supported." },
    { ERROR_FILE_EXISTS, "The file exists." },
    { ERROR_INVALID_PARAMETER, "The parameter is incorrect." },
    { ERROR_BROKEN_PIPE, "The pipe has been ended." },
    { ERROR_DISK_FULL, "There is not enough space on the disk." },
    { ERROR_CALL_NOT_IMPLEMENTED, "This function is not supported on this system." },
    { ERROR_INSUFFICIENT_BUFFER, "The data area passed to a system call is too small." },
    { ERROR_INVALID_NAME, "The filename, directory name, or volume label syntax is incorrect." },
    { ERROR_MOD_NOT_FOUND, "The specified module could not be found." },
    { ERROR_PROC_NOT_FOUND, "The specified procedure could not be found." },
    { ERROR_DIR_NOT_EMPTY, "The directory is not empty." },
    { ERROR_ALREADY_EXISTS, "Cannot create a file when that file already exists." },
    { ERROR_ENVVAR_NOT_FOUND, "The system could not find the environment option that was entered." },
    { ERROR_FILENAME_EXCED_RANGE, "The filename or extension is too long." },
    { ERROR_MORE_DATA, "More data is available." },
    { ERROR_NO_MORE_ITEMS, "No more data is available." },
    { ERROR_DIRECTORY, "The directory name is invalid." },
    { ERROR_NOACCESS, "Invalid access to memory location." },
    { ERROR_NO_UNICODE_TRANSLATION, "No mapping for the Unicode character exists in the target multi-byte code page." },
    { ERROR_TIMEOUT, "This operation returned because the timeout period expired." },
};

#define FORMAT_MESSAGE_ALLOCATE_BUFFER 0x100
#define FORMAT_MESSAGE_IGNORE_INSERTS 0x200
#define FORMAT_MESSAGE_FROM_STRING 0x400
#define FORMAT_MESSAGE_FROM_SYSTEM 0x1000
#define FORMAT_MESSAGE_ARGUMENT_ARRAY 0x2000

static const char *system_message(DWORD code)
{
    for (size_t i = 0; i < sizeof messages / sizeof messages[0]; i++)
        if (messages[i].code == code)
            return messages[i].text;
    return NULL;
}

/* A growing UTF-16 buffer, the output of message formatting. */
struct wbuf {
    struct fmt_out out;
    WCHAR *p;
    size_t len, cap;
};

static int wbuf_put(struct fmt_out *out, const void *units, size_t count)
{
    struct wbuf *b = (struct wbuf *)out;
    if (b->len + count + 1 > b->cap) {
        b->cap = (b->len + count + 1) * 2;
        b->p = realloc(b->p, b->cap * sizeof(WCHAR));
    }
    memcpy(b->p + b->len, units, count * sizeof(WCHAR));
    b->len += count;
    return 0;
}

static void wbuf_add(struct wbuf *b, const WCHAR *s, size_t n)
{
    wbuf_put(&b->out, s, n);
}

/* Narrow engine output, kept to be converted once. */
struct abuf {
    struct fmt_out out;
    char s[1024];
    size_t len;
};

static int abuf_put(struct fmt_out *out, const void *units, size_t count)
{
    struct abuf *b = (struct abuf *)out;
    if (count > sizeof b->s - 1 - b->len)
        count = sizeof b->s - 1 - b->len;
    memcpy(b->s + b->len, units, count);
    b->len += count;
    return 0;
}

static int WINAPIV format_one_a(struct fmt_out *out, const char *fmt, ...)
{
    __builtin_ms_va_list ap;
    __builtin_ms_va_start(ap, fmt);
    int n = fmt_vprintf(out, fmt, ap, FMT_MSVCRT);
    __builtin_ms_va_end(ap);
    return n;
}

static int WINAPIV format_one_w(struct fmt_out *out, const WCHAR *fmt, ...)
{
    __builtin_ms_va_list ap;
    __builtin_ms_va_start(ap, fmt);
    int n = fmt_vwprintf(out, fmt, ap, FMT_MSVCRT_WIDE);
    __builtin_ms_va_end(ap);
    return n;
}

/* One insert (%N or %N!fmt!) formatted with its argument, through the CRT's
 * engine: the A function's arguments are narrow, the W function's wide. */
static void format_insert(struct wbuf *b, const WCHAR *spec, size_t speclen, DWORD_PTR arg,
                          bool ansi)
{
    WCHAR wfmt[32] = u"%";
    if (speclen > 30)
        speclen = 30;
    memcpy(wfmt + 1, spec, speclen * sizeof(WCHAR));
    wfmt[1 + speclen] = 0;
    if (!ansi) {
        format_one_w(&b->out, wfmt, arg);
        return;
    }
    char afmt[32];
    for (size_t i = 0; i <= speclen + 1; i++)
        afmt[i] = (char)wfmt[i];
    struct abuf a = { { abuf_put }, "", 0 };
    format_one_a(&a.out, afmt, arg);
    a.s[a.len] = 0;
    WCHAR *w = utf8_to_wstr(a.s);
    wbuf_add(b, w, wstr_len(w));
    free(w);
}

/* The message text with its inserts expanded: %1..%99 with an optional
 * !printf-format! (default !s!), %0 ends the text, %n a line break, %% %. %!
 * %r %t their characters. Arguments are an array of pointer-sized values
 * (FORMAT_MESSAGE_ARGUMENT_ARRAY) or read in order from a va_list, whose
 * slots are pointer-sized on x64. */
static bool expand(struct wbuf *b, const WCHAR *src, DWORD flags, void *args, bool ansi)
{
    const DWORD_PTR *argv = NULL;
    if (args)
        argv = (flags & FORMAT_MESSAGE_ARGUMENT_ARRAY) ? (const DWORD_PTR *)args
                                                       : *(const DWORD_PTR **)args;
    for (const WCHAR *p = src; *p; p++) {
        if (*p != '%' || (flags & FORMAT_MESSAGE_IGNORE_INSERTS)) {
            wbuf_add(b, p, 1);
            continue;
        }
        WCHAR c = *++p;
        if (c >= '1' && c <= '9') {
            unsigned n = c - '0';
            if (p[1] >= '0' && p[1] <= '9')
                n = n * 10 + (*++p - '0');
            const WCHAR *spec = u"s";
            size_t speclen = 1;
            if (p[1] == '!') {
                const WCHAR *end = p + 2;
                while (*end && *end != '!')
                    end++;
                if (!*end)
                    return false;
                spec = p + 2;
                speclen = end - spec;
                p = end;
            }
            if (!argv)
                return false;
            format_insert(b, spec, speclen, argv[n - 1], ansi);
        } else if (c == '0') {
            return true;
        } else if (c == 'n') {
            wbuf_add(b, u"\r\n", 2);
        } else if (c == 'r') {
            wbuf_add(b, u"\r", 1);
        } else if (c == 't') {
            wbuf_add(b, u"\t", 1);
        } else if (c) {
            wbuf_add(b, p, 1);
        } else {
            break;
        }
    }
    return true;
}

/* FormatMessage in UTF-16; the A form passes ansi = true for its source
 * string and arguments and converts the result. */
static WCHAR *format_message(DWORD flags, const void *source, DWORD code, void *args,
                             bool ansi, DWORD *len)
{
    WCHAR *src;
    bool system = !(flags & FORMAT_MESSAGE_FROM_STRING);
    if (system) {
        const char *text = (flags & FORMAT_MESSAGE_FROM_SYSTEM) ? system_message(code) : NULL;
        if (!text) {
            SetLastError(ERROR_MR_MID_NOT_FOUND);
            return NULL;
        }
        src = utf8_to_wstr(text);
    } else {
        src = ansi ? ansi_to_wstr(source) : wstr_dup(source);
    }
    struct wbuf b = { { wbuf_put }, NULL, 0, 0 };
    wbuf_add(&b, u"", 0);
    if (!expand(&b, src, flags, args, ansi)) {
        free(src);
        free(b.p);
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    free(src);
    /* System messages end with a line break, as their text files have. */
    if (system)
        wbuf_add(&b, u"\r\n", 2);
    b.p[b.len] = 0;
    *len = (DWORD)b.len;
    return b.p;
}

DWORD WINAPI FormatMessageW(DWORD flags, const void *source, DWORD code, DWORD lang,
                            WCHAR *buffer, DWORD size, void *args)
{
    (void)lang;
    DWORD n;
    WCHAR *w = format_message(flags, source, code, args, false, &n);
    if (!w)
        return 0;
    if (flags & FORMAT_MESSAGE_ALLOCATE_BUFFER) {
        WCHAR *out = LocalAlloc(0, (n + 1) * sizeof(WCHAR));
        memcpy(out, w, (n + 1) * sizeof(WCHAR));
        *(WCHAR **)buffer = out;
    } else if (n + 1 > size) {
        free(w);
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    } else {
        memcpy(buffer, w, (n + 1) * sizeof(WCHAR));
    }
    free(w);
    return n;
}

DWORD WINAPI FormatMessageA(DWORD flags, const void *source, DWORD code, DWORD lang,
                            char *buffer, DWORD size, void *args)
{
    (void)lang;
    DWORD wn;
    WCHAR *w = format_message(flags, source, code, args, true, &wn);
    if (!w)
        return 0;
    DWORD n = (DWORD)wstr_to_ansi_buf(w, NULL, 0);
    if (flags & FORMAT_MESSAGE_ALLOCATE_BUFFER) {
        char *out = LocalAlloc(0, n + 1);
        wstr_to_ansi_buf(w, out, n + 1);
        *(char **)buffer = out;
    } else if (n + 1 > size) {
        free(w);
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    } else {
        wstr_to_ansi_buf(w, buffer, size);
    }
    free(w);
    return n;
}
