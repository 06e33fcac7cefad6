/* Changing the tree through the view: mkdir, rmdir, unlink, rename,
 * link, symlink, chmod, chown, utime, mknod, chroot. Every one is a
 * write (EROFS in a read-only mount); both ends of rename and link are
 * checked, and link's source as a write too, since a hard link to a file
 * of a read-only mount would be a way to change it. */
#include <stdio.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include <utime.h>
#include "wrap.h"

REAL_DECL(mkdirat);
REAL_DECL(unlinkat);
REAL_DECL(renameat);
REAL_DECL(renameat2);
REAL_DECL(linkat);
REAL_DECL(symlinkat);
REAL_DECL(fchmodat);
REAL_DECL(fchownat);
REAL_DECL(utimensat);
REAL_DECL(mknodat);
REAL_DECL(mkfifoat);
REAL_DECL(chroot);

#define W_ VIEW_WRITE

int W(mkdir)(const char *path, mode_t mode)
{
    VIEW_THROUGH(int, -1, AT_FDCWD, path, W_, REAL(mkdirat)(r.dirfd, r.name, mode));
}

int W(mkdirat)(int dirfd, const char *path, mode_t mode)
{
    VIEW_THROUGH(int, -1, dirfd, path, W_, REAL(mkdirat)(r.dirfd, r.name, mode));
}

int W(rmdir)(const char *path)
{
    VIEW_THROUGH(int, -1, AT_FDCWD, path, W_, REAL(unlinkat)(r.dirfd, r.name, AT_REMOVEDIR));
}

int W(unlink)(const char *path)
{
    VIEW_THROUGH(int, -1, AT_FDCWD, path, W_, REAL(unlinkat)(r.dirfd, r.name, 0));
}

int W(unlinkat)(int dirfd, const char *path, int flags)
{
    VIEW_THROUGH(int, -1, dirfd, path, W_, REAL(unlinkat)(r.dirfd, r.name, flags));
}

int W(remove)(const char *path)
{
    struct view_res r;
    if (view_resolve(AT_FDCWD, path, W_, &r) < 0)
        return -1;
    int ret = REAL(unlinkat)(r.dirfd, r.name, 0);
    if (ret < 0 && errno == EISDIR)
        ret = REAL(unlinkat)(r.dirfd, r.name, AT_REMOVEDIR);
    view_release(&r);
    return ret;
}

/* Two paths: both resolved, the call made with both. */
#define VIEW_THROUGH2(dfd1, p1, how1, dfd2, p2, how2, expr)                   \
    do {                                                                      \
        struct view_res a, b;                                                 \
        if (view_resolve((dfd1), (p1), (how1), &a) < 0)                       \
            return -1;                                                        \
        if (view_resolve((dfd2), (p2), (how2), &b) < 0) {                     \
            view_release(&a);                                                 \
            return -1;                                                        \
        }                                                                     \
        int ret_ = (expr);                                                    \
        view_release(&b);                                                     \
        view_release(&a);                                                     \
        return ret_;                                                          \
    } while (0)

int W(rename)(const char *from, const char *to)
{
    VIEW_THROUGH2(AT_FDCWD, from, W_, AT_FDCWD, to, W_,
                  REAL(renameat)(a.dirfd, a.name, b.dirfd, b.name));
}

int W(renameat)(int fromfd, const char *from, int tofd, const char *to)
{
    VIEW_THROUGH2(fromfd, from, W_, tofd, to, W_,
                  REAL(renameat)(a.dirfd, a.name, b.dirfd, b.name));
}

int W(renameat2)(int fromfd, const char *from, int tofd, const char *to, unsigned flags)
{
    VIEW_THROUGH2(fromfd, from, W_, tofd, to, W_,
                  REAL(renameat2)(a.dirfd, a.name, b.dirfd, b.name, flags));
}

int W(link)(const char *from, const char *to)
{
    VIEW_THROUGH2(AT_FDCWD, from, W_, AT_FDCWD, to, W_,
                  REAL(linkat)(a.dirfd, a.name, b.dirfd, b.name, 0));
}

int W(linkat)(int fromfd, const char *from, int tofd, const char *to, int flags)
{
    int how = W_ | (flags & AT_SYMLINK_FOLLOW ? VIEW_FOLLOW : 0);
    VIEW_THROUGH2(fromfd, from, how, tofd, to, W_,
                  REAL(linkat)(a.dirfd, a.name, b.dirfd, b.name, flags));
}

/* A symlink's target is a guest path, stored as given: it is resolved
 * through the view whenever it is used. */
int W(symlink)(const char *target, const char *path)
{
    VIEW_THROUGH(int, -1, AT_FDCWD, path, W_, REAL(symlinkat)(target, r.dirfd, r.name));
}

int W(symlinkat)(const char *target, int dirfd, const char *path)
{
    VIEW_THROUGH(int, -1, dirfd, path, W_, REAL(symlinkat)(target, r.dirfd, r.name));
}

int W(chmod)(const char *path, mode_t mode)
{
    VIEW_THROUGH(int, -1, AT_FDCWD, path, W_ | VIEW_FOLLOW, REAL(fchmodat)(r.dirfd, r.name, mode, 0));
}

int W(fchmodat)(int dirfd, const char *path, mode_t mode, int flags)
{
    VIEW_THROUGH(int, -1, dirfd, path, W_ | (flags & AT_SYMLINK_NOFOLLOW ? 0 : VIEW_FOLLOW),
                 REAL(fchmodat)(r.dirfd, r.name, mode, flags));
}

int W(chown)(const char *path, uid_t uid, gid_t gid)
{
    VIEW_THROUGH(int, -1, AT_FDCWD, path, W_ | VIEW_FOLLOW,
                 REAL(fchownat)(r.dirfd, r.name, uid, gid, 0));
}

int W(lchown)(const char *path, uid_t uid, gid_t gid)
{
    VIEW_THROUGH(int, -1, AT_FDCWD, path, W_,
                 REAL(fchownat)(r.dirfd, r.name, uid, gid, AT_SYMLINK_NOFOLLOW));
}

int W(fchownat)(int dirfd, const char *path, uid_t uid, gid_t gid, int flags)
{
    VIEW_THROUGH(int, -1, dirfd, path, W_ | (flags & AT_SYMLINK_NOFOLLOW ? 0 : VIEW_FOLLOW),
                 REAL(fchownat)(r.dirfd, r.name, uid, gid, flags));
}

int W(utimensat)(int dirfd, const char *path, const struct timespec times[2], int flags)
{
    VIEW_THROUGH(int, -1, dirfd, path, W_ | (flags & AT_SYMLINK_NOFOLLOW ? 0 : VIEW_FOLLOW),
                 REAL(utimensat)(r.dirfd, r.name, times, flags));
}

static int timevals(const struct timeval tv[2], struct timespec ts[2])
{
    if (!tv)
        return 0;
    for (int i = 0; i < 2; i++) {
        ts[i].tv_sec = tv[i].tv_sec;
        ts[i].tv_nsec = tv[i].tv_usec * 1000;
    }
    return 1;
}

int W(utimes)(const char *path, const struct timeval tv[2])
{
    struct timespec ts[2];
    int set = timevals(tv, ts);
    VIEW_THROUGH(int, -1, AT_FDCWD, path, W_ | VIEW_FOLLOW,
                 REAL(utimensat)(r.dirfd, r.name, set ? ts : NULL, 0));
}

int W(lutimes)(const char *path, const struct timeval tv[2])
{
    struct timespec ts[2];
    int set = timevals(tv, ts);
    VIEW_THROUGH(int, -1, AT_FDCWD, path, W_,
                 REAL(utimensat)(r.dirfd, r.name, set ? ts : NULL, AT_SYMLINK_NOFOLLOW));
}

int W(futimesat)(int dirfd, const char *path, const struct timeval tv[2])
{
    struct timespec ts[2];
    int set = timevals(tv, ts);
    VIEW_THROUGH(int, -1, dirfd, path, W_ | VIEW_FOLLOW,
                 REAL(utimensat)(r.dirfd, r.name, set ? ts : NULL, 0));
}

int W(utime)(const char *path, const struct utimbuf *t)
{
    struct timespec ts[2];
    if (t) {
        ts[0] = (struct timespec){ t->actime, 0 };
        ts[1] = (struct timespec){ t->modtime, 0 };
    }
    VIEW_THROUGH(int, -1, AT_FDCWD, path, W_ | VIEW_FOLLOW,
                 REAL(utimensat)(r.dirfd, r.name, t ? ts : NULL, 0));
}

int W(mknod)(const char *path, mode_t mode, dev_t dev)
{
    VIEW_THROUGH(int, -1, AT_FDCWD, path, W_, REAL(mknodat)(r.dirfd, r.name, mode, dev));
}

int W(mknodat)(int dirfd, const char *path, mode_t mode, dev_t dev)
{
    VIEW_THROUGH(int, -1, dirfd, path, W_, REAL(mknodat)(r.dirfd, r.name, mode, dev));
}

int W(mkfifo)(const char *path, mode_t mode)
{
    VIEW_THROUGH(int, -1, AT_FDCWD, path, W_, REAL(mkfifoat)(r.dirfd, r.name, mode));
}

int W(mkfifoat)(int dirfd, const char *path, mode_t mode)
{
    VIEW_THROUGH(int, -1, dirfd, path, W_, REAL(mkfifoat)(r.dirfd, r.name, mode));
}

/* chroot would leave the view's paths meaningless: refused when
 * confined, translated otherwise. */
int W(chroot)(const char *path)
{
    if (view_confined()) {
        view_deny("chroot", path, EACCES);
        errno = EACCES;
        return -1;
    }
    VIEW_THROUGH(int, -1, AT_FDCWD, path, VIEW_FOLLOW, REAL(chroot)(view_res_path(&r)));
}

#ifdef VIEW_PRELOAD
int __xmknod(int ver, const char *path, mode_t mode, dev_t *dev);
int __xmknodat(int ver, int dirfd, const char *path, mode_t mode, dev_t *dev);

int __xmknod(int ver, const char *path, mode_t mode, dev_t *dev)
{
    (void)ver;
    VIEW_THROUGH(int, -1, AT_FDCWD, path, W_, REAL(mknodat)(r.dirfd, r.name, mode, *dev));
}

int __xmknodat(int ver, int dirfd, const char *path, mode_t mode, dev_t *dev)
{
    (void)ver;
    VIEW_THROUGH(int, -1, dirfd, path, W_, REAL(mknodat)(r.dirfd, r.name, mode, *dev));
}
#endif
