/* Calls that name files: each path argument goes through the virtual
 * view before the kernel sees it. */
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <sys/syscall.h>
#include "sc.h"
#include "view.h"

/* The view's hook (shim/posix/view). Relative paths stay relative, for
 * the kernel to resolve against the call's directory fd, except when the
 * view is confined: then they are taken from the current folder and
 * checked (this hook does not see the fd). Check-then-use, unlike the
 * musl and preload paths. */
int sc_translate_path(const char *guest, char *host, size_t size)
{
    size_t n = strlen(guest);
    if (n >= size)
        return -ENAMETOOLONG;
    if (guest[0] != '/' && !view_confined()) {
        memcpy(host, guest, n + 1);
        return 0;
    }
    return view_translate(guest, VIEW_FOLLOW, host, size) < 0 ? -errno : 0;
}

/* The call with the arguments in mask (bit i: argument i) translated. */
static long with_paths(struct sc_regs *r, unsigned mask)
{
    long a[6] = { r->rdi, r->rsi, r->rdx, r->r10, r->r8, r->r9 };
    char host[2][PATH_MAX];
    unsigned used = 0;
    for (int i = 0; i < 6; i++) {
        if (!(mask & (1u << i)) || !a[i])
            continue;
        int e = sc_translate_path((const char *)a[i], host[used], PATH_MAX);
        if (e)
            return e;
        a[i] = (long)host[used++];
    }
    return sc_raw(r->rax, a[0], a[1], a[2], a[3], a[4], a[5]);
}

long sc_path_0(struct sc_regs *r)
{
    return with_paths(r, 1u << 0);
}

long sc_path_1(struct sc_regs *r)
{
    return with_paths(r, 1u << 1);
}

long sc_path_2(struct sc_regs *r)
{
    return with_paths(r, 1u << 2);
}

long sc_path_01(struct sc_regs *r)
{
    return with_paths(r, 1u << 0 | 1u << 1);
}

long sc_path_13(struct sc_regs *r)
{
    return with_paths(r, 1u << 1 | 1u << 3);
}

/* /proc/self/exe is the program, not lvrun. */
static long self_exe(const char *path, char *buf, long size, bool *done)
{
    *done = path && !strcmp(path, "/proc/self/exe");
    if (!*done)
        return 0;
    long n = strlen(sc_program_path);
    if (size < 0)
        return -EINVAL;
    if (n > size)
        n = size;
    memcpy(buf, sc_program_path, n);
    return n;
}

long sc_readlink(struct sc_regs *r)
{
    bool done;
    long n = self_exe((const char *)r->rdi, (char *)r->rsi, r->rdx, &done);
    return done ? n : with_paths(r, 1u << 0);
}

long sc_readlinkat(struct sc_regs *r)
{
    bool done;
    long n = self_exe((const char *)r->rsi, (char *)r->rdx, r->r10, &done);
    return done ? n : with_paths(r, 1u << 1);
}
