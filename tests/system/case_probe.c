/* Names looked up case-insensitively while the host changes the folder
 * between requests, driven by test_system.py. Reads one request a line on
 * standard input and answers one line:
 *   open NAME      "ok CONTENT" (the first line of the file) or "error N"
 *   count PATTERN  how many names FindFirstFile/FindNextFile give
 *   make NAME      creates NAME (CREATE_NEW) holding its own name: "ok" or
 *                  "error N" */
#include <windows.h>
#include <stdio.h>
#include <string.h>

static void answer_open(const char *name)
{
    HANDLE h = CreateFileA(name, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                           NULL, OPEN_EXISTING, 0, NULL);
    char buf[64] = "";
    DWORD n = 0;
    if (h == INVALID_HANDLE_VALUE) {
        printf("error %lu\n", GetLastError());
        return;
    }
    ReadFile(h, buf, sizeof buf - 1, &n, NULL);
    buf[n] = 0;
    buf[strcspn(buf, "\r\n")] = 0;
    CloseHandle(h);
    printf("ok %s\n", buf);
}

static void answer_count(const char *pattern)
{
    WIN32_FIND_DATAA fd;
    HANDLE h = FindFirstFileA(pattern, &fd);
    int n = 0;
    if (h != INVALID_HANDLE_VALUE) {
        do
            n++;
        while (FindNextFileA(h, &fd));
        FindClose(h);
    }
    printf("%d\n", n);
}

static void answer_make(const char *name)
{
    HANDLE h = CreateFileA(name, GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    DWORD n;
    if (h == INVALID_HANDLE_VALUE) {
        printf("error %lu\n", GetLastError());
        return;
    }
    WriteFile(h, name, (DWORD)strlen(name), &n, NULL);
    CloseHandle(h);
    printf("ok\n");
}

int main(void)
{
    char line[512];
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\r\n")] = 0;
        if (!strncmp(line, "open ", 5))
            answer_open(line + 5);
        else if (!strncmp(line, "count ", 6))
            answer_count(line + 6);
        else if (!strncmp(line, "make ", 5))
            answer_make(line + 5);
        else
            printf("unknown request\n");
        fflush(stdout);
    }
    return 0;
}
