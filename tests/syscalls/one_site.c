/* One call site reached with many numbers: musl's syscall() has a single
 * `syscall` instruction, rewritten at its first trap, so the later calls
 * land on every byte of the rewritten sites' sled (the number is the
 * address): numbers of each remainder modulo 5 (the sled's jumps are 5
 * bytes), calls the kernel takes as they are and emulated ones. */
#include <signal.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

static int g_failed;

static void check(const char *what, int ok)
{
    printf("%s: %s\n", what, ok ? "ok" : "wrong");
    g_failed |= !ok;
}

int main(void)
{
    check("getpid (39)", syscall(SYS_getpid) == getpid());
    for (int round = 0; round < 3; round++) {
        check("getppid (110)", syscall(SYS_getppid) == getppid());
        check("gettid (186)", syscall(SYS_gettid) == getpid());
        check("getuid (102)", syscall(SYS_getuid) == getuid());
        check("getegid (108)", syscall(SYS_getegid) == getegid());
        check("getgid (104)", syscall(SYS_getgid) == getgid());
        check("umask (95)", syscall(SYS_umask, 022) == 022 && umask(022) == 022);
        sigset_t set, old;
        sigemptyset(&set);
        sigaddset(&set, SIGUSR1);
        check("rt_sigprocmask (14)",
              syscall(SYS_rt_sigprocmask, SIG_BLOCK, &set, &old, 8) == 0 &&
              sigprocmask(SIG_BLOCK, NULL, &old) == 0 && sigismember(&old, SIGUSR1));
        sigprocmask(SIG_UNBLOCK, &set, NULL);
        long now = syscall(SYS_brk, 0);
        check("brk (12)", now != 0 && syscall(SYS_brk, 0) == now);
        struct stat a, b;
        check("stat (4)", syscall(SYS_stat, "/", &a) == 0 && stat("/", &b) == 0 &&
                              a.st_ino == b.st_ino);
    }
    return g_failed;
}
