/* Operations on files by name: access checks, permissions, removal,
 * renaming and their times. */
#include <stdlib.h>
#include "kernel32.spec.h"
#include "lv/w32file.h"
#include "msvcrt.spec.h"
#include "ucrtbase.spec.h"
#include "stdio_private.h"

#define MOVEFILE_COPY_ALLOWED 2

static int result(BOOL ok)
{
    if (ok)
        return 0;
    msvcrt_set_errno_from_win32(GetLastError());
    return -1;
}

/* Call fn with the wide form of a narrow path. */
#define NARROW(wname, ...)                                              \
    {                                                                   \
        if (!path) {                                                    \
            msvcrt_set_errno(MSVCRT_EINVAL);                            \
            return -1;                                                  \
        }                                                               \
        WCHAR *w = msvcrt_a_to_w(path);                                 \
        if (!w)                                                         \
            return -1;                                                  \
        int ret = wname(w, ##__VA_ARGS__);                              \
        free(w);                                                        \
        return ret;                                                     \
    }

int CDECL msvcrt__waccess_s(const WCHAR *path, int mode)
{
    if (!path || (mode & ~6)) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    DWORD attrs = GetFileAttributesW(path);
    if (attrs == INVALID_FILE_ATTRIBUTES) {
        msvcrt_set_errno_from_win32(GetLastError());
        return *msvcrt_errno_location();
    }
    if ((mode & 2) && (attrs & FILE_ATTRIBUTE_READONLY) && !(attrs & FILE_ATTRIBUTE_DIRECTORY)) {
        msvcrt_set_errno(MSVCRT_EACCES);
        return MSVCRT_EACCES;
    }
    return 0;
}

int CDECL msvcrt__waccess(const WCHAR *path, int mode)
{
    return msvcrt__waccess_s(path, mode) ? -1 : 0;
}

int CDECL msvcrt__access(const char *path, int mode)
    NARROW(msvcrt__waccess, mode)

int CDECL msvcrt__access_s(const char *path, int mode)
{
    if (!path) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    return msvcrt__access(path, mode) ? *msvcrt_errno_location() : 0;
}

int CDECL msvcrt__wchmod(const WCHAR *path, int mode)
{
    DWORD attrs = GetFileAttributesW(path);
    if (attrs == INVALID_FILE_ATTRIBUTES)
        return result(FALSE);
    if (mode & MSVCRT_S_IWRITE)
        attrs &= ~FILE_ATTRIBUTE_READONLY;
    else
        attrs |= FILE_ATTRIBUTE_READONLY;
    return result(SetFileAttributesW(path, attrs));
}

int CDECL msvcrt__chmod(const char *path, int mode)
    NARROW(msvcrt__wchmod, mode)

int CDECL msvcrt__wunlink(const WCHAR *path)
{
    return result(DeleteFileW(path));
}

int CDECL msvcrt__unlink(const char *path)
    NARROW(msvcrt__wunlink)

int CDECL msvcrt__wremove(const WCHAR *path)
{
    return result(DeleteFileW(path));
}

int CDECL msvcrt_remove(const char *path)
    NARROW(msvcrt__wremove)

int CDECL msvcrt__wrename(const WCHAR *from, const WCHAR *to)
{
    return result(MoveFileExW(from, to, MOVEFILE_COPY_ALLOWED));
}

int CDECL msvcrt_rename(const char *from, const char *to)
{
    if (!from || !to) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    WCHAR *wf = msvcrt_a_to_w(from), *wt = msvcrt_a_to_w(to);
    int ret = wf && wt ? msvcrt__wrename(wf, wt) : -1;
    free(wf);
    free(wt);
    return ret;
}

struct utimbuf64 {
    int64_t actime, modtime;
};

struct utimbuf32 {
    int32_t actime, modtime;
};

static int set_times(HANDLE h, int64_t atime, int64_t mtime)
{
    FILETIME a = filetime_from_u64(FILETIME_UNIX_EPOCH + atime * 10000000ull);
    FILETIME m = filetime_from_u64(FILETIME_UNIX_EPOCH + mtime * 10000000ull);
    if (SetFileTime(h, NULL, &a, &m))
        return 0;
    msvcrt_set_errno_from_win32(GetLastError());
    return -1;
}

static int futime(int fd, int64_t atime, int64_t mtime)
{
    struct fd_entry *e = msvcrt_fd_lock(fd);
    if (!e)
        return -1;
    int ret = set_times(e->handle, atime, mtime);
    msvcrt_fd_unlock(e);
    return ret;
}

static int wutime(const WCHAR *path, int64_t atime, int64_t mtime)
{
    if (!path) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    HANDLE h = CreateFileW(path, FILE_WRITE_ATTRIBUTES, FILE_SHARE_READ | FILE_SHARE_WRITE,
                           NULL, OPEN_EXISTING, FILE_FLAG_BACKUP_SEMANTICS, NULL);
    if (h == INVALID_HANDLE_VALUE)
        return result(FALSE);
    int ret = set_times(h, atime, mtime);
    CloseHandle(h);
    return ret;
}

static int64_t now(void)
{
    FILETIME ft;
    GetSystemTimeAsFileTime(&ft);
    return (int64_t)(filetime_to_u64(&ft) - FILETIME_UNIX_EPOCH) / 10000000;
}

int CDECL msvcrt__wutime64(const WCHAR *path, void *times)
{
    const struct utimbuf64 *t = times;
    int64_t n = t ? 0 : now();
    return wutime(path, t ? t->actime : n, t ? t->modtime : n);
}

int CDECL msvcrt__wutime32(const WCHAR *path, void *times)
{
    const struct utimbuf32 *t = times;
    int64_t n = t ? 0 : now();
    return wutime(path, t ? t->actime : n, t ? t->modtime : n);
}

int CDECL msvcrt__wutime(const WCHAR *path, void *times)
{
    return msvcrt__wutime64(path, times);
}

int CDECL msvcrt__utime64(const char *path, void *times)
    NARROW(msvcrt__wutime64, times)

int CDECL msvcrt__utime32(const char *path, void *times)
    NARROW(msvcrt__wutime32, times)

int CDECL msvcrt__utime(const char *path, void *times)
    NARROW(msvcrt__wutime64, times)

int CDECL msvcrt__futime64(int fd, void *times)
{
    const struct utimbuf64 *t = times;
    int64_t n = t ? 0 : now();
    return futime(fd, t ? t->actime : n, t ? t->modtime : n);
}

int CDECL msvcrt__futime32(int fd, void *times)
{
    const struct utimbuf32 *t = times;
    int64_t n = t ? 0 : now();
    return futime(fd, t ? t->actime : n, t ? t->modtime : n);
}

int CDECL msvcrt__futime(int fd, void *times)
{
    return msvcrt__futime64(fd, times);
}
