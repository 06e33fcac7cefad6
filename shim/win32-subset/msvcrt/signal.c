/* signal and raise with Windows' signal numbers. A host signal reaching
 * the guest comes with the exceptions work; here signals are raised by
 * the program itself. */
#include <pthread.h>
#include "msvcrt.spec.h"
#include "runtime_private.h"

#define SIG_DFL_ ((msvcrt_sighandler)0)
#define SIG_IGN_ ((msvcrt_sighandler)1)
#define SIG_ERR_ ((msvcrt_sighandler)-1)
#define FPE_EXPLICITGEN 0x8c

enum { SIGINT_ = 2, SIGILL_ = 4, SIGABRT_COMPAT_ = 6, SIGFPE_ = 8, SIGSEGV_ = 11,
       SIGTERM_ = 15, SIGBREAK_ = 21 };

static msvcrt_sighandler g_handlers[MSVCRT_SIGABRT + 1];
static pthread_mutex_t g_signal_lock = PTHREAD_MUTEX_INITIALIZER;

static int signal_slot(int sig)
{
    switch (sig) {
    case SIGABRT_COMPAT_:
        return MSVCRT_SIGABRT;
    case SIGINT_: case SIGILL_: case SIGFPE_: case SIGSEGV_: case SIGTERM_:
    case SIGBREAK_: case MSVCRT_SIGABRT:
        return sig;
    default:
        return -1;
    }
}

msvcrt_sighandler CDECL msvcrt_signal(int sig, msvcrt_sighandler handler)
{
    int slot = signal_slot(sig);
    /* SIG_GET, SIG_SGE and SIG_ACK (2, 3, 4) are not for programs. */
    if (slot < 0 || handler == SIG_ERR_ || (uintptr_t)handler - 2 < 3) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return SIG_ERR_;
    }
    pthread_mutex_lock(&g_signal_lock);
    msvcrt_sighandler old = g_handlers[slot];
    g_handlers[slot] = handler;
    pthread_mutex_unlock(&g_signal_lock);
    return old;
}

void msvcrt_signal_default(int sig)
{
    (void)sig;
    msvcrt_do_exit(3, false);
}

/* The handler goes back to SIG_DFL before it runs, as the CRT does;
 * SIGFPE's gets the floating-point error code as a second argument. */
int CDECL msvcrt_raise(int sig)
{
    int slot = signal_slot(sig);
    if (slot < 0) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    pthread_mutex_lock(&g_signal_lock);
    msvcrt_sighandler h = g_handlers[slot];
    if (h != SIG_IGN_)
        g_handlers[slot] = SIG_DFL_;
    pthread_mutex_unlock(&g_signal_lock);
    if (h == SIG_IGN_)
        return 0;
    if (h == SIG_DFL_)
        msvcrt_signal_default(sig);
    if (slot == SIGFPE_)
        ((void (CDECL *)(int, int))(msvcrt_vfn)h)(sig, FPE_EXPLICITGEN);
    else
        h(sig);
    return 0;
}

/* The exception information of the signal being handled: none, as no
 * exception is turned into a signal yet. */
void **CDECL msvcrt___pxcptinfoptrs(void)
{
    static __thread void *t_info;
    return &t_info;
}
