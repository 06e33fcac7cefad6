/* The child of the proc_* tests: "upper" copies stdin to stdout in upper
 * case, "exit N" ends with code N (hex), "sleep MS" waits, "write H TEXT"
 * writes TEXT to the inherited handle H, "args" prints its command line
 * and an environment variable. */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc > 1 && !strcmp(argv[1], "upper")) {
        int c;
        while ((c = getchar()) != EOF)
            putchar(c >= 'a' && c <= 'z' ? c - 32 : c);
        return 0;
    }
    if (argc > 2 && !strcmp(argv[1], "exit"))
        return (int)strtoul(argv[2], NULL, 16);
    if (argc > 2 && !strcmp(argv[1], "sleep")) {
        Sleep(atoi(argv[2]));
        return 3;
    }
    if (argc > 3 && !strcmp(argv[1], "write")) {
        HANDLE h = (HANDLE)(ULONG_PTR)strtoull(argv[2], NULL, 16);
        DWORD done;
        return WriteFile(h, argv[3], (DWORD)strlen(argv[3]), &done, NULL) ? 0 : 1;
    }
    if (argc > 1 && !strcmp(argv[1], "args")) {
        char value[64];
        DWORD n = GetEnvironmentVariableA("PROC_TEST", value, sizeof value);
        printf("[%s] PROC_TEST=%s\n", GetCommandLineA(), n ? value : "(unset)");
        return 0;
    }
    fprintf(stderr, "proc_child: unknown mode\n");
    return 2;
}
