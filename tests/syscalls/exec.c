/* execve of another static program (its calls caught again), from a
 * forked child and through posix_spawn; a host program too. */
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

int main(int argc, char **argv)
{
    char child[4096];
    snprintf(child, sizeof child, "%s", argv[0]);
    char *slash = strrchr(child, '/');
    strcpy(slash ? slash + 1 : child, "exec_child");
    fflush(stdout);
    pid_t pid = fork();
    if (pid == 0) {
        char *args[] = { "exec_child", "one", "two words", NULL };
        char *env[] = { "SC_TEST=set", NULL };
        execve(child, args, env);
        perror("execve");
        _exit(127);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("exec child exited %d\n", WEXITSTATUS(status));
    char *args[] = { "exec_child", "spawned", NULL };
    if (posix_spawn(&pid, child, NULL, NULL, args, environ) == 0) {
        waitpid(pid, &status, 0);
        printf("spawned child exited %d\n", WEXITSTATUS(status));
    }
    fflush(stdout);
    pid = fork();
    if (pid == 0) {
        char *sh[] = { "sh", "-c", "echo from a host shell; exit 4", NULL };
        execve("/bin/sh", sh, environ);
        _exit(127);
    }
    waitpid(pid, &status, 0);
    printf("shell exited %d\n", WEXITSTATUS(status));
    printf("missing: %d\n", execve("/nonexistent", args, environ));
    (void)argc;
    return 0;
}
