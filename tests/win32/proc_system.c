/* system() and _popen through cmd.exe: echo, exit codes, &&, ||, &, a pipe
 * between two commands, redirections, %VAR% expansion, set, type, cd. */
#include <windows.h>
#include <io.h>
#include <process.h>
#include <stdio.h>
#include <stdlib.h>
#include "test.h"

static void show(const char *command)
{
    printf("> %s\n", command);
    int r = system(command);
    printf("= %d\n", r);
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    /* proc_child.exe is beside this program; cmd finds it through PATH. */
    char child[MAX_PATH], path[8192];
    DWORD n = GetModuleFileNameA(NULL, child, MAX_PATH);
    while (n && child[n - 1] != '\\' && child[n - 1] != '/')
        n--;
    child[n] = 0;
    snprintf(path, sizeof path, "%s;", child);
    GetEnvironmentVariableA("PATH", path + n + 1, (DWORD)(sizeof path - n - 1));
    SetEnvironmentVariableA("PATH", path);
    SetEnvironmentVariableA("PROC_ENV", "from-env");
    strcat(child, "proc_child.exe");
    ok(system(NULL) != 0, "a command interpreter should be there");
    show("echo hi");
    show("exit 7");
    show("exit /b 300");
    show("echo one&& echo two");
    show("exit 1 || echo after a failure");
    show("exit 1 && echo never");
    show("echo first & echo second");
    show("echo.");
    show("echo off");
    show("echo piped| proc_child.exe upper");
    show("echo to a file> out.txt && type out.txt");
    show("echo appended>>out.txt && type out.txt");
    show("proc_child.exe upper < out.txt");
    show("proc_child.exe nonsense 2>&1");
    show("proc_child.exe nonsense 2>nul");
    show("set PROC_VAR=some value&& set PROC_VAR");
    show("set PROC_NO_SUCH_VAR");
    show("echo [%PROC_ENV%] [%PROC_UNDEFINED%]");
    show("proc_child.exe args");
    show("proc_child.exe exit 1234");
    show("cd nosuchdir");

    FILE *f = _popen("proc_child.exe args", "r");
    ok(f != NULL, "_popen failed");
    char line[256];
    while (f && fgets(line, sizeof line, f))
        printf("popen read: %s", line);
    printf("pclose: %d\n", f ? _pclose(f) : -1);

    f = _popen("proc_child.exe upper", "w");
    ok(f != NULL, "_popen for writing failed");
    fputs("written through popen\n", f);
    printf("pclose: %d\n", f ? _pclose(f) : -1);

    int fds[2];
    ok(_pipe(fds, 256, 0x8000 /* _O_BINARY */) == 0, "_pipe failed");
    ok(_write(fds[1], "abc", 3) == 3, "_write to the pipe");
    _close(fds[1]);
    char buf[8] = { 0 };
    ok(_read(fds[0], buf, sizeof buf) == 3 && !strcmp(buf, "abc"), "_read from the pipe: %s", buf);
    ok(_read(fds[0], buf, sizeof buf) == 0, "end of the pipe");
    _close(fds[0]);

    intptr_t code = _spawnl(_P_WAIT, child, "proc_child.exe", "exit", "2a", NULL);
    printf("_spawnl P_WAIT: 0x%lx\n", (long)code);
    const char *const argv[] = { "proc_child.exe", "exit", "5", NULL };
    intptr_t h = _spawnvp(_P_NOWAIT, "proc_child.exe", argv);
    int status = -1;
    ok(h != -1 && _cwait(&status, h, 0) == h, "_cwait");
    printf("_spawnvp P_NOWAIT: %d\n", status);
    return test_summary();
}
