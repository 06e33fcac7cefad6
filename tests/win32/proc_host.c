/* lvrun only: host programs as children (an ELF through Z: and one found
 * on PATH), and what lvrun's builtin cmd does not support. Expected output
 * written by hand: Wine runs no host programs, and its cmd is a fuller one. */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>
#include "test.h"

static DWORD run(const char *line, const char *input, char *out, DWORD size)
{
    SECURITY_ATTRIBUTES sa = { sizeof sa, NULL, TRUE };
    HANDLE in_r, in_w, out_r, out_w;
    CreatePipe(&in_r, &in_w, &sa, 0);
    CreatePipe(&out_r, &out_w, &sa, 0);
    SetHandleInformation(in_w, HANDLE_FLAG_INHERIT, 0);
    SetHandleInformation(out_r, HANDLE_FLAG_INHERIT, 0);
    STARTUPINFOA si = { sizeof si };
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = in_r;
    si.hStdOutput = out_w;
    si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    PROCESS_INFORMATION pi;
    char buf[256];
    lstrcpyA(buf, line);
    BOOL started = CreateProcessA(NULL, buf, NULL, NULL, TRUE, CREATE_NO_WINDOW, NULL, NULL, &si, &pi);
    ok(started, "CreateProcess(%s): %lu", line, GetLastError());
    CloseHandle(in_r);
    CloseHandle(out_w);
    DWORD n, got = 0, code = 0xdeadbeef;
    if (input)
        WriteFile(in_w, input, (DWORD)strlen(input), &n, NULL);
    CloseHandle(in_w);
    while (ReadFile(out_r, out + got, size - 1 - got, &n, NULL) && n)
        got += n;
    out[got] = 0;
    CloseHandle(out_r);
    if (started) {
        WaitForSingleObject(pi.hProcess, INFINITE);
        GetExitCodeProcess(pi.hProcess, &code);
        CloseHandle(pi.hProcess);
        CloseHandle(pi.hThread);
    }
    return code;
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    char out[512];
    DWORD code = run("Z:\\usr\\bin\\sort", "pear\napple\nfig\n", out, sizeof out);
    printf("sort (%lu):\n%s", code, out);
    code = run("cat -n", "through PATH\n", out, sizeof out);
    printf("cat (%lu): %s", code, out);
    code = run("Z:\\bin\\sh -c \"echo sh got $0 $1; exit 3\" \"a b\" c", NULL, out, sizeof out);
    printf("sh (%lu): %s", code, out);
    code = run("cmd /c echo hi | Z:\\usr\\bin\\tr a-z A-Z", NULL, out, sizeof out);
    printf("cmd and tr (%lu): %s", code, out);
    printf("if: %d\n", system("if 1==1 echo yes"));
    printf("for: %d\n", system("for %i in (a) do echo %i"));
    printf("batch file: %d\n", system("script.bat"));
    printf("not found: %d\n", system("no_such_command_here"));
    printf("syntax: %d\n", system("echo a && && echo b"));
    return test_summary();
}
