/* Calls about the process's own machinery: its thread pointer, its
 * program break, dispatch itself, and its end. */
#include <asm/prctl.h>
#include <errno.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include "lv/trace.h"
#include "sc.h"

#define PAGE_UP(x) (((x) + 4095UL) & ~4095UL)
#define BRK_RESERVE (1UL << 30)

static uintptr_t g_brk_base, g_brk_cur;

/* %fs is lvrun's while lvrun's code runs: the guest's thread pointer is
 * kept in its record and loaded whenever the guest resumes. */
long sc_arch_prctl(struct sc_regs *r)
{
    struct sc_thread *t = sc_self();
    switch (r->rdi) {
    case ARCH_SET_FS:
        t->guest_fs = r->rsi;
        return 0;
    case ARCH_GET_FS:
        *(uint64_t *)r->rsi = t->guest_fs;
        return 0;
    case ARCH_SET_GS:
    case ARCH_GET_GS:
        trace(syscalls, "arch_prctl(%#lx): %%gs belongs to lvrun", (long)r->rdi);
        return -EPERM;
    default:
        return sc_passthrough(r);
    }
}

long sc_prctl(struct sc_regs *r)
{
    if (r->rdi == PR_SET_SYSCALL_USER_DISPATCH) {
        trace(syscalls, "prctl(PR_SET_SYSCALL_USER_DISPATCH): lvrun's own");
        return -EINVAL;
    }
    return sc_passthrough(r);
}

/* lvrun's own malloc owns the process's break: the guest gets a break
 * of its own, in a reserve after its image, as the kernel would place it. */
void sc_brk_init(uintptr_t image_end)
{
    uintptr_t want = PAGE_UP(image_end);
    void *p = mmap((void *)want, BRK_RESERVE, PROT_NONE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0);
    if (p == MAP_FAILED)
        p = mmap(NULL, BRK_RESERVE, PROT_NONE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p != MAP_FAILED)
        g_brk_base = g_brk_cur = (uintptr_t)p;
}

long sc_brk(struct sc_regs *r)
{
    uintptr_t want = r->rdi;
    if (want < g_brk_base || want > g_brk_base + BRK_RESERVE)
        return g_brk_cur;
    uintptr_t have = PAGE_UP(g_brk_cur), need = PAGE_UP(want);
    if (need > have && mmap((void *)have, need - have, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED)
        return g_brk_cur;
    if (need < have)
        mmap((void *)need, have - need, PROT_NONE,
             MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0);
    g_brk_cur = want;
    return g_brk_cur;
}

/* A thread that unmaps the stack it runs on (musl's detached threads do,
 * just before exiting) would fault on the way out of the dispatcher: the
 * unmapping waits until the thread has left it (sc_clone.c). */
long sc_munmap(struct sc_regs *r)
{
    struct sc_thread *t = sc_self();
    if (t->hosted && r->rsp >= r->rdi && r->rsp - r->rdi < r->rsi) {
        t->unmap_addr = (void *)r->rdi;
        t->unmap_size = r->rsi;
        return 0;
    }
    return sc_passthrough(r);
}

long sc_exit_group(struct sc_regs *r)
{
    sc_stats_print();
    return sc_passthrough(r);
}
