/* syscall(2) for the path-taking calls glibc has no wrapper for, or
 * whose wrapper programs bypass: openat2, faccessat2, newfstatat, statx,
 * open, openat. Every other number goes to the kernel unchanged. */
#include <linux/openat2.h>
#include <stdarg.h>
#include <string.h>
#include <sys/stat.h>
#include "wrap.h"
#include "view_private.h"
#include "view_sys.h"

long syscall(long n, ...);

static long raw6(long n, long a, long b, long c, long d, long e, long f)
{
    long ret;
    register long r10 __asm__("r10") = d;
    register long r8 __asm__("r8") = e;
    register long r9 __asm__("r9") = f;
    __asm__ volatile("syscall"
                     : "=a"(ret)
                     : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
                     : "rcx", "r11", "memory");
    return ret;
}

static long result(long r)
{
    if (r < 0 && r > -4096) {
        errno = (int)-r;
        return -1;
    }
    return r;
}

/* openat2: the parent resolved through the view, the last component
 * opened by the kernel with the caller's resolve flags, and, when
 * confined, kept beneath that folder. */
static long view_openat2(int dirfd, const char *path, const struct open_how *how, size_t size)
{
    if (size < sizeof *how)
        return result(raw6(SYS_openat2, dirfd, (long)path, (long)how, (long)size, 0, 0));
    struct open_how h;
    memcpy(&h, how, sizeof h);
    int write = (h.flags & O_ACCMODE) != O_RDONLY || (h.flags & (O_CREAT | O_TRUNC));
    struct view_res r;
    if (view_resolve(dirfd, path, write ? VIEW_WRITE : 0, &r) < 0)
        return -1;
    if (view_confined())
        h.resolve |= RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
    long fd = raw6(SYS_openat2, r.dirfd, (long)r.name, (long)&h, sizeof h, 0, 0);
    view_release(&r);
    return result(fd);
}

static long path_call(long n, long dirfd, const char *path, long c, long d, long e, int how)
{
    struct view_res r;
    if (view_resolve((int)dirfd, path, how, &r) < 0)
        return -1;
    long ret = raw6(n, r.dirfd, (long)r.name, c, d, e, 0);
    view_release(&r);
    return result(ret);
}

long syscall(long n, ...)
{
    va_list ap;
    va_start(ap, n);
    long a = va_arg(ap, long), b = va_arg(ap, long), c = va_arg(ap, long);
    long d = va_arg(ap, long), e = va_arg(ap, long), f = va_arg(ap, long);
    va_end(ap);
    if (!view_active())
        return result(raw6(n, a, b, c, d, e, f));
    switch (n) {
    case SYS_open:
        return view_openat(AT_FDCWD, (const char *)a, (int)b, (mode_t)c);
    case SYS_openat:
        return view_openat((int)a, (const char *)b, (int)c, (mode_t)d);
    case SYS_openat2:
        return view_openat2((int)a, (const char *)b, (const struct open_how *)c, (size_t)d);
    case SYS_newfstatat:
        return path_call(n, a, (const char *)b, c, d, 0,
                         d & AT_SYMLINK_NOFOLLOW ? 0 : VIEW_FOLLOW);
    case SYS_statx:
        return path_call(n, a, (const char *)b, c, d, e,
                         c & AT_SYMLINK_NOFOLLOW ? 0 : VIEW_FOLLOW);
    case SYS_faccessat:
    case SYS_faccessat2:
        return path_call(n, a, (const char *)b, c, d, 0,
                         d & AT_SYMLINK_NOFOLLOW ? 0 : VIEW_FOLLOW);
    default:
        return result(raw6(n, a, b, c, d, e, f));
    }
}
