/* fork, vfork and wait: exit statuses, a pipe between parent and child. */
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
    int fds[2];
    pipe(fds);
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        const char *msg = "from the child";
        write(fds[1], msg, strlen(msg));
        _exit(5);
    }
    close(fds[1]);
    char buf[64] = "";
    read(fds[0], buf, sizeof buf - 1);
    int status;
    printf("waited %d\n", waitpid(pid, &status, 0) == pid);
    printf("child said '%s', exited %d with %d\n", buf, WIFEXITED(status), WEXITSTATUS(status));
    for (int i = 0; i < 3; i++) {
        pid = fork();
        if (pid == 0)
            _exit(10 + i);
        waitpid(pid, &status, 0);
        printf("child %d: %d\n", i, WEXITSTATUS(status));
    }
    pid = vfork();
    if (pid == 0)
        _exit(33);
    waitpid(pid, &status, 0);
    printf("vfork child: %d\n", WEXITSTATUS(status));
    pid = fork();
    if (pid == 0) {
        pause();
        _exit(0);
    }
    kill(pid, 9);
    waitpid(pid, &status, 0);
    printf("killed: %d signal %d\n", WIFSIGNALED(status), WTERMSIG(status));
    return 0;
}
