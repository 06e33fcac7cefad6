/* Code made at run time, as a JIT makes it: `mov $39, %eax; syscall; ret`
 * (getpid) written into a fresh mapping, made executable, and run by a
 * second thread that was already blocked in read() when the code was
 * made. lvrun cannot have rewritten that `syscall`: it must be caught
 * all the same (test_stats.py counts the trap), and the blocked read must
 * go on as if nothing had happened. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static int g_pipe[2];
static long (*g_code)(void);

static void *runner(void *arg)
{
    char go;
    (void)arg;
    if (read(g_pipe[0], &go, 1) != 1)
        return (void *)1;
    return g_code() == getpid() ? NULL : (void *)2;
}

int main(void)
{
    static const unsigned char getpid_code[] = { 0xb8, 39, 0, 0, 0, 0x0f, 0x05, 0xc3 };
    pthread_t t;
    void *result;
    if (pipe(g_pipe) || pthread_create(&t, NULL, runner, NULL))
        return 1;
    usleep(20000); /* the runner is in read() */
    unsigned char *page = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
                               MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (page == MAP_FAILED)
        return 1;
    memcpy(page, getpid_code, sizeof getpid_code);
    if (mprotect(page, 4096, PROT_READ | PROT_EXEC))
        return 1;
    g_code = (long (*)(void))page;
    if (write(g_pipe[1], "x", 1) != 1 || pthread_join(t, &result))
        return 1;
    printf("code made at run time, run by another thread: %s\n",
           result ? "wrong" : "getpid ok");
    return result != NULL;
}
