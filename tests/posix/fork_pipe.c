#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
    int fd[2];
    if (pipe(fd))
        return 1;
    pid_t pid = fork();
    if (pid == 0) {
        close(fd[0]);
        const char *msg = "message from the child";
        write(fd[1], msg, strlen(msg));
        _exit(5);
    }
    close(fd[1]);
    char buf[64] = "";
    ssize_t n = read(fd[0], buf, sizeof buf - 1);
    printf("parent read %zd bytes: %s\n", n, buf);
    int status;
    waitpid(pid, &status, 0);
    printf("child exited: %d, status %d\n", WIFEXITED(status), WEXITSTATUS(status));
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        char *argv[] = { "sh", "-c", "echo exec says hi; exit 3", NULL };
        execv("/bin/sh", argv);
        _exit(127);
    }
    waitpid(pid, &status, 0);
    printf("exec child status %d\n", WEXITSTATUS(status));
    FILE *p = popen("echo from popen", "r");
    fgets(buf, sizeof buf, p);
    printf("popen: %s", buf);
    printf("pclose: %d\n", pclose(p));
    printf("system: %d\n", WEXITSTATUS(system("exit 4")));
    pid = vfork();
    if (pid == 0)
        _exit(9);
    waitpid(pid, &status, 0);
    printf("vfork child status %d\n", WEXITSTATUS(status));
    return 0;
}
