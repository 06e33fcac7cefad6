/* Raw system calls for the view's own use. In liblvpreload.so the libc
 * names (open, readlink, ...) are the interposed ones, and calling them
 * from here would come back in; these never do. They return -errno. */
#ifndef LV_VIEW_SYS_H
#define LV_VIEW_SYS_H

#include <sys/syscall.h>

static inline long view_sys(long n, long a, long b, long c, long d)
{
    long ret;
    register long r10 __asm__("r10") = d;
    __asm__ volatile("syscall"
                     : "=a"(ret)
                     : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10)
                     : "rcx", "r11", "memory");
    return ret;
}

#define view_sys_close(fd) view_sys(SYS_close, (fd), 0, 0, 0)

#endif
