/* Signals. SIGSYS belongs to lvrun; the guest's handlers for the others
 * are installed behind sc_signal_entry, which runs them with the guest's
 * %fs and the selector blocking, so their system calls are caught too.
 * Every handler returns through sc_restorer, the one place allowed to
 * make rt_sigreturn. SIGSYS must never be blocked while guest code runs:
 * the kernel would then kill the process at the next trap, so it is
 * taken out of every mask the guest sets. */
#include <errno.h>
#include <string.h>
#include <sys/syscall.h>
#include "sc.h"

#define SC_NSIG 64
#define SIGSYS_BIT (1UL << (SIGSYS - 1))
#define SA_RESTORER 0x04000000

struct k_sigaction {
    void *handler;
    unsigned long flags;
    void *restorer;
    uint64_t mask;
};

void *sc_guest_handlers[SC_NSIG + 1];
static struct k_sigaction g_guest_act[SC_NSIG + 1];

bool sc_install_sigsys(void)
{
    struct k_sigaction a = {
        .handler = (void *)sc_sigsys_entry,
        /* SA_RESTART: sc_arm_everywhere's SIGSYS may interrupt a call. */
        .flags = SA_SIGINFO | SA_RESTORER | SA_NODEFER | SA_RESTART,
        .restorer = (void *)sc_restorer,
    };
    return sc_raw(SYS_rt_sigaction, SIGSYS, (long)&a, 0, 8, 0, 0) == 0;
}

/* The guest starts with default dispositions, except those an exec left
 * ignored; handlers lvrun itself installed are not the guest's. */
void sc_signal_init(void)
{
    for (int sig = 1; sig <= SC_NSIG; sig++) {
        struct k_sigaction old;
        if (sig == SIGSYS || sc_raw(SYS_rt_sigaction, sig, 0, (long)&old, 8, 0, 0))
            continue;
        if (old.handler != (void *)SIG_DFL && old.handler != (void *)SIG_IGN) {
            struct k_sigaction dfl = { .handler = (void *)SIG_DFL };
            sc_raw(SYS_rt_sigaction, sig, (long)&dfl, 0, 8, 0, 0);
            old = dfl;
        }
        g_guest_act[sig] = old;
    }
}

long sc_rt_sigaction(struct sc_regs *r)
{
    int sig = (int)r->rdi;
    const struct k_sigaction *act = (const void *)r->rsi;
    struct k_sigaction *oact = (void *)r->rdx;
    if (r->r10 != 8 || sig < 1 || sig > SC_NSIG)
        return -EINVAL;
    if (act && (sig == SIGKILL || sig == SIGSTOP))
        return -EINVAL;
    struct k_sigaction old = g_guest_act[sig];
    /* SA_RESETHAND: the kernel put the default back when it delivered
     * the signal, in its own record (of lvrun's handler); the guest's
     * record follows it. */
    if ((old.flags & SA_RESETHAND) && old.handler != (void *)SIG_DFL &&
        old.handler != (void *)SIG_IGN) {
        struct k_sigaction now;
        if (sc_raw(SYS_rt_sigaction, sig, 0, (long)&now, 8, 0, 0) == 0 &&
            now.handler == (void *)SIG_DFL) {
            old.handler = (void *)SIG_DFL;
            g_guest_act[sig] = old;
            sc_guest_handlers[sig] = NULL;
        }
    }
    if (act) {
        struct k_sigaction a = *act;
        if (sig != SIGSYS) {
            struct k_sigaction k = a;
            bool handled = a.handler != (void *)SIG_DFL && a.handler != (void *)SIG_IGN;
            k.flags |= SA_RESTORER;
            k.restorer = (void *)sc_restorer;
            k.mask &= ~SIGSYS_BIT;
            if (handled) {
                k.handler = (void *)sc_signal_entry;
                k.flags |= SA_SIGINFO;
                sc_guest_handlers[sig] = a.handler;
            }
            long e = sc_raw(SYS_rt_sigaction, sig, (long)&k, 0, 8, 0, 0);
            if (e)
                return e;
            if (!handled)
                sc_guest_handlers[sig] = NULL;
        }
        g_guest_act[sig] = a;
    }
    if (oact)
        *oact = old;
    return 0;
}

long sc_rt_sigprocmask(struct sc_regs *r)
{
    uint64_t set;
    long how = r->rdi, setp = r->rsi;
    if (setp && r->r10 == 8 && how != SIG_UNBLOCK) {
        memcpy(&set, (const void *)setp, 8);
        set &= ~SIGSYS_BIT;
        setp = (long)&set;
    }
    return sc_raw(SYS_rt_sigprocmask, how, setp, r->rdx, r->r10, 0, 0);
}

long sc_rt_sigsuspend(struct sc_regs *r)
{
    uint64_t set;
    if (r->rsi != 8)
        return -EINVAL;
    memcpy(&set, (const void *)r->rdi, 8);
    set &= ~SIGSYS_BIT;
    return sc_raw(SYS_rt_sigsuspend, (long)&set, 8, 0, 0, 0, 0);
}

/* The guest's own rt_sigreturn (its handlers normally return through
 * sc_restorer): made again from the allowed code, on the guest's stack. */
long sc_rt_sigreturn(struct sc_regs *r)
{
    r->rip = (uint64_t)sc_restorer;
    return SYS_rt_sigreturn;
}
