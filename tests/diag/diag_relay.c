/* Calls whose relay lines test_diag.py checks: a failing CreateFileA and
 * the last-error it sets, a wide path, a string function, a variadic one,
 * and a call into a DLL of the program's own. */
#include <stdio.h>
#include <string.h>
#include <windows.h>

__declspec(dllimport) int diag_add(int a, int b);

int main(void)
{
    const char *volatile word = "relay";
    HANDLE h = CreateFileA("diag-no-such-file.txt", GENERIC_READ, FILE_SHARE_READ, NULL,
                           OPEN_EXISTING, FILE_ATTRIBUTE_NORMAL, NULL);
    DWORD err = GetLastError();
    printf("CreateFileA: %s, error %lu\n", h == INVALID_HANDLE_VALUE ? "failed" : "opened", err);
    h = CreateFileW(L"C:\\diag-no-such-dir\\a.txt", GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    printf("CreateFileW: error %lu\n", GetLastError());
    printf("strlen: %u\n", (unsigned)strlen(word));
    printf("diag_add: %d\n", diag_add(2, 3));
    /* With relay off an import slot holds the implementation itself. */
    FARPROC direct = GetProcAddress(GetModuleHandleA("kernel32.dll"), "GetTickCount");
    printf("slot: %s\n", (FARPROC)GetTickCount == direct ? "direct" : "relayed");
    fflush(stdout);
    return 0;
}
