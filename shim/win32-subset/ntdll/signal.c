/* Host signals as Windows exceptions.
 *
 * A fault in guest code (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP) becomes
 * an EXCEPTION_RECORD and a CONTEXT. As Windows runs its user-mode
 * dispatcher on the faulting thread's own stack, the handler copies both
 * below the faulting Rsp (guest code has no red zone; 128 bytes are left
 * anyway) and returns into a trampoline there: the kernel's sigreturn
 * restores the signal mask, and the dispatch, the program's handlers and
 * any unwinding then run as ordinary code on the guest's stack. A handler
 * that continues gets the (possibly changed) CONTEXT loaded whole.
 *
 * A stack overflow leaves no stack to run on: it is dispatched on the
 * thread's alternate signal stack, with the signal mask restored by hand.
 *
 * A fault in lvrun's own code or a host library is not the program's: it
 * is reported as an internal error and ends the process by the same
 * signal, so that a core dump shows where it happened. */
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>
#include <unistd.h>
#include "except_private.h"
#include "lv/trace.h"
#include "lv/teb.h"

#define ALTSTACK_SIZE (256 * 1024)
#define PAGE_FAULT 14
#define GP_FAULT 13
#define SIMD_FAULT 19
#define DEBUG_TRAP 1

struct signal_frame {
    CONTEXT context;
    EXCEPTION_RECORD rec;
};

static const int g_gpr_regs[16] = {
    REG_RAX, REG_RCX, REG_RDX, REG_RBX, REG_RSP, REG_RBP, REG_RSI, REG_RDI,
    REG_R8, REG_R9, REG_R10, REG_R11, REG_R12, REG_R13, REG_R14, REG_R15,
};

static void context_from_ucontext(CONTEXT *ctx, const ucontext_t *uc)
{
    const greg_t *g = uc->uc_mcontext.gregs;
    memset(ctx, 0, sizeof *ctx);
    ctx->ContextFlags = CONTEXT_FULL | CONTEXT_SEGMENTS;
    for (int i = 0; i < 16; i++)
        ctx->Gpr[i] = (DWORD64)g[g_gpr_regs[i]];
    ctx->Rip = (DWORD64)g[REG_RIP];
    ctx->EFlags = (DWORD)g[REG_EFL];
    ctx->SegCs = 0x33;
    ctx->SegDs = ctx->SegEs = ctx->SegGs = ctx->SegSs = 0x2b;
    ctx->SegFs = 0x53;
    if (uc->uc_mcontext.fpregs) {
        memcpy(&ctx->FltSave, uc->uc_mcontext.fpregs, sizeof ctx->FltSave);
        ctx->MxCsr = ctx->FltSave.MxCsr;
    }
}

/* Bit 1 of the page-fault error code: a write; bit 4: an instruction fetch. */
static ULONG_PTR access_kind(const ucontext_t *uc, const siginfo_t *si)
{
    greg_t err = uc->uc_mcontext.gregs[REG_ERR];
    if ((err & 16) || si->si_addr == (void *)uc->uc_mcontext.gregs[REG_RIP])
        return 8;
    return (err & 2) ? 1 : 0;
}

/* hlt, cli, sti, in, out and the system-table instructions fault with #GP
 * in user mode; Windows names them. */
static bool privileged(const BYTE *pc)
{
    BYTE op = pc[0];
    return op == 0xf4 || op == 0xfa || op == 0xfb || (op >= 0xe4 && op <= 0xe7) ||
           (op >= 0xec && op <= 0xef) || (op == 0x0f && (pc[1] == 0x01 || pc[1] == 0x06));
}

/* Linux reports INT_MIN / -1 as a division by zero; Windows tells them
 * apart. The divisor of a register-operand idiv is read back. */
static DWORD divide_status(const CONTEXT *ctx)
{
    const BYTE *p = (const BYTE *)ctx->Rip;
    BYTE rex = 0;
    if ((p[0] & 0xf0) == 0x40)
        rex = *p++;
    if ((p[0] != 0xf7 && p[0] != 0xf6) || ((p[1] >> 3) & 7) != 7 || (p[1] & 0xc0) != 0xc0)
        return STATUS_INTEGER_DIVIDE_BY_ZERO;
    DWORD64 divisor = ctx->Gpr[(p[1] & 7) | ((rex & 1) << 3)];
    bool zero = (rex & 8) ? divisor == 0 : p[0] == 0xf6 ? (BYTE)divisor == 0 : (DWORD)divisor == 0;
    return zero ? STATUS_INTEGER_DIVIDE_BY_ZERO : STATUS_INTEGER_OVERFLOW;
}

static DWORD float_status(const siginfo_t *si, const ucontext_t *uc)
{
    if (uc->uc_mcontext.gregs[REG_TRAPNO] == SIMD_FAULT)
        return STATUS_FLOAT_MULTIPLE_TRAPS;
    switch (si->si_code) {
    case FPE_FLTDIV: return STATUS_FLOAT_DIVIDE_BY_ZERO;
    case FPE_FLTOVF: return STATUS_FLOAT_OVERFLOW;
    case FPE_FLTUND: return STATUS_FLOAT_UNDERFLOW;
    case FPE_FLTRES: return STATUS_FLOAT_INEXACT_RESULT;
    case FPE_FLTSUB: return STATUS_FLOAT_STACK_CHECK;
    default: return STATUS_FLOAT_INVALID_OPERATION;
    }
}

static bool stack_overflow(const siginfo_t *si, const ucontext_t *uc)
{
    if (uc->uc_mcontext.gregs[REG_TRAPNO] != PAGE_FAULT)
        return false;
    uintptr_t addr = (uintptr_t)si->si_addr;
    uintptr_t rsp = (uintptr_t)uc->uc_mcontext.gregs[REG_RSP];
    if (addr + 0x10000 >= rsp && addr < rsp + 0x10000)
        return true;
    /* A stack probe (_chkstk) touches pages below an unchanged Rsp. */
    uintptr_t limit = (uintptr_t)lv_teb()->Tib.StackLimit;
    return limit && addr < limit + 0x1000 && addr + 0x100000 > limit;
}

static void fill_record(int sig, const siginfo_t *si, const ucontext_t *uc,
                        EXCEPTION_RECORD *rec, CONTEXT *ctx)
{
    memset(rec, 0, sizeof *rec);
    rec->ExceptionAddress = (void *)ctx->Rip;
    greg_t trap = uc->uc_mcontext.gregs[REG_TRAPNO];
    switch (sig) {
    case SIGSEGV:
    case SIGBUS:
        if (sig == SIGSEGV && trap == GP_FAULT && privileged((const BYTE *)ctx->Rip)) {
            rec->ExceptionCode = STATUS_PRIVILEGED_INSTRUCTION;
            break;
        }
        rec->ExceptionCode = stack_overflow(si, uc) ? STATUS_STACK_OVERFLOW : EXCEPTION_ACCESS_VIOLATION;
        rec->NumberParameters = 2;
        if (trap == PAGE_FAULT || sig == SIGBUS) {
            rec->ExceptionInformation[0] = sig == SIGBUS ? 0 : access_kind(uc, si);
            rec->ExceptionInformation[1] = (ULONG_PTR)si->si_addr;
        } else {
            /* A general-protection fault (a non-canonical address) has no
             * address: Windows reports all ones. */
            rec->ExceptionInformation[1] = ~(ULONG_PTR)0;
        }
        break;
    case SIGFPE:
        if (si->si_code == FPE_INTDIV)
            rec->ExceptionCode = divide_status(ctx);
        else if (si->si_code == FPE_INTOVF)
            rec->ExceptionCode = STATUS_INTEGER_OVERFLOW;
        else
            rec->ExceptionCode = float_status(si, uc);
        break;
    case SIGILL:
        rec->ExceptionCode = STATUS_ILLEGAL_INSTRUCTION;
        break;
    case SIGTRAP:
        if (trap == DEBUG_TRAP) {
            rec->ExceptionCode = STATUS_SINGLE_STEP;
            break;
        }
        /* Windows points Rip back at the int3 itself. */
        rec->ExceptionCode = STATUS_BREAKPOINT;
        rec->NumberParameters = 1;
        ctx->Rip--;
        rec->ExceptionAddress = (void *)ctx->Rip;
        break;
    }
}


/* A fault in lvrun's own code: the report, then the signal's default
 * action, so that a core dump shows the real fault site. */
static void internal_error(int sig, const ucontext_t *uc)
{
    crash_report_internal(sig, (const void *)uc->uc_mcontext.gregs[REG_RIP]);
    signal(sig, SIG_DFL);
    raise(sig);
}

void seh_signal_dispatch(struct signal_frame *f) __attribute__((noreturn, used));
void seh_signal_dispatch(struct signal_frame *f)
{
    seh_raise(&f->rec, &f->context);
}

/* Entered by "returning" from the signal handler with Rsp 16-aligned and
 * Rdi pointing at the frame. */
__asm__(
    ".text\n"
    ".type seh_signal_trampoline,@function\n"
    "seh_signal_trampoline:\n"
    "    call seh_signal_dispatch\n"
    "    ud2\n"
    ".size seh_signal_trampoline, .-seh_signal_trampoline\n");
void seh_signal_trampoline(void);

static void on_signal(int sig, siginfo_t *si, void *arg)
{
    ucontext_t *uc = arg;
    greg_t *g = uc->uc_mcontext.gregs;
    if (seh_is_host_pc((DWORD64)g[REG_RIP])) {
        internal_error(sig, uc);
        return;
    }
    struct signal_frame local;
    context_from_ucontext(&local.context, uc);
    fill_record(sig, si, uc, &local.rec, &local.context);
    if (local.rec.ExceptionCode == STATUS_STACK_OVERFLOW) {
        pthread_sigmask(SIG_SETMASK, &uc->uc_sigmask, NULL);
        seh_raise(&local.rec, &local.context);
    }
    uintptr_t sp = (local.context.Rsp - 128 - sizeof(struct signal_frame)) & ~(uintptr_t)63;
    memcpy((void *)sp, &local, sizeof local);
    g[REG_RSP] = (greg_t)sp;
    g[REG_RDI] = (greg_t)sp;
    g[REG_RIP] = (greg_t)seh_signal_trampoline;
    /* lvrun's code expects the direction flag clear and the default
     * floating-point controls; the program's are in the CONTEXT. */
    g[REG_EFL] &= ~0x500;
    if (uc->uc_mcontext.fpregs) {
        uc->uc_mcontext.fpregs->cwd = 0x37f;
        uc->uc_mcontext.fpregs->mxcsr = 0x1f80;
    }
}

void exception_init_thread(void **altstack, bool is_main)
{
    stack_t old;
    /* Threads start without one; only the main thread is asked. */
    if (is_main && sigaltstack(NULL, &old) == 0 && !(old.ss_flags & SS_DISABLE)) {
        /* The main thread got one before main(): keep it with its TEB. */
        if (!*altstack)
            *altstack = old.ss_sp;
        return;
    }
    if (!*altstack) {
        void *p = mmap(NULL, ALTSTACK_SIZE, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
        if (p == MAP_FAILED)
            return;
        *altstack = p;
    }
    stack_t ss = { .ss_sp = *altstack, .ss_size = ALTSTACK_SIZE };
    sigaltstack(&ss, NULL);
}

void exception_free_altstack(void *altstack)
{
    if (altstack)
        munmap(altstack, ALTSTACK_SIZE);
}

void exception_exit_thread(void)
{
    stack_t disable = { .ss_flags = SS_DISABLE };
    sigaltstack(&disable, NULL);
}

void exception_init_process(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_signal;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK;
    static const int signals[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP };
    for (size_t i = 0; i < sizeof signals / sizeof *signals; i++)
        sigaction(signals[i], &sa, NULL);
    static void *main_altstack;
    exception_init_thread(&main_altstack, true);
}

/* Installed before main, so that a fault in lvrun itself is reported as
 * one from the start and the main thread has its alternate stack. */
static void __attribute__((constructor)) exception_init(void)
{
    exception_init_process();
}
