/* Export forwarders: fwddll.dll forwards fwd_add to testdll.testdll_add
 * (loading testdll.dll on demand) and fwd_pid to kernel32. */
#include <windows.h>
#include "test.h"

typedef int (*add_fn)(int, int);
typedef DWORD (WINAPI *pid_fn)(void);
typedef int (*int_fn)(void);

int main(void)
{
    HMODULE fwd, target;
    add_fn add;
    pid_fn pid;

    fflush(stdout);
    fwd = LoadLibraryA("fwddll.dll");
    ok(fwd != NULL, "LoadLibrary fwddll failed %lu", GetLastError());
    printf("own export: %d\n", ((int_fn)GetProcAddress(fwd, "fwddll_own"))());
    fflush(stdout);
    add = (add_fn)GetProcAddress(fwd, "fwd_add");
    ok(add != NULL, "forwarded fwd_add missing");
    target = GetModuleHandleA("testdll.dll");
    printf("target loaded: %d\n", target != NULL);
    printf("resolves into testdll: %d\n", add == (add_fn)GetProcAddress(target, "testdll_add"));
    printf("fwd_add(5, 6) = %d\n", add(5, 6));
    pid = (pid_fn)GetProcAddress(fwd, "fwd_pid");
    printf("fwd_pid works: %d\n", pid && pid() == GetCurrentProcessId());
    /* No FreeLibrary: whether it also releases testdll.dll differs between
     * Windows versions. */
    return test_summary();
}
