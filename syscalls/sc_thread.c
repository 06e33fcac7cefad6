/* A guest thread's record, and arming Syscall User Dispatch in it. */
#include <asm/prctl.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include "sc.h"

_Static_assert(offsetof(struct sc_thread, self) == SC_T_SELF, "sc_entry.S");
_Static_assert(offsetof(struct sc_thread, host_fs) == SC_T_HOST_FS, "sc_entry.S");
_Static_assert(offsetof(struct sc_thread, guest_fs) == SC_T_GUEST_FS, "sc_entry.S");
_Static_assert(offsetof(struct sc_thread, selector) == SC_T_SELECTOR, "sc_entry.S");
_Static_assert(offsetof(struct sc_regs, rip) == 128 && sizeof(struct sc_regs) == 144,
               "sc_entry.S");

struct sc_thread *sc_thread_new(uint64_t guest_fs)
{
    struct sc_thread *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->self = t;
    t->host_fs = sc_fs_base();
    t->guest_fs = guest_fs;
    t->selector = SC_ALLOW;
    return t;
}

/* Dispatch is per thread, and neither new threads nor forked children
 * inherit it: every thread that runs guest code comes through here. */
bool sc_thread_arm(struct sc_thread *t)
{
    if (sc_raw(SYS_arch_prctl, ARCH_SET_GS, (long)t, 0, 0, 0, 0) < 0)
        return false;
    return sc_raw(SYS_prctl, PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_ON,
                  (long)sc_allowed_start, sc_allowed_end - sc_allowed_start,
                  (long)&t->selector, 0) == 0;
}

void sc_thread_disarm(void)
{
    sc_raw(SYS_prctl, PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_OFF, 0, 0, 0, 0);
}
