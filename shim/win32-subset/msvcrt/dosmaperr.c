/* _dosmaperr: the errno the CRT gives each Win32 error. */
#include "msvcrt.spec.h"
#include "runtime_private.h"

static const struct {
    unsigned short win32;
    unsigned char err;
} g_map[] = {
    { 1, MSVCRT_EINVAL },    /* ERROR_INVALID_FUNCTION */
    { 2, MSVCRT_ENOENT },    /* ERROR_FILE_NOT_FOUND */
    { 3, MSVCRT_ENOENT },    /* ERROR_PATH_NOT_FOUND */
    { 4, MSVCRT_EMFILE },    /* ERROR_TOO_MANY_OPEN_FILES */
    { 5, MSVCRT_EACCES },    /* ERROR_ACCESS_DENIED */
    { 6, MSVCRT_EBADF },     /* ERROR_INVALID_HANDLE */
    { 7, MSVCRT_ENOMEM },    /* ERROR_ARENA_TRASHED */
    { 8, MSVCRT_ENOMEM },    /* ERROR_NOT_ENOUGH_MEMORY */
    { 9, MSVCRT_ENOMEM },    /* ERROR_INVALID_BLOCK */
    { 10, MSVCRT_E2BIG },    /* ERROR_BAD_ENVIRONMENT */
    { 11, MSVCRT_ENOEXEC },  /* ERROR_BAD_FORMAT */
    { 12, MSVCRT_EINVAL },   /* ERROR_INVALID_ACCESS */
    { 13, MSVCRT_EINVAL },   /* ERROR_INVALID_DATA */
    { 15, MSVCRT_ENOENT },   /* ERROR_INVALID_DRIVE */
    { 16, MSVCRT_EACCES },   /* ERROR_CURRENT_DIRECTORY */
    { 17, MSVCRT_EXDEV },    /* ERROR_NOT_SAME_DEVICE */
    { 18, MSVCRT_ENOENT },   /* ERROR_NO_MORE_FILES */
    { 33, MSVCRT_EACCES },   /* ERROR_LOCK_VIOLATION */
    { 53, MSVCRT_ENOENT },   /* ERROR_BAD_NETPATH */
    { 65, MSVCRT_EACCES },   /* ERROR_NETWORK_ACCESS_DENIED */
    { 67, MSVCRT_ENOENT },   /* ERROR_BAD_NET_NAME */
    { 80, MSVCRT_EEXIST },   /* ERROR_FILE_EXISTS */
    { 82, MSVCRT_EACCES },   /* ERROR_CANNOT_MAKE */
    { 83, MSVCRT_EACCES },   /* ERROR_FAIL_I24 */
    { 87, MSVCRT_EINVAL },   /* ERROR_INVALID_PARAMETER */
    { 89, MSVCRT_EAGAIN },   /* ERROR_NO_PROC_SLOTS */
    { 108, MSVCRT_EACCES },  /* ERROR_DRIVE_LOCKED */
    { 109, MSVCRT_EPIPE },   /* ERROR_BROKEN_PIPE */
    { 112, MSVCRT_ENOSPC },  /* ERROR_DISK_FULL */
    { 114, MSVCRT_EBADF },   /* ERROR_INVALID_TARGET_HANDLE */
    { 128, MSVCRT_ECHILD },  /* ERROR_WAIT_NO_CHILDREN */
    { 129, MSVCRT_ECHILD },  /* ERROR_CHILD_NOT_COMPLETE */
    { 130, MSVCRT_EBADF },   /* ERROR_DIRECT_ACCESS_HANDLE */
    { 131, MSVCRT_EINVAL },  /* ERROR_NEGATIVE_SEEK */
    { 132, MSVCRT_EACCES },  /* ERROR_SEEK_ON_DEVICE */
    { 145, MSVCRT_ENOTEMPTY }, /* ERROR_DIR_NOT_EMPTY */
    { 158, MSVCRT_EACCES },  /* ERROR_NOT_LOCKED */
    { 161, MSVCRT_ENOENT },  /* ERROR_BAD_PATHNAME */
    { 164, MSVCRT_EAGAIN },  /* ERROR_MAX_THRDS_REACHED */
    { 167, MSVCRT_EACCES },  /* ERROR_LOCK_FAILED */
    { 183, MSVCRT_EEXIST },  /* ERROR_ALREADY_EXISTS */
    { 206, MSVCRT_ENOENT },  /* ERROR_FILENAME_EXCED_RANGE */
    { 215, MSVCRT_EAGAIN },  /* ERROR_NESTING_NOT_ALLOWED */
    { 1816, MSVCRT_ENOMEM }, /* ERROR_NOT_ENOUGH_QUOTA */
};

static int errno_from_win32(DWORD err)
{
    for (size_t i = 0; i < sizeof g_map / sizeof g_map[0]; i++)
        if (g_map[i].win32 == err)
            return g_map[i].err;
    /* ERROR_WRITE_PROTECT..ERROR_SHARING_BUFFER_EXCEEDED */
    if (err >= 19 && err <= 36)
        return MSVCRT_EACCES;
    /* ERROR_INVALID_STARTING_CODESEG..ERROR_INFLOOP_IN_RELOC_CHAIN */
    if (err >= 188 && err <= 202)
        return MSVCRT_ENOEXEC;
    return MSVCRT_EINVAL;
}

void msvcrt_set_errno_from_win32(DWORD err)
{
    *msvcrt_doserrno_location() = err;
    msvcrt_set_errno(errno_from_win32(err));
}

void CDECL msvcrt__dosmaperr(ULONG err)
{
    msvcrt_set_errno_from_win32((DWORD)err);
}
