/* Looking at files through the view: stat and its variants (the *64,
 * the old __xstat forms, statx), access, readlink, extended attributes,
 * statfs/statvfs, name_to_handle_at. */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/xattr.h>
#include <unistd.h>
#include "wrap.h"

REAL_DECL(fstatat);
REAL_DECL(statx);
REAL_DECL(faccessat);
REAL_DECL(readlinkat);
REAL_DECL(statfs);
REAL_DECL(statvfs);
REAL_DECL(getxattr);
REAL_DECL(lgetxattr);
REAL_DECL(setxattr);
REAL_DECL(lsetxattr);
REAL_DECL(listxattr);
REAL_DECL(llistxattr);
REAL_DECL(removexattr);
REAL_DECL(lremovexattr);
REAL_DECL(name_to_handle_at);

static int how_at(int flags)
{
    return flags & AT_SYMLINK_NOFOLLOW ? 0 : VIEW_FOLLOW;
}

static int do_fstatat(int dirfd, const char *path, struct stat *st, int flags)
{
    VIEW_THROUGH(int, -1, dirfd, path, how_at(flags),
                 REAL(fstatat)(r.dirfd, r.name, st, flags));
}

int W(stat)(const char *path, struct stat *st)
{
    return do_fstatat(AT_FDCWD, path, st, 0);
}

int W(stat64)(const char *path, struct stat64 *st)
{
    return do_fstatat(AT_FDCWD, path, (struct stat *)st, 0);
}

int W(lstat)(const char *path, struct stat *st)
{
    return do_fstatat(AT_FDCWD, path, st, AT_SYMLINK_NOFOLLOW);
}

int W(lstat64)(const char *path, struct stat64 *st)
{
    return do_fstatat(AT_FDCWD, path, (struct stat *)st, AT_SYMLINK_NOFOLLOW);
}

int W(fstatat)(int dirfd, const char *path, struct stat *st, int flags)
{
    return do_fstatat(dirfd, path, st, flags);
}

int W(fstatat64)(int dirfd, const char *path, struct stat64 *st, int flags)
{
    return do_fstatat(dirfd, path, (struct stat *)st, flags);
}

#ifdef VIEW_PRELOAD
/* The pre-2.33 entry points that old binaries still import. */
int __xstat(int ver, const char *path, struct stat *st);
int __xstat64(int ver, const char *path, struct stat64 *st);
int __lxstat(int ver, const char *path, struct stat *st);
int __lxstat64(int ver, const char *path, struct stat64 *st);
int __fxstatat(int ver, int dirfd, const char *path, struct stat *st, int flags);
int __fxstatat64(int ver, int dirfd, const char *path, struct stat64 *st, int flags);

int __xstat(int ver, const char *path, struct stat *st)
{
    (void)ver;
    return do_fstatat(AT_FDCWD, path, st, 0);
}

int __xstat64(int ver, const char *path, struct stat64 *st)
{
    (void)ver;
    return do_fstatat(AT_FDCWD, path, (struct stat *)st, 0);
}

int __lxstat(int ver, const char *path, struct stat *st)
{
    (void)ver;
    return do_fstatat(AT_FDCWD, path, st, AT_SYMLINK_NOFOLLOW);
}

int __lxstat64(int ver, const char *path, struct stat64 *st)
{
    (void)ver;
    return do_fstatat(AT_FDCWD, path, (struct stat *)st, AT_SYMLINK_NOFOLLOW);
}

int __fxstatat(int ver, int dirfd, const char *path, struct stat *st, int flags)
{
    (void)ver;
    return do_fstatat(dirfd, path, st, flags);
}

int __fxstatat64(int ver, int dirfd, const char *path, struct stat64 *st, int flags)
{
    (void)ver;
    return do_fstatat(dirfd, path, (struct stat *)st, flags);
}

int W(statx)(int dirfd, const char *path, int flags, unsigned mask, struct statx *st)
{
    VIEW_THROUGH(int, -1, dirfd, path, how_at(flags),
                 REAL(statx)(r.dirfd, r.name, flags, mask, st));
}

int W(name_to_handle_at)(int dirfd, const char *path, struct file_handle *h, int *mount_id, int flags)
{
    VIEW_THROUGH(int, -1, dirfd, path, flags & AT_SYMLINK_FOLLOW ? VIEW_FOLLOW : 0,
                 REAL(name_to_handle_at)(r.dirfd, r.name, h, mount_id, flags));
}
#endif

int W(access)(const char *path, int mode)
{
    VIEW_THROUGH(int, -1, AT_FDCWD, path, VIEW_FOLLOW, REAL(faccessat)(r.dirfd, r.name, mode, 0));
}

int W(euidaccess)(const char *path, int mode)
{
    VIEW_THROUGH(int, -1, AT_FDCWD, path, VIEW_FOLLOW,
                 REAL(faccessat)(r.dirfd, r.name, mode, AT_EACCESS));
}

int W(eaccess)(const char *path, int mode)
{
    VIEW_THROUGH(int, -1, AT_FDCWD, path, VIEW_FOLLOW,
                 REAL(faccessat)(r.dirfd, r.name, mode, AT_EACCESS));
}

int W(faccessat)(int dirfd, const char *path, int mode, int flags)
{
    VIEW_THROUGH(int, -1, dirfd, path, how_at(flags),
                 REAL(faccessat)(r.dirfd, r.name, mode, flags));
}

/* The guest program, not lvrun, for /proc/self/exe. */
static ssize_t self_exe(char *buf, size_t size)
{
    const char *p = view_program();
    size_t n = strlen(p);
    if (n > size)
        n = size;
    memcpy(buf, p, n);
    return (ssize_t)n;
}

static ssize_t do_readlinkat(int dirfd, const char *path, char *buf, size_t size)
{
    if (view_program() && path && view_is_self(path, "exe"))
        return self_exe(buf, size);
    VIEW_THROUGH(ssize_t, -1, dirfd, path, 0, REAL(readlinkat)(r.dirfd, r.name, buf, size));
}

ssize_t W(readlink)(const char *path, char *buf, size_t size)
{
    return do_readlinkat(AT_FDCWD, path, buf, size);
}

ssize_t W(readlinkat)(int dirfd, const char *path, char *buf, size_t size)
{
    return do_readlinkat(dirfd, path, buf, size);
}

#ifdef VIEW_PRELOAD
ssize_t __readlink_chk(const char *path, char *buf, size_t size, size_t buflen);
ssize_t __readlinkat_chk(int dirfd, const char *path, char *buf, size_t size, size_t buflen);

ssize_t __readlink_chk(const char *path, char *buf, size_t size, size_t buflen)
{
    if (size > buflen)
        __builtin_trap();
    return do_readlinkat(AT_FDCWD, path, buf, size);
}

ssize_t __readlinkat_chk(int dirfd, const char *path, char *buf, size_t size, size_t buflen)
{
    if (size > buflen)
        __builtin_trap();
    return do_readlinkat(dirfd, path, buf, size);
}
#endif

int W(statfs)(const char *path, struct statfs *st)
{
    VIEW_THROUGH(int, -1, AT_FDCWD, path, VIEW_FOLLOW, REAL(statfs)(view_res_path(&r), st));
}

int W(statfs64)(const char *path, struct statfs64 *st)
{
    VIEW_THROUGH(int, -1, AT_FDCWD, path, VIEW_FOLLOW,
                 REAL(statfs)(view_res_path(&r), (struct statfs *)st));
}

int W(statvfs)(const char *path, struct statvfs *st)
{
    VIEW_THROUGH(int, -1, AT_FDCWD, path, VIEW_FOLLOW, REAL(statvfs)(view_res_path(&r), st));
}

int W(statvfs64)(const char *path, struct statvfs64 *st)
{
    VIEW_THROUGH(int, -1, AT_FDCWD, path, VIEW_FOLLOW,
                 REAL(statvfs)(view_res_path(&r), (struct statvfs *)st));
}

ssize_t W(getxattr)(const char *path, const char *name, void *value, size_t size)
{
    VIEW_THROUGH(ssize_t, -1, AT_FDCWD, path, VIEW_FOLLOW,
                 REAL(getxattr)(view_res_path(&r), name, value, size));
}

ssize_t W(lgetxattr)(const char *path, const char *name, void *value, size_t size)
{
    VIEW_THROUGH(ssize_t, -1, AT_FDCWD, path, 0,
                 REAL(lgetxattr)(view_res_path(&r), name, value, size));
}

int W(setxattr)(const char *path, const char *name, const void *value, size_t size, int flags)
{
    VIEW_THROUGH(int, -1, AT_FDCWD, path, VIEW_FOLLOW | VIEW_WRITE,
                 REAL(setxattr)(view_res_path(&r), name, value, size, flags));
}

int W(lsetxattr)(const char *path, const char *name, const void *value, size_t size, int flags)
{
    VIEW_THROUGH(int, -1, AT_FDCWD, path, VIEW_WRITE,
                 REAL(lsetxattr)(view_res_path(&r), name, value, size, flags));
}

ssize_t W(listxattr)(const char *path, char *list, size_t size)
{
    VIEW_THROUGH(ssize_t, -1, AT_FDCWD, path, VIEW_FOLLOW,
                 REAL(listxattr)(view_res_path(&r), list, size));
}

ssize_t W(llistxattr)(const char *path, char *list, size_t size)
{
    VIEW_THROUGH(ssize_t, -1, AT_FDCWD, path, 0, REAL(llistxattr)(view_res_path(&r), list, size));
}

int W(removexattr)(const char *path, const char *name)
{
    VIEW_THROUGH(int, -1, AT_FDCWD, path, VIEW_FOLLOW | VIEW_WRITE,
                 REAL(removexattr)(view_res_path(&r), name));
}

int W(lremovexattr)(const char *path, const char *name)
{
    VIEW_THROUGH(int, -1, AT_FDCWD, path, VIEW_WRITE,
                 REAL(lremovexattr)(view_res_path(&r), name));
}
