#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
    int codes[] = { 0, 1, 255, 256 + 3 };
    setvbuf(stdout, NULL, _IOLBF, 0);
    for (int i = 0; i < 4; i++) {
        pid_t pid = fork();
        if (pid == 0)
            exit(codes[i]);
        int st;
        waitpid(pid, &st, 0);
        printf("exit(%d) -> %d\n", codes[i], WEXITSTATUS(st));
    }
    pid_t pid = fork();
    if (pid == 0) {
        pause();
        _exit(0);
    }
    kill(pid, SIGTERM);
    int st;
    waitpid(pid, &st, 0);
    printf("signaled %d sig %d\n", WIFSIGNALED(st), WTERMSIG(st));
    pid = fork();
    if (pid == 0)
        abort();
    wait(&st);
    printf("abort: signaled %d sig %d\n", WIFSIGNALED(st), WTERMSIG(st));
    printf("no children: %d\n", wait(&st));
    return 300;
}
