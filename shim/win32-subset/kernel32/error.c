#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include "kernel32.spec.h"
#include "lv/w32error.h"
#include "lv/wstr.h"

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

/* System messages only, the way console programs report errors. Inserts
 * (%1...) in message strings are not expanded: programs pass
 * FORMAT_MESSAGE_IGNORE_INSERTS for system messages. */
static const char *system_message(DWORD flags, DWORD code)
{
    if (!(flags & FORMAT_MESSAGE_FROM_SYSTEM))
        return NULL;
    for (size_t i = 0; i < sizeof messages / sizeof messages[0]; i++)
        if (messages[i].code == code)
            return messages[i].text;
    return NULL;
}

DWORD WINAPI FormatMessageW(DWORD flags, const void *source, DWORD code, DWORD lang,
                            WCHAR *buffer, DWORD size, void *args)
{
    (void)lang, (void)args;
    const char *text = flags & FORMAT_MESSAGE_FROM_STRING ? NULL : system_message(flags, code);
    char *owned = NULL;
    if (flags & FORMAT_MESSAGE_FROM_STRING)
        text = owned = wstr_to_utf8(source);
    if (!text) {
        SetLastError(ERROR_MR_MID_NOT_FOUND);
        return 0;
    }
    char line[1024];
    snprintf(line, sizeof line, "%s%s", text,
             flags & FORMAT_MESSAGE_FROM_STRING ? "" : "\r\n");
    free(owned);
    WCHAR *w = utf8_to_wstr(line);
    DWORD n = (DWORD)wstr_len(w);
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
    WCHAR *wsource = flags & FORMAT_MESSAGE_FROM_STRING ? utf8_to_wstr(source) : NULL;
    WCHAR *wbuf = NULL;
    DWORD n = FormatMessageW(flags | FORMAT_MESSAGE_ALLOCATE_BUFFER,
                             wsource ? wsource : source, code, lang, (WCHAR *)&wbuf, 0, args);
    free(wsource);
    if (!n)
        return 0;
    char *u = wstr_to_utf8(wbuf);
    LocalFree(wbuf);
    n = (DWORD)strlen(u);
    if (flags & FORMAT_MESSAGE_ALLOCATE_BUFFER) {
        char *out = LocalAlloc(0, n + 1);
        memcpy(out, u, n + 1);
        *(char **)buffer = out;
    } else if (n + 1 > size) {
        free(u);
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    } else {
        memcpy(buffer, u, n + 1);
    }
    free(u);
    return n;
}
