#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

static volatile sig_atomic_t hits, depth, max_depth;

static void counter(int sig)
{
    (void)sig;
    hits++;
}

static void nested(int sig)
{
    depth++;
    if (depth > max_depth)
        max_depth = depth;
    if (depth < 3)
        raise(sig);
    depth--;
}

static void on_alt(int sig)
{
    char here;
    (void)sig;
    hits = (volatile sig_atomic_t)(long)&here;
}

int main(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = counter;
    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGUSR2, &sa, NULL);
    raise(SIGUSR2);
    struct sigaction old;
    sigaction(SIGUSR2, NULL, &old);
    printf("resethand: hits %d now default %d\n", hits, old.sa_handler == SIG_DFL);
    sa.sa_handler = nested;
    sa.sa_flags = SA_NODEFER;
    sigaction(SIGUSR1, &sa, NULL);
    raise(SIGUSR1);
    printf("nodefer depth %d\n", max_depth);
    static char stack[65536];
    stack_t ss = { .ss_sp = stack, .ss_size = sizeof stack };
    printf("sigaltstack %d\n", sigaltstack(&ss, NULL));
    sa.sa_handler = on_alt;
    sa.sa_flags = SA_ONSTACK;
    sigaction(SIGUSR1, &sa, NULL);
    raise(SIGUSR1);
    char *at = (char *)(long)hits;
    printf("handler ran on the alternate stack: %d\n", at >= stack && at < stack + sizeof stack);
    hits = 0;
    sa.sa_handler = counter;
    sa.sa_flags = 0;
    sigaction(SIGALRM, &sa, NULL);
    struct itimerval it = { { 0, 0 }, { 0, 20000 } };
    setitimer(ITIMER_REAL, &it, NULL);
    sigset_t none;
    sigemptyset(&none);
    sigsuspend(&none);
    printf("timer fired %d\n", hits);
    signal(SIGUSR1, SIG_IGN);
    raise(SIGUSR1);
    printf("ignored fine\n");
    printf("sig names: %s / %s\n", strsignal(SIGINT), strsignal(SIGKILL));
    psignal(SIGTERM, "psignal");
    return 0;
}
