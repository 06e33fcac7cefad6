/* LoadLibrary/GetProcAddress/FreeLibrary: lookup by name and by ordinal
 * (including an export that has no name), a data export, GetModuleHandle,
 * reference counting, DllMain attach/detach in order, and failures. */
#include <windows.h>
#include "test.h"

typedef int (*int_fn)(void);
typedef int (*add_fn)(int, int);

int main(void)
{
    HMODULE h, h2;
    add_fn add;
    int_fn secret;
    int *data;

    printf("loaded before: %d\n", GetModuleHandleA("testdll.dll") != NULL);
    fflush(stdout);
    h = LoadLibraryA("testdll.dll");
    ok(h != NULL, "LoadLibrary failed %lu", GetLastError());
    printf("GetModuleHandle matches: %d\n", GetModuleHandleA("TESTDLL") == h);
    add = (add_fn)GetProcAddress(h, "testdll_add");
    printf("by name: %d\n", add ? add(1, 2) : -1);
    printf("by ordinal 1 same function: %d\n", (add_fn)GetProcAddress(h, MAKEINTRESOURCEA(1)) == add);
    secret = (int_fn)GetProcAddress(h, MAKEINTRESOURCEA(7));
    printf("nameless ordinal 7: %#x\n", secret ? secret() : 0);
    printf("nameless by name: %p\n", (void *)GetProcAddress(h, "testdll_secret"));
    SetLastError(0xdeadbeef);
    printf("ordinal 99: %p", (void *)GetProcAddress(h, MAKEINTRESOURCEA(99)));
    printf(" error %lu\n", GetLastError());
    data = (int *)GetProcAddress(h, "testdll_data");
    printf("data export: %d\n", data ? *data : -1);
    printf("relocations correct: %d\n", ((int_fn)GetProcAddress(h, "testdll_check_relocs"))());

    h2 = LoadLibraryA("testdll.dll");
    printf("second load same handle: %d\n", h2 == h);
    fflush(stdout);
    ok(FreeLibrary(h2), "FreeLibrary 1");
    printf("still loaded after one free: %d\n", GetModuleHandleA("testdll.dll") == h);
    fflush(stdout);
    ok(FreeLibrary(h), "FreeLibrary 2");
    printf("loaded after last free: %d\n", GetModuleHandleA("testdll.dll") != NULL);

    SetLastError(0xdeadbeef);
    h = LoadLibraryA("no_such_library.dll");
    printf("missing library: %p error %lu\n", (void *)h, GetLastError());
    return test_summary();
}
