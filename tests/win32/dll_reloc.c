/* Forced relocation: the exe reserves testdll.dll's preferred base first, so
 * LoadLibrary must map it elsewhere and apply its base relocations. */
#include <windows.h>
#include "test.h"

typedef int (*int_fn)(void);

int main(void)
{
    void *blocker = VirtualAlloc((void *)0x3f0000000ULL, 0x100000, MEM_RESERVE, PAGE_NOACCESS);
    HMODULE h;

    printf("preferred base reserved: %d\n", blocker == (void *)0x3f0000000ULL);
    fflush(stdout);
    h = LoadLibraryA("testdll.dll");
    ok(h != NULL, "LoadLibrary failed %lu", GetLastError());
    printf("loaded elsewhere: %d\n", (ULONG_PTR)h != 0x3f0000000ULL);
    printf("is_relocated: %d\n", ((int_fn)GetProcAddress(h, "testdll_is_relocated"))());
    printf("relocations correct: %d\n", ((int_fn)GetProcAddress(h, "testdll_check_relocs"))());
    fflush(stdout);
    FreeLibrary(h);
    VirtualFree(blocker, 0, MEM_RELEASE);
    return test_summary();
}
