/* terminate, unexpected, pure virtual calls, and the CRT's exception
 * filter of old start-up code. The handlers are per thread, as the CRT
 * keeps them. */
#include "msvcrt.spec.h"
#include "runtime_private.h"
#include "cxx_private.h"

static __thread msvcrt_vfn t_terminate, t_unexpected;
static msvcrt_vfn g_purecall;

void cxx_terminate(void)
{
    if (t_terminate)
        t_terminate();
    msvcrt_abort();
    __builtin_unreachable();
}

void CDECL msvcrt_terminate(void)
{
    cxx_terminate();
}

msvcrt_vfn CDECL msvcrt_set_terminate(msvcrt_vfn handler)
{
    msvcrt_vfn old = t_terminate;
    t_terminate = handler;
    return old;
}

msvcrt_vfn CDECL msvcrt__get_terminate(void)
{
    return t_terminate;
}

void CDECL msvcrt_unexpected(void)
{
    if (t_unexpected)
        t_unexpected();
    cxx_terminate();
}

msvcrt_vfn CDECL msvcrt_set_unexpected(msvcrt_vfn handler)
{
    msvcrt_vfn old = t_unexpected;
    t_unexpected = handler;
    return old;
}

msvcrt_vfn CDECL msvcrt__get_unexpected(void)
{
    return t_unexpected;
}

/* A pure virtual function called: the handler, then runtime error R6025. */
void CDECL msvcrt__purecall(void)
{
    msvcrt_vfn h = __atomic_load_n(&g_purecall, __ATOMIC_ACQUIRE);
    if (h)
        h();
    msvcrt__amsg_exit(25);
}

msvcrt_vfn CDECL msvcrt__set_purecall_handler(msvcrt_vfn handler)
{
    return __atomic_exchange_n(&g_purecall, handler, __ATOMIC_ACQ_REL);
}

msvcrt_vfn CDECL msvcrt__get_purecall_handler(void)
{
    return __atomic_load_n(&g_purecall, __ATOMIC_ACQUIRE);
}

#define SIG_DFL_ ((msvcrt_sighandler)0)
#define SIG_IGN_ ((msvcrt_sighandler)1)
enum { SIGILL_ = 4, SIGFPE_ = 8, SIGSEGV_ = 11 };

/* The signal an exception maps to, and SIGFPE's code (_FPE_*). */
static int exception_signal(DWORD code, int *fpe)
{
    *fpe = 0;
    switch (code) {
    case EXCEPTION_ACCESS_VIOLATION: return SIGSEGV_;
    case STATUS_ILLEGAL_INSTRUCTION: case STATUS_PRIVILEGED_INSTRUCTION: return SIGILL_;
    case STATUS_FLOAT_INVALID_OPERATION: *fpe = 0x81; return SIGFPE_;
    case STATUS_FLOAT_DENORMAL_OPERAND: *fpe = 0x82; return SIGFPE_;
    case STATUS_FLOAT_DIVIDE_BY_ZERO: *fpe = 0x83; return SIGFPE_;
    case STATUS_FLOAT_OVERFLOW: *fpe = 0x84; return SIGFPE_;
    case STATUS_FLOAT_UNDERFLOW: *fpe = 0x85; return SIGFPE_;
    case STATUS_FLOAT_INEXACT_RESULT: *fpe = 0x86; return SIGFPE_;
    case STATUS_FLOAT_STACK_CHECK: *fpe = 0x8a; return SIGFPE_;
    case STATUS_FLOAT_MULTIPLE_TRAPS: *fpe = 0x8d; return SIGFPE_;
    case STATUS_FLOAT_MULTIPLE_FAULTS: *fpe = 0x8e; return SIGFPE_;
    default: return 0;
    }
}

/* The program's signal handler for the exception, if it set one: it runs
 * once (reset to SIG_DFL first) and execution continues. */
int CDECL msvcrt__XcptFilter(ULONG code, EXCEPTION_POINTERS *ptrs)
{
    int fpe, sig = exception_signal(code, &fpe);
    if (!sig)
        return EXCEPTION_CONTINUE_SEARCH;
    msvcrt_sighandler h = msvcrt_signal(sig, SIG_DFL_);
    if (h == SIG_DFL_)
        return EXCEPTION_CONTINUE_SEARCH;
    if (h == SIG_IGN_) {
        msvcrt_signal(sig, SIG_IGN_);
        return EXCEPTION_CONTINUE_EXECUTION;
    }
    void **info = msvcrt___pxcptinfoptrs(), *saved = *info;
    *info = ptrs;
    if (sig == SIGFPE_)
        ((void (CDECL *)(int, int))(msvcrt_vfn)h)(sig, fpe);
    else
        h(sig);
    *info = saved;
    return EXCEPTION_CONTINUE_EXECUTION;
}
