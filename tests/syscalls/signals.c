/* Signals: a handler for raise, alarm and pause, blocked and pending,
 * siglongjmp out of a SIGSEGV handler, SA_SIGINFO, SA_RESETHAND. */
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t g_count;
static sigjmp_buf g_jb;

static void on_usr1(int sig)
{
    g_count += sig;
    write(1, "in handler\n", 11);
}

static void on_alarm(int sig)
{
    (void)sig;
    g_count += 1000;
}

static void on_segv(int sig, siginfo_t *info, void *uc)
{
    (void)uc;
    (void)info;
    siglongjmp(g_jb, sig);
}

static void on_info(int sig, siginfo_t *info, void *uc)
{
    (void)uc;
    g_count = sig * 100 + info->si_code;
}

int main(void)
{
    /* Unbuffered: the program ends killed by SIGTERM, which would lose
     * what a buffer held, and with it the lines to compare. */
    setvbuf(stdout, NULL, _IONBF, 0);
    signal(SIGUSR1, on_usr1);
    raise(SIGUSR1);
    printf("count %d\n", g_count);
    signal(SIGALRM, on_alarm);
    alarm(1);
    pause();
    printf("after pause %d\n", g_count);
    sigset_t set, pending;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, NULL);
    raise(SIGUSR1);
    sigpending(&pending);
    printf("pending %d count %d\n", sigismember(&pending, SIGUSR1), g_count);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    printf("unblocked count %d\n", g_count);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    int sig = sigsetjmp(g_jb, 1);
    if (!sig) {
        volatile int *bad = (int *)16;
        *bad = 1;
    }
    printf("back from SIGSEGV: %d\n", sig);
    sa.sa_sigaction = on_info;
    sigaction(SIGUSR2, &sa, NULL);
    struct sigaction old;
    sigaction(SIGUSR2, NULL, &old);
    printf("handler kept: %d\n", old.sa_sigaction == on_info);
    kill(getpid(), SIGUSR2);
    printf("info %d\n", g_count);
    sigaction(SIGSYS, NULL, &old);
    printf("SIGSYS default: %d\n", old.sa_handler == SIG_DFL);
    sa.sa_handler = on_usr1;
    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGUSR1, &sa, NULL);
    raise(SIGUSR1);
    sigaction(SIGUSR1, NULL, &old);
    printf("reset after one: %d, count %d\n", old.sa_handler == SIG_DFL, g_count);
    signal(SIGTERM, SIG_DFL);
    raise(SIGTERM);
    return 0;
}
