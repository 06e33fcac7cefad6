/* Folders through the view: opendir, scandir, ftw/nftw, the current
 * folder (kept as a guest path in user space, so getcwd costs no system
 * call), realpath. */
#include <dirent.h>
#include <ftw.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "wrap.h"

REAL_DECL(scandirat);
REAL_DECL(ftw);
REAL_DECL(nftw);
REAL_DECL(chdir);
REAL_DECL(fchdir);
REAL_DECL(getcwd);
REAL_DECL(realpath);

DIR *W(opendir)(const char *path)
{
    int fd = view_openat(AT_FDCWD, path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
    if (fd < 0)
        return NULL;
    DIR *d = fdopendir(fd);
    if (!d) {
        int saved = errno;
        close(fd);
        errno = saved;
    }
    return d;
}

typedef int (*filter_fn)(const struct dirent *);
typedef int (*compar_fn)(const struct dirent **, const struct dirent **);

int W(scandirat)(int dirfd, const char *path, struct dirent ***list, filter_fn filter, compar_fn compar)
{
    VIEW_THROUGH(int, -1, dirfd, path, VIEW_FOLLOW,
                 REAL(scandirat)(r.dirfd, r.name, list, filter, compar));
}

int W(scandir)(const char *path, struct dirent ***list, filter_fn filter, compar_fn compar)
{
    VIEW_THROUGH(int, -1, AT_FDCWD, path, VIEW_FOLLOW,
                 REAL(scandirat)(r.dirfd, r.name, list, filter, compar));
}

int W(scandir64)(const char *path, struct dirent64 ***list,
                 int (*filter)(const struct dirent64 *),
                 int (*compar)(const struct dirent64 **, const struct dirent64 **))
{
    VIEW_THROUGH(int, -1, AT_FDCWD, path, VIEW_FOLLOW,
                 REAL(scandirat)(r.dirfd, r.name, (struct dirent ***)list,
                                 (filter_fn)filter, (compar_fn)compar));
}

int W(scandirat64)(int dirfd, const char *path, struct dirent64 ***list,
                   int (*filter)(const struct dirent64 *),
                   int (*compar)(const struct dirent64 **, const struct dirent64 **))
{
    VIEW_THROUGH(int, -1, dirfd, path, VIEW_FOLLOW,
                 REAL(scandirat)(r.dirfd, r.name, (struct dirent ***)list,
                                 (filter_fn)filter, (compar_fn)compar));
}

/* ftw and nftw walk the host tree from the translated root; the
 * callback is given the guest's names. The callback has no context
 * argument, so the walk's state is per thread (a nested walk from a
 * callback saves and restores it). */
typedef int (*ftw_fn)(const char *, const struct stat *, int);
typedef int (*nftw_fn)(const char *, const struct stat *, int, struct FTW *);

static __thread struct walk {
    const char *guest;
    size_t host_len;
    ftw_fn ftw;
    nftw_fn nftw;
} g_walk;

static const char *walk_name(const char *host, char *buf, size_t size, int *shift)
{
    size_t gl = strlen(g_walk.guest);
    const char *rest = host + g_walk.host_len;
    if (gl + strlen(rest) + 1 > size) {
        *shift = 0;
        return host;
    }
    memcpy(buf, g_walk.guest, gl);
    strcpy(buf + gl, rest);
    *shift = (int)gl - (int)g_walk.host_len;
    return buf;
}

static int walk_ftw(const char *host, const struct stat *st, int type)
{
    char buf[PATH_MAX];
    int shift;
    return g_walk.ftw(walk_name(host, buf, sizeof buf, &shift), st, type);
}

static int walk_nftw(const char *host, const struct stat *st, int type, struct FTW *f)
{
    char buf[PATH_MAX];
    int shift;
    const char *name = walk_name(host, buf, sizeof buf, &shift);
    struct FTW g = { f->base + shift, f->level };
    return g_walk.nftw(name, st, type, &g);
}

static int do_walk(const char *path, ftw_fn f, nftw_fn nf, int fds, int flags)
{
    if (!view_active())
        return nf ? REAL(nftw)(path, nf, fds, flags) : REAL(ftw)(path, f, fds);
    char host[PATH_MAX];
    if (view_translate(path, VIEW_FOLLOW, host, sizeof host) < 0)
        return -1;
    struct walk saved = g_walk;
    g_walk = (struct walk){ path, strlen(host), f, nf };
    int ret = nf ? REAL(nftw)(host, walk_nftw, fds, flags) : REAL(ftw)(host, walk_ftw, fds);
    g_walk = saved;
    return ret;
}

int W(ftw)(const char *path, ftw_fn fn, int fds)
{
    return do_walk(path, fn, NULL, fds, 0);
}

int W(ftw64)(const char *path, int (*fn)(const char *, const struct stat64 *, int), int fds)
{
    return do_walk(path, (ftw_fn)fn, NULL, fds, 0);
}

int W(nftw)(const char *path, nftw_fn fn, int fds, int flags)
{
    return do_walk(path, NULL, fn, fds, flags);
}

int W(nftw64)(const char *path, int (*fn)(const char *, const struct stat64 *, int, struct FTW *),
              int fds, int flags)
{
    return do_walk(path, NULL, (nftw_fn)fn, fds, flags);
}

int W(chdir)(const char *path)
{
    if (!view_active())
        return REAL(chdir)(path);
    struct view_res r;
    if (view_resolve(AT_FDCWD, path, VIEW_FOLLOW, &r) < 0)
        return -1;
    int ret = REAL(chdir)(view_res_path(&r));
    view_release(&r);
    if (ret == 0)
        view_set_cwd(path);
    return ret;
}

int W(fchdir)(int fd)
{
    if (!view_active())
        return REAL(fchdir)(fd);
    char guest[PATH_MAX];
    int e = view_fd_path(fd, guest, sizeof guest);
    if (e == -EACCES && view_confined()) {
        view_deny("fchdir", "descriptor outside the mounts", EACCES);
        errno = EACCES;
        return -1;
    }
    int ret = REAL(fchdir)(fd);
    if (ret == 0 && !e)
        view_set_cwd(guest);
    return ret;
}

static char *copy_cwd(char *buf, size_t size)
{
    const char *cwd = view_cwd();
    size_t n = strlen(cwd) + 1;
    if (!buf) {
        buf = malloc(size > n ? size : n);
        if (!buf)
            return NULL;
    } else if (size < n) {
        errno = size ? ERANGE : EINVAL;
        return NULL;
    }
    memcpy(buf, cwd, n);
    return buf;
}

char *W(getcwd)(char *buf, size_t size)
{
    if (!view_active())
        return REAL(getcwd)(buf, size);
    return copy_cwd(buf, size);
}

#ifdef VIEW_PRELOAD
char *__getcwd_chk(char *buf, size_t size, size_t buflen);

char *__getcwd_chk(char *buf, size_t size, size_t buflen)
{
    if (size > buflen)
        __builtin_trap();
    return W(getcwd)(buf, size);
}

char *get_current_dir_name(void)
{
    return W(getcwd)(NULL, 0);
}

char *getwd(char *buf)
{
    return W(getcwd)(buf, PATH_MAX);
}
#endif

static char *do_realpath(const char *path, char *resolved)
{
    if (!view_active() || !path)
        return REAL(realpath)(path, resolved);
    struct view_res r;
    if (view_resolve(AT_FDCWD, path, VIEW_FOLLOW, &r) < 0)
        return NULL;
    char host[PATH_MAX], guest[PATH_MAX];
    char *ok = REAL(realpath)(view_res_path(&r), host);
    view_release(&r);
    if (!ok)
        return NULL;
    if (!view_host_to_guest(host, guest, sizeof guest)) {
        view_deny("realpath", host, EACCES);
        errno = EACCES;
        return NULL;
    }
    if (!resolved)
        return strdup(guest);
    strcpy(resolved, guest);
    return resolved;
}

char *W(realpath)(const char *path, char *resolved)
{
    return do_realpath(path, resolved);
}

#ifdef VIEW_PRELOAD
char *__realpath_chk(const char *path, char *resolved, size_t resolvedlen);

char *__realpath_chk(const char *path, char *resolved, size_t resolvedlen)
{
    if (resolvedlen < PATH_MAX)
        __builtin_trap();
    return do_realpath(path, resolved);
}

char *canonicalize_file_name(const char *path)
{
    return do_realpath(path, NULL);
}
#endif
