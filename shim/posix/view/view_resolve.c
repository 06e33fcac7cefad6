/* Resolving guest paths to host ones. Unconfined, this is string work
 * only. Confined, every path is opened beneath its mount's root with
 * openat2(RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS) at the moment of use,
 * so that "..", symlinks (also ones made after a check) and /proc's
 * magic links cannot lead outside; the call then works on the descriptor
 * (through /proc/self/fd/N when it follows the last component, relative
 * to the parent's descriptor when it does not). */
#include <errno.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <string.h>
#include "view_private.h"
#include "view_sys.h"

/* The guest path of an open descriptor: fds passed in from outside, and
 * directory fds that *at calls start from. */
int view_fd_path(int fd, char *out, size_t size)
{
    char link[40], host[PATH_MAX];
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    long n = view_sys(SYS_readlink, (long)link, (long)host, sizeof host - 1, 0);
    if (n < 0)
        return (int)n;
    host[n] = 0;
    if (host[0] != '/' || !view_host_to_guest(host, out, size))
        return -EACCES;
    return 0;
}

static int guest_path(int dirfd, const char *path, char *out, size_t size)
{
    char base[PATH_MAX];
    const char *b = "/";
    if (path[0] != '/') {
        if (dirfd == AT_FDCWD) {
            b = view_cwd();
        } else {
            int e = view_fd_path(dirfd, base, sizeof base);
            if (e)
                return e;
            b = base;
        }
    }
    return view_normalize(b, path, out, size) ? 0 : -ENAMETOOLONG;
}

static int fail(const char *what, const char *path, int err)
{
    if (err == EACCES || err == EROFS)
        view_deny(what, path, err);
    errno = err;
    return -1;
}

static bool is_write_open(int flags)
{
    return (flags & O_ACCMODE) != O_RDONLY || (flags & (O_CREAT | O_TRUNC)) ||
           (flags & O_TMPFILE) == O_TMPFILE;
}

/* openat2 beneath the mount; an escape (EXDEV) or a magic link (ELOOP
 * under /proc) is EACCES. */
static long open_beneath(const struct view_mount *m, const char *guest, const char *rest,
                         int flags, mode_t mode)
{
    long root = view_sys(SYS_open, (long)m->host, O_PATH | O_CLOEXEC, 0, 0);
    if (root < 0)
        return root;
    while (*rest == '/')
        rest++;
    if (!*rest) {
        view_sys_close(root);
        return view_sys(SYS_open, (long)m->host, flags, mode, 0);
    }
    struct open_how how = {
        .flags = (unsigned)flags,
        .mode = flags & (O_CREAT | O_TMPFILE) ? mode : 0,
        .resolve = RESOLVE_NO_MAGICLINKS | (m->guest_len == 1 ? RESOLVE_IN_ROOT : RESOLVE_BENEATH),
    };
    long fd = view_sys(SYS_openat2, root, (long)rest, (long)&how, sizeof how);
    view_sys_close(root);
    if (fd == -EXDEV || (fd == -ELOOP && !strncmp(guest, "/proc/", 6)))
        fd = -EACCES;
    return fd;
}

static int confined(int dirfd, const char *path, int how, struct view_res *r)
{
    char g[PATH_MAX];
    const char *rest;
    int e = guest_path(dirfd, path, g, sizeof g);
    if (e)
        return fail("resolve", path, -e);
    const struct view_mount *m = view_lookup(g, &rest);
    if (!m)
        return fail("outside the mounts", g, EACCES);
    if (m->ro && (how & VIEW_WRITE))
        return fail("write to a read-only mount", g, EROFS);
    while (*rest == '/')
        rest++;
    const char *last = strrchr(rest, '/');
    long fd;
    if ((how & VIEW_FOLLOW) || !*rest) {
        fd = open_beneath(m, g, rest, O_PATH | O_CLOEXEC, 0);
        if (fd < 0)
            return fail("resolve", g, (int)-fd);
        r->fd = (int)fd;
        r->dirfd = AT_FDCWD;
        snprintf(r->buf, sizeof r->buf, "/proc/self/fd/%ld", fd);
        r->name = r->buf;
        return 0;
    }
    char parent[PATH_MAX];
    snprintf(parent, sizeof parent, "%.*s", last ? (int)(last - rest) : 1, last ? rest : ".");
    fd = open_beneath(m, g, parent, O_PATH | O_DIRECTORY | O_CLOEXEC, 0);
    if (fd < 0)
        return fail("resolve", g, (int)-fd);
    r->fd = r->dirfd = (int)fd;
    snprintf(r->buf, sizeof r->buf, "%s", last ? last + 1 : rest);
    r->name = r->buf;
    return 0;
}

int view_resolve(int dirfd, const char *path, int how, struct view_res *r)
{
    r->fd = -1;
    r->dirfd = dirfd;
    r->name = path;
    if (!path || !view_active())
        return 0;
    if (!path[0]) {
        /* AT_EMPTY_PATH: the descriptor itself, which must be inside. */
        char g[PATH_MAX];
        int e = g_view_confine && dirfd != AT_FDCWD ? view_fd_path(dirfd, g, sizeof g) : 0;
        return e ? fail("descriptor", path, -e) : 0;
    }
    if (g_view_confine)
        return confined(dirfd, path, how, r);
    char g[PATH_MAX];
    const char *rest;
    if (path[0] != '/' && dirfd != AT_FDCWD) {
        if ((how & VIEW_WRITE) && g_view_any_ro && !guest_path(dirfd, path, g, sizeof g)) {
            const struct view_mount *m = view_lookup(g, &rest);
            if (m && m->ro)
                return fail("write to a read-only mount", g, EROFS);
        }
        return 0;
    }
    int e = guest_path(dirfd, path, g, sizeof g);
    if (e)
        return fail("resolve", path, -e);
    const struct view_mount *m = view_lookup(g, &rest);
    if (m && m->ro && (how & VIEW_WRITE))
        return fail("write to a read-only mount", g, EROFS);
    if (!m) {
        snprintf(r->buf, sizeof r->buf, "%s", g);
    } else if ((size_t)snprintf(r->buf, sizeof r->buf, "%s%s",
                                m->host_len == 1 && *rest ? "" : m->host, rest) >= sizeof r->buf) {
        errno = ENAMETOOLONG;
        return -1;
    }
    r->dirfd = AT_FDCWD;
    r->name = r->buf;
    return 0;
}

const char *view_res_path(struct view_res *r)
{
    if (r->dirfd == AT_FDCWD || r->name[0] == '/')
        return r->name;
    snprintf(r->joined, sizeof r->joined, "/proc/self/fd/%d/%s", r->dirfd, r->name);
    return r->joined;
}

void view_release(struct view_res *r)
{
    if (r->fd >= 0) {
        int saved = errno;
        view_sys_close(r->fd);
        errno = saved;
        r->fd = -1;
    }
}

int view_openat(int dirfd, const char *path, int flags, mode_t mode)
{
    long fd;
    if (g_view_confine && path && path[0]) {
        char g[PATH_MAX];
        const char *rest;
        int e = guest_path(dirfd, path, g, sizeof g);
        if (e)
            return fail("open", path, -e);
        const struct view_mount *m = view_lookup(g, &rest);
        if (!m)
            return fail("outside the mounts", g, EACCES);
        if (m->ro && is_write_open(flags))
            return fail("write to a read-only mount", g, EROFS);
        fd = open_beneath(m, g, rest, flags, mode);
        if (fd < 0)
            return fail("open", g, (int)-fd);
        return (int)fd;
    }
    struct view_res r;
    if (view_resolve(dirfd, path, is_write_open(flags) ? VIEW_WRITE : 0, &r) < 0)
        return -1;
    fd = view_sys(SYS_openat, r.dirfd, (long)r.name, flags, mode);
    if (fd < 0) {
        errno = (int)-fd;
        return -1;
    }
    return (int)fd;
}

int view_translate(const char *guest, int how, char *out, size_t size)
{
    struct view_res r;
    if (!g_view_confine) {
        if (view_resolve(AT_FDCWD, guest, how, &r) < 0)
            return -1;
        if ((size_t)snprintf(out, size, "%s", r.name) >= size) {
            errno = ENAMETOOLONG;
            return -1;
        }
        return 0;
    }
    char g[PATH_MAX];
    const char *rest;
    int e = guest_path(AT_FDCWD, guest, g, sizeof g);
    if (e)
        return fail("resolve", guest, -e);
    const struct view_mount *m = view_lookup(g, &rest);
    /* The check: the file, or for a name about to be made its folder,
     * resolves beneath the mount. The caller then uses the string. */
    if (view_resolve(AT_FDCWD, g, how | VIEW_FOLLOW, &r) < 0) {
        if (errno != ENOENT || view_resolve(AT_FDCWD, g, how & ~VIEW_FOLLOW, &r) < 0)
            return -1;
    }
    view_release(&r);
    if ((size_t)snprintf(out, size, "%s%s", m->host_len == 1 && *rest ? "" : m->host, rest) >= size) {
        errno = ENAMETOOLONG;
        return -1;
    }
    return 0;
}
