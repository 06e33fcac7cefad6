#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static sigjmp_buf env;
static volatile sig_atomic_t got;

static void on_usr1(int sig)
{
    got = sig;
}

static void on_segv(int sig, siginfo_t *info, void *ctx)
{
    (void)ctx;
    got = sig;
    siglongjmp(env, info->si_addr == (void *)16 ? 2 : 1);
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sigaction(SIGUSR1, &sa, NULL);
    raise(SIGUSR1);
    printf("after raise: got %d\n", got);
    sigset_t set, old;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, &old);
    got = 0;
    kill(getpid(), SIGUSR1);
    printf("blocked: got %d\n", got);
    sigpending(&set);
    printf("pending: %d\n", sigismember(&set, SIGUSR1));
    sigprocmask(SIG_SETMASK, &old, NULL);
    printf("unblocked: got %d\n", got);

    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGSEGV, &sa, NULL);
    for (int round = 0; round < 3; round++) {
        int r = sigsetjmp(env, 1);
        if (r == 0) {
            volatile int *p = (int *)16;
            *p = 1;
            printf("not reached\n");
        } else {
            printf("round %d: back from SIGSEGV handler with %d (signal %d)\n", round, r, got);
        }
    }
    jmp_buf jb;
    volatile int count = 0;
    if (setjmp(jb) < 3) {
        count++;
        longjmp(jb, count);
    }
    printf("setjmp/longjmp count %d\n", count);
    signal(SIGALRM, SIG_IGN);
    alarm(0);
    printf("SIGRTMIN %d SIGRTMAX %d\n", SIGRTMIN, SIGRTMAX);
    return 0;
}
