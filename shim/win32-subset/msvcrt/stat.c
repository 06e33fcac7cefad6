/* _stat and _fstat in each of the CRT's layouts of struct _stat (32- or
 * 64-bit times and sizes). */
#include <stdlib.h>
#include <string.h>
#include "kernel32.spec.h"
#include "lv/w32file.h"
#include "msvcrt.spec.h"
#include "ucrtbase.spec.h"
#include "stdio_private.h"

#define GET_FILE_EX_INFO_STANDARD 0

struct stat_info {
    uint32_t dev;
    unsigned short mode;
    short nlink;
    int64_t size;
    int64_t atime, mtime, ctime;
};

static int64_t unix_time(const FILETIME *ft)
{
    int64_t v = (int64_t)(filetime_to_u64(ft) - FILETIME_UNIX_EPOCH);
    return v < 0 ? -1 : v / 10000000;
}

static unsigned short mode_of(DWORD attrs, const WCHAR *path)
{
    unsigned short mode = MSVCRT_S_IREAD | MSVCRT_S_IREAD >> 3 | MSVCRT_S_IREAD >> 6;
    if (!(attrs & FILE_ATTRIBUTE_READONLY))
        mode |= MSVCRT_S_IWRITE | MSVCRT_S_IWRITE >> 3 | MSVCRT_S_IWRITE >> 6;
    bool exec = attrs & FILE_ATTRIBUTE_DIRECTORY;
    if (path && !exec) {
        size_t n = 0;
        while (path[n])
            n++;
        if (n >= 4 && path[n - 4] == '.') {
            char ext[3];
            for (int i = 0; i < 3; i++)
                ext[i] = (char)(path[n - 3 + i] | 0x20);
            exec = !memcmp(ext, "exe", 3) || !memcmp(ext, "com", 3)
                   || !memcmp(ext, "bat", 3) || !memcmp(ext, "cmd", 3);
        }
    }
    if (exec)
        mode |= MSVCRT_S_IEXEC | MSVCRT_S_IEXEC >> 3 | MSVCRT_S_IEXEC >> 6;
    return mode | ((attrs & FILE_ATTRIBUTE_DIRECTORY) ? MSVCRT_S_IFDIR : MSVCRT_S_IFREG);
}

static int drive_of(const WCHAR *path)
{
    WCHAR c = path[0] | 0x20;
    if (c >= 'a' && c <= 'z' && path[1] == ':')
        return c - 'a';
    return msvcrt__getdrive() - 1;
}

static int wstat_info(const WCHAR *path, struct stat_info *st)
{
    WIN32_FILE_ATTRIBUTE_DATA d;
    if (!path) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    size_t n = 0;
    while (path[n])
        n++;
    if (!n || !GetFileAttributesExW(path, GET_FILE_EX_INFO_STANDARD, &d)) {
        msvcrt_set_errno(MSVCRT_ENOENT);
        return -1;
    }
    /* "file\" names no file; "dir\" is the folder. */
    if ((path[n - 1] == '\\' || path[n - 1] == '/')
        && !(d.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY)) {
        msvcrt_set_errno(MSVCRT_ENOENT);
        return -1;
    }
    st->dev = drive_of(path);
    st->mode = mode_of(d.dwFileAttributes, path);
    st->nlink = 1;
    st->size = (int64_t)d.nFileSizeHigh << 32 | d.nFileSizeLow;
    st->atime = unix_time(&d.ftLastAccessTime);
    st->mtime = unix_time(&d.ftLastWriteTime);
    st->ctime = unix_time(&d.ftCreationTime);
    return 0;
}

static int stat_info_a(const char *path, struct stat_info *st)
{
    if (!path) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    WCHAR *w = msvcrt_a_to_w(path);
    if (!w)
        return -1;
    int ret = wstat_info(w, st);
    free(w);
    return ret;
}

static int fstat_info(int fd, struct stat_info *st)
{
    struct fd_entry *e = msvcrt_fd_lock(fd);
    if (!e)
        return -1;
    HANDLE h = e->handle;
    unsigned flags = e->flags;
    msvcrt_fd_unlock(e);
    *st = (struct stat_info){ 0 };
    st->nlink = 1;
    if (flags & (FD_DEV | FD_PIPE)) {
        st->dev = fd;
        st->mode = (flags & FD_DEV) ? MSVCRT_S_IFCHR : MSVCRT_S_IFIFO;
        return 0;
    }
    BY_HANDLE_FILE_INFORMATION info;
    if (!GetFileInformationByHandle(h, &info)) {
        msvcrt_set_errno(MSVCRT_EBADF);
        return -1;
    }
    st->mode = mode_of(info.dwFileAttributes & ~FILE_ATTRIBUTE_DIRECTORY, NULL);
    if (info.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY)
        st->mode = (st->mode & ~MSVCRT_S_IFREG) | MSVCRT_S_IFDIR;
    st->nlink = (short)info.nNumberOfLinks;
    st->size = (int64_t)info.nFileSizeHigh << 32 | info.nFileSizeLow;
    st->atime = unix_time(&info.ftLastAccessTime);
    st->mtime = unix_time(&info.ftLastWriteTime);
    st->ctime = unix_time(&info.ftCreationTime);
    return 0;
}

#define STAT(tag, time_t_, off_t_)                                      \
    struct tag {                                                        \
        uint32_t dev;                                                   \
        unsigned short ino, mode;                                       \
        short nlink, uid, gid;                                          \
        uint32_t rdev;                                                  \
        off_t_ size;                                                    \
        time_t_ atime, mtime, ctime;                                    \
    };                                                                  \
    static void fill_##tag(struct tag *out, const struct stat_info *i)  \
    {                                                                   \
        *out = (struct tag){ 0 };                                       \
        out->dev = out->rdev = i->dev;                                  \
        out->mode = i->mode;                                            \
        out->nlink = i->nlink;                                          \
        out->size = (off_t_)i->size;                                    \
        out->atime = (time_t_)i->atime;                                 \
        out->mtime = (time_t_)i->mtime;                                 \
        out->ctime = (time_t_)i->ctime;                                 \
    }

STAT(st32, int32_t, int32_t)
STAT(st32i64, int32_t, int64_t)
STAT(st64i32, int64_t, int32_t)
STAT(st64, int64_t, int64_t)
_Static_assert(sizeof(struct st32) == 36 && sizeof(struct st32i64) == 48
               && sizeof(struct st64i32) == 48 && sizeof(struct st64) == 56,
               "struct _stat layouts");

#define STAT_FUNCS(name, wname, fname, tag)                             \
    int CDECL msvcrt_##name(const char *path, void *buf)                \
    {                                                                   \
        struct stat_info i;                                             \
        if (!buf) {                                                     \
            msvcrt_set_errno(MSVCRT_EINVAL);                            \
            return -1;                                                  \
        }                                                               \
        if (stat_info_a(path, &i))                                      \
            return -1;                                                  \
        fill_##tag(buf, &i);                                            \
        return 0;                                                       \
    }                                                                   \
    int CDECL msvcrt_##wname(const WCHAR *path, void *buf)              \
    {                                                                   \
        struct stat_info i;                                             \
        if (!buf) {                                                     \
            msvcrt_set_errno(MSVCRT_EINVAL);                            \
            return -1;                                                  \
        }                                                               \
        if (wstat_info(path, &i))                                       \
            return -1;                                                  \
        fill_##tag(buf, &i);                                            \
        return 0;                                                       \
    }                                                                   \
    int CDECL msvcrt_##fname(int fd, void *buf)                         \
    {                                                                   \
        struct stat_info i;                                             \
        if (!buf) {                                                     \
            msvcrt_set_errno(MSVCRT_EINVAL);                            \
            return -1;                                                  \
        }                                                               \
        if (fstat_info(fd, &i))                                         \
            return -1;                                                  \
        fill_##tag(buf, &i);                                            \
        return 0;                                                       \
    }

/* msvcrt's x64 struct _stat has 64-bit times and a 32-bit size. */
STAT_FUNCS(_stat, _wstat, _fstat, st64i32)
STAT_FUNCS(_stati64, _wstati64, _fstati64, st64)
STAT_FUNCS(_stat32, _wstat32, _fstat32, st32)
STAT_FUNCS(_stat32i64, _wstat32i64, _fstat32i64, st32i64)
STAT_FUNCS(_stat64i32, _wstat64i32, _fstat64i32, st64i32)
STAT_FUNCS(_stat64, _wstat64, _fstat64, st64)
