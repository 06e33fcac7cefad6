/* Folders: create, remove, change into, and ask where we are. */
#include <stdlib.h>
#include "kernel32.spec.h"
#include "msvcrt.spec.h"
#include "stdio_private.h"

#define CP_ACP 0

static int result(BOOL ok)
{
    if (ok)
        return 0;
    msvcrt_set_errno_from_win32(GetLastError());
    return -1;
}

static int with_wide(const char *path, int (CDECL *fn)(const WCHAR *))
{
    if (!path) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    WCHAR *w = msvcrt_a_to_w(path);
    if (!w)
        return -1;
    int ret = fn(w);
    free(w);
    return ret;
}

int CDECL msvcrt__wmkdir(const WCHAR *path)
{
    return result(CreateDirectoryW(path, NULL));
}

int CDECL msvcrt__mkdir(const char *path)
{
    return with_wide(path, msvcrt__wmkdir);
}

int CDECL msvcrt__wrmdir(const WCHAR *path)
{
    return result(RemoveDirectoryW(path));
}

int CDECL msvcrt__rmdir(const char *path)
{
    return with_wide(path, msvcrt__wrmdir);
}

int CDECL msvcrt__wchdir(const WCHAR *path)
{
    if (!path) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    return result(SetCurrentDirectoryW(path));
}

int CDECL msvcrt__chdir(const char *path)
{
    return with_wide(path, msvcrt__wchdir);
}

/* The current folder (msvcrt_malloc'd when buf is NULL, at least size). */
WCHAR *CDECL msvcrt__wgetcwd(WCHAR *buf, int size)
{
    DWORD need = GetCurrentDirectoryW(0, NULL);
    if (!need) {
        msvcrt_set_errno_from_win32(GetLastError());
        return NULL;
    }
    if (!buf) {
        size_t n = (size_t)size > need ? (size_t)size : need;
        buf = msvcrt_malloc(n * sizeof(WCHAR));
        if (!buf) {
            msvcrt_set_errno(MSVCRT_ENOMEM);
            return NULL;
        }
    } else if (size <= 0) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return NULL;
    } else if ((DWORD)size < need) {
        msvcrt_set_errno(MSVCRT_ERANGE);
        return NULL;
    }
    GetCurrentDirectoryW(need, buf);
    return buf;
}

char *CDECL msvcrt__getcwd(char *buf, int size)
{
    WCHAR *w = msvcrt__wgetcwd(NULL, 0);
    if (!w)
        return NULL;
    int need = WideCharToMultiByte(CP_ACP, 0, w, -1, NULL, 0, NULL, NULL);
    if (!buf) {
        buf = msvcrt_malloc(size > need ? size : need);
        if (!buf)
            msvcrt_set_errno(MSVCRT_ENOMEM);
    } else if (size <= 0) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        buf = NULL;
    } else if (size < need) {
        msvcrt_set_errno(MSVCRT_ERANGE);
        buf = NULL;
    }
    if (buf)
        WideCharToMultiByte(CP_ACP, 0, w, -1, buf, need, NULL, NULL);
    msvcrt_free(w);
    return buf;
}

int CDECL msvcrt__getdrive(void)
{
    WCHAR *w = msvcrt__wgetcwd(NULL, 0);
    if (!w)
        return 0;
    WCHAR c = w[0] >= 'a' && w[0] <= 'z' ? w[0] - 32 : w[0];
    int drive = w[1] == ':' && c >= 'A' && c <= 'Z' ? c - 'A' + 1 : 0;
    msvcrt_free(w);
    return drive;
}

/* Only the current drive keeps a folder here: another drive's is its root. */
WCHAR *CDECL msvcrt__wgetdcwd(int drive, WCHAR *buf, int size)
{
    if (drive < 0 || drive > 26) {
        msvcrt_set_errno(MSVCRT_EACCES);
        return NULL;
    }
    if (!drive || drive == msvcrt__getdrive())
        return msvcrt__wgetcwd(buf, size);
    if (!buf) {
        buf = msvcrt_malloc((size > 4 ? size : 4) * sizeof(WCHAR));
        if (!buf) {
            msvcrt_set_errno(MSVCRT_ENOMEM);
            return NULL;
        }
    } else if (size < 4) {
        msvcrt_set_errno(MSVCRT_ERANGE);
        return NULL;
    }
    buf[0] = 'A' + drive - 1;
    buf[1] = ':';
    buf[2] = '\\';
    buf[3] = 0;
    return buf;
}

char *CDECL msvcrt__getdcwd(int drive, char *buf, int size)
{
    if (!drive || drive == msvcrt__getdrive())
        return msvcrt__getcwd(buf, size);
    WCHAR root[4];
    if (!msvcrt__wgetdcwd(drive, root, 4))
        return NULL;
    if (!buf) {
        buf = msvcrt_malloc(size > 4 ? size : 4);
        if (!buf) {
            msvcrt_set_errno(MSVCRT_ENOMEM);
            return NULL;
        }
    } else if (size < 4) {
        msvcrt_set_errno(MSVCRT_ERANGE);
        return NULL;
    }
    for (int i = 0; i < 4; i++)
        buf[i] = (char)root[i];
    return buf;
}
