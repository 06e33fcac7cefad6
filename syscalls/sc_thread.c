/* A guest thread's record, and arming Syscall User Dispatch in it. */
#include <asm/prctl.h>
#include <signal.h>
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

/* The guest threads, so that dispatch can be armed in all of them at
 * once (sc_arm_everywhere). A spin lock: it is taken from lvrun's code
 * in any thread, briefly, never from a signal handler. */
static struct sc_thread *g_threads;
static int g_threads_lock;

static void threads_lock(void)
{
    while (__atomic_exchange_n(&g_threads_lock, 1, __ATOMIC_ACQUIRE))
        sc_raw(SYS_sched_yield, 0, 0, 0, 0, 0, 0);
}

static void threads_unlock(void)
{
    __atomic_store_n(&g_threads_lock, 0, __ATOMIC_RELEASE);
}

static void threads_remove(struct sc_thread *t)
{
    threads_lock();
    for (struct sc_thread **p = &g_threads; *p; p = &(*p)->next)
        if (*p == t) {
            *p = t->next;
            break;
        }
    t->registered = false;
    threads_unlock();
}

static bool arm_dispatch(struct sc_thread *t)
{
    if (sc_raw(SYS_prctl, PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_ON,
               (long)sc_allowed_start, sc_allowed_end - sc_allowed_start,
               (long)&t->selector, 0))
        return false;
    __atomic_store_n(&t->armed, 1, __ATOMIC_RELEASE);
    return true;
}

/* Dispatch is per thread, and neither new threads nor forked children
 * inherit it: every thread that runs guest code comes through here. With
 * every site rewritten ahead (sc_ahead.c) it is not armed, until
 * sc_arm_everywhere. */
bool sc_thread_arm(struct sc_thread *t)
{
    if (sc_raw(SYS_arch_prctl, ARCH_SET_GS, (long)t, 0, 0, 0, 0) < 0)
        return false;
    t->tid = (int)sc_raw(SYS_gettid, 0, 0, 0, 0, 0, 0);
    t->armed = 0;
    threads_lock();
    /* A forked child: the other threads stayed in the parent. */
    if (t->registered)
        g_threads = NULL;
    t->next = g_threads;
    g_threads = t;
    t->registered = true;
    bool arm = !__atomic_load_n(&sc_ahead, __ATOMIC_ACQUIRE);
    threads_unlock();
    if (arm && !arm_dispatch(t)) {
        threads_remove(t);
        return false;
    }
    return true;
}

void sc_thread_end(struct sc_thread *t)
{
    __atomic_store_n(&t->exiting, 1, __ATOMIC_RELEASE);
    threads_remove(t);
    sc_raw(SYS_prctl, PR_SET_SYSCALL_USER_DISPATCH, PR_SYS_DISPATCH_OFF, 0, 0, 0, 0);
}

/* The SIGSYS that sc_arm_everywhere sends (sc_sigsys_entry, before it
 * touches %fs: the thread may be in lvrun's code or the guest's). */
__attribute__((target("general-regs-only")))
void sc_arm_request(void)
{
    struct sc_thread *t = sc_self();
    if (__atomic_load_n(&t->arm_requested, __ATOMIC_ACQUIRE) &&
        !__atomic_load_n(&t->armed, __ATOMIC_ACQUIRE))
        arm_dispatch(t);
}

/* Dispatch armed in this thread and every other guest thread, which each
 * arm themselves on a SIGSYS sent here (prctl acts on its caller only);
 * returns once all have. Threads started later arm as they start. */
void sc_arm_everywhere(void)
{
    struct sc_thread *self = sc_self();
    threads_lock();
    if (!__atomic_exchange_n(&sc_ahead, false, __ATOMIC_ACQ_REL)) {
        threads_unlock();
        return;
    }
    /* Before any thread is armed: a thread in sc_zpoline_bare then traps,
     * and the trap does the call. */
    sc_rewrite_table_armed(true);
    int pid = (int)sc_raw(SYS_getpid, 0, 0, 0, 0, 0, 0);
    for (struct sc_thread *t = g_threads; t; t = t->next)
        if (t != self) {
            __atomic_store_n(&t->arm_requested, 1, __ATOMIC_RELEASE);
            sc_raw(SYS_tgkill, pid, t->tid, SIGSYS, 0, 0, 0);
        }
    arm_dispatch(self);
    /* Waited for under the lock: a thread leaving meanwhile says so
     * (exiting) before it waits for the lock itself. */
    for (struct sc_thread *t = g_threads; t; t = t->next)
        while (t != self && !__atomic_load_n(&t->armed, __ATOMIC_ACQUIRE) &&
               !__atomic_load_n(&t->exiting, __ATOMIC_ACQUIRE))
            sc_raw(SYS_sched_yield, 0, 0, 0, 0, 0, 0);
    threads_unlock();
}
