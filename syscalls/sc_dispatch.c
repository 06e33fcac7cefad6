/* Decoding a caught system call and dispatching it through the table.
 * Both ways in end here: sc_sigsys (a trap) and sc_zpoline_dispatch (a
 * rewritten site). */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>
#include "lv/trace.h"
#include "sc.h"

#define SYS_USER_DISPATCH 2

bool sc_stats_on;
unsigned long sc_traps, sc_fast_calls, sc_sites_rewritten;
static unsigned char g_reported[1024 / 8];

long sc_passthrough(struct sc_regs *r)
{
    return sc_raw(r->rax, r->rdi, r->rsi, r->rdx, r->r10, r->r8, r->r9);
}

/* Named once per call. */
static long unsupported(long nr)
{
    unsigned long bit = (unsigned long)nr % (8 * sizeof g_reported);
    if (!(__atomic_fetch_or(&g_reported[bit / 8], 1u << (bit % 8), __ATOMIC_RELAXED)
          & (1u << (bit % 8)))) {
        char line[128];
        int n = snprintf(line, sizeof line, "lvrun: unsupported system call %s (%ld)\n",
                         sc_name(nr), nr);
        sc_raw(SYS_write, 2, (long)line, n, 0, 0, 0);
    }
    return -ENOSYS;
}

long sc_dispatch(struct sc_regs *r)
{
    long nr = (long)r->rax;
    sc_handler h = (unsigned long)nr < sc_table_size ? sc_table[nr] : NULL;
    long ret = h ? h(r) : unsupported(nr);
    trace(syscalls, "%s(%#lx, %#lx, %#lx, %#lx, %#lx, %#lx) = %ld", sc_name(nr),
          (long)r->rdi, (long)r->rsi, (long)r->rdx, (long)r->r10, (long)r->r8,
          (long)r->r9, ret);
    return ret;
}

__attribute__((target("general-regs-only")))
bool sc_zpoline_fast(struct sc_regs *r)
{
    unsigned long nr = r->rax;
    if (nr >= sc_table_size || sc_table[nr] != sc_passthrough || TRACE_ON(syscalls))
        return false;
    if (sc_stats_on)
        __atomic_fetch_add(&sc_fast_calls, 1, __ATOMIC_RELAXED);
    r->rax = sc_passthrough(r);
    return true;
}

void sc_zpoline_dispatch(struct sc_regs *r)
{
    if (sc_stats_on)
        __atomic_fetch_add(&sc_fast_calls, 1, __ATOMIC_RELAXED);
    r->rax = sc_dispatch(r);
}

static const int g_greg[] = {
    REG_RAX, REG_RBX, REG_RCX, REG_RDX, REG_RSI, REG_RDI, REG_RBP, REG_RSP,
    REG_R8, REG_R9, REG_R10, REG_R11, REG_R12, REG_R13, REG_R14, REG_R15,
    REG_RIP, REG_EFL,
};

void sc_sigsys(int sig, siginfo_t *info, void *ctx)
{
    (void)sig;
    if (info->si_code != SYS_USER_DISPATCH)
        return;
    greg_t *g = ((ucontext_t *)ctx)->uc_mcontext.gregs;
    struct sc_regs r;
    uint64_t *v = (uint64_t *)&r;
    for (size_t i = 0; i < sizeof g_greg / sizeof *g_greg; i++)
        v[i] = g[g_greg[i]];
    if (sc_stats_on)
        __atomic_fetch_add(&sc_traps, 1, __ATOMIC_RELAXED);
    sc_rewrite_site(r.rip - 2, (long)r.rax);
    if (r.rax == SYS_rt_sigprocmask) {
        /* The guest's mask is the one the kernel puts back when this
         * handler returns (uc_sigmask), not the handler's: the call is
         * made with it in place, and what it leaves goes back there. */
        uint64_t handler_mask;
        sigset_t *guest_mask = &((ucontext_t *)ctx)->uc_sigmask;
        sc_raw(SYS_rt_sigprocmask, SIG_SETMASK, (long)guest_mask, (long)&handler_mask, 8, 0, 0);
        r.rax = sc_dispatch(&r);
        sc_raw(SYS_rt_sigprocmask, SIG_SETMASK, (long)&handler_mask, (long)guest_mask, 8, 0, 0);
    } else {
        r.rax = sc_dispatch(&r);
    }
    for (size_t i = 0; i < sizeof g_greg / sizeof *g_greg; i++)
        g[g_greg[i]] = v[i];
}

void sc_stats_print(void)
{
    if (!sc_stats_on)
        return;
    char line[200];
    int n = snprintf(line, sizeof line,
                     "lvrun: syscalls: %lu trapped, %lu through rewritten sites, "
                     "%lu sites rewritten (%s)\n",
                     sc_traps, sc_fast_calls, sc_sites_rewritten,
                     sc_ahead ? "rewritten ahead" : sc_rewrite_active() ? "rewriting"
                                                                        : "trapping only");
    sc_raw(SYS_write, 2, (long)line, n, 0, 0, 0);
}
