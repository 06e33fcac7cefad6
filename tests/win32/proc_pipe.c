/* CreateProcess of a PE child found in the application's folder: pipes
 * to and from it, its exact command line and environment, full 32-bit
 * exit codes, STILL_ACTIVE, waits with timeouts, WaitForMultipleObjects on
 * two children, TerminateProcess, an inherited file handle, a missing
 * program. */
#include <windows.h>
#include <stdio.h>
#include "test.h"

static BOOL start(const char *line, BOOL inherit, STARTUPINFOA *si, void *env,
                  PROCESS_INFORMATION *pi)
{
    char buf[512];
    STARTUPINFOA plain = { sizeof plain };
    lstrcpyA(buf, line);
    return CreateProcessA(NULL, buf, NULL, NULL, inherit, 0, env, NULL, si ? si : &plain, pi);
}

static DWORD finish(PROCESS_INFORMATION *pi)
{
    DWORD code = 0xdeadbeef;
    ok(WaitForSingleObject(pi->hProcess, 10000) == WAIT_OBJECT_0, "child did not end");
    ok(GetExitCodeProcess(pi->hProcess, &code), "GetExitCodeProcess failed");
    CloseHandle(pi->hThread);
    CloseHandle(pi->hProcess);
    return code;
}

static void pipes_both_ways(void)
{
    SECURITY_ATTRIBUTES sa = { sizeof sa, NULL, TRUE };
    HANDLE in_r, in_w, out_r, out_w;
    ok(CreatePipe(&in_r, &in_w, &sa, 0), "CreatePipe failed");
    ok(CreatePipe(&out_r, &out_w, &sa, 0), "CreatePipe failed");
    SetHandleInformation(in_w, HANDLE_FLAG_INHERIT, 0);
    SetHandleInformation(out_r, HANDLE_FLAG_INHERIT, 0);
    STARTUPINFOA si = { sizeof si };
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = in_r;
    si.hStdOutput = out_w;
    si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    PROCESS_INFORMATION pi;
    ok(start("proc_child.exe upper", TRUE, &si, NULL, &pi), "CreateProcess: %lu", GetLastError());
    CloseHandle(in_r);
    CloseHandle(out_w);
    DWORD n, avail = 99;
    ok(PeekNamedPipe(out_r, NULL, 0, NULL, &avail, NULL), "PeekNamedPipe failed");
    ok(WriteFile(in_w, "hello, child\n", 13, &n, NULL) && n == 13, "WriteFile failed");
    CloseHandle(in_w);
    char buf[256];
    DWORD got = 0;
    while (ReadFile(out_r, buf + got, sizeof buf - 1 - got, &n, NULL) && n)
        got += n;
    ok(GetLastError() == ERROR_BROKEN_PIPE, "end of pipe: %lu", GetLastError());
    buf[got] = 0;
    printf("from child: %s", buf);
    CloseHandle(out_r);
    ok(finish(&pi) == 0, "upper's exit code");
}

static void command_line_and_environment(void)
{
    SECURITY_ATTRIBUTES sa = { sizeof sa, NULL, TRUE };
    HANDLE r, w;
    CreatePipe(&r, &w, &sa, 0);
    SetHandleInformation(r, HANDLE_FLAG_INHERIT, 0);
    STARTUPINFOA si = { sizeof si };
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdOutput = w;
    si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    PROCESS_INFORMATION pi;
    static char env[] = "PROC_TEST=from the block\0OTHER=1\0";
    ok(start("proc_child.exe   args \"two words\"  x", TRUE, &si, env, &pi), "CreateProcess");
    CloseHandle(w);
    char buf[256];
    DWORD n, got = 0;
    while (ReadFile(r, buf + got, sizeof buf - 1 - got, &n, NULL) && n)
        got += n;
    buf[got] = 0;
    printf("child says: %s", buf);
    CloseHandle(r);
    finish(&pi);
}

static void exit_codes_and_waits(void)
{
    PROCESS_INFORMATION pi, a, b;
    ok(start("proc_child.exe exit 1234", FALSE, NULL, NULL, &pi), "CreateProcess");
    printf("exit code 0x%lx\n", finish(&pi));
    ok(start("proc_child.exe exit C0000135", FALSE, NULL, NULL, &pi), "CreateProcess");
    printf("exit code 0x%lx\n", finish(&pi));

    ok(start("proc_child.exe sleep 20000", FALSE, NULL, NULL, &pi), "CreateProcess");
    DWORD code = 0;
    ok(GetExitCodeProcess(pi.hProcess, &code) && code == STILL_ACTIVE, "running: %lu", code);
    ok(WaitForSingleObject(pi.hProcess, 50) == WAIT_TIMEOUT, "wait should time out");
    ok(GetProcessId(pi.hProcess) == pi.dwProcessId, "GetProcessId");
    ok(TerminateProcess(pi.hProcess, 0xabcdef), "TerminateProcess: %lu", GetLastError());
    printf("terminated: 0x%lx\n", finish(&pi));

    ok(start("proc_child.exe sleep 100", FALSE, NULL, NULL, &a), "CreateProcess a");
    ok(start("proc_child.exe sleep 300", FALSE, NULL, NULL, &b), "CreateProcess b");
    HANDLE both[2] = { a.hProcess, b.hProcess };
    DWORD any = WaitForMultipleObjects(2, both, FALSE, 10000);
    ok(any == WAIT_OBJECT_0, "the shorter child ends first: %lu", any);
    ok(WaitForMultipleObjects(2, both, TRUE, 10000) == WAIT_OBJECT_0, "wait for both");
    printf("two children: %lu %lu\n", finish(&a), finish(&b));
}

static void inherited_file(void)
{
    SECURITY_ATTRIBUTES sa = { sizeof sa, NULL, TRUE };
    HANDLE f = CreateFileA("inherited.txt", GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE,
                           &sa, CREATE_ALWAYS, 0, NULL);
    ok(f != INVALID_HANDLE_VALUE, "CreateFile");
    char line[128];
    PROCESS_INFORMATION pi;
    sprintf(line, "proc_child.exe write %p written-by-the-child", f);
    ok(start(line, TRUE, NULL, NULL, &pi), "CreateProcess");
    ok(finish(&pi) == 0, "the child could not write to the inherited handle");
    CloseHandle(f);
    f = CreateFileA("inherited.txt", GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    DWORD n = 0;
    ReadFile(f, line, sizeof line - 1, &n, NULL);
    line[n] = 0;
    printf("inherited.txt: %s\n", line);
    CloseHandle(f);
}

static void missing_program(void)
{
    PROCESS_INFORMATION pi;
    SetLastError(0xdeadbeef);
    BOOL r = start("no_such_program_here.exe arg", FALSE, NULL, NULL, &pi);
    printf("missing program: %d %lu\n", r, GetLastError());
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    pipes_both_ways();
    command_line_and_environment();
    exit_codes_and_waits();
    inherited_file();
    missing_program();
    return test_summary();
}
