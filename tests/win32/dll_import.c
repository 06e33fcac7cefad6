/* A DLL linked at build time: its TLS callback and DllMain run before main
 * (static attach), functions and a data export work through the import
 * table, and its DllMain sees PROCESS_DETACH after the exe's output at exit.
 * testtwin.dll has the same preferred base, so one of the two is relocated. */
#include <windows.h>
#include "test.h"

int testdll_add(int a, int b);
int testdll_get_counter(void);
int testdll_check_relocs(void);
int testdll_is_relocated(void);
__declspec(dllimport) extern int testdll_data;
int twin_check_relocs(void);
int twin_is_relocated(void);

int main(void)
{
    printf("main starts\n");
    printf("testdll_add(40, 2) = %d\n", testdll_add(40, 2));
    printf("counter %d data %d\n", testdll_get_counter(), testdll_data);
    testdll_data = 99;
    printf("data written through the import: %d\n", testdll_data);
    printf("relocations correct: %d %d\n", testdll_check_relocs(), twin_check_relocs());
    printf("exactly one relocated: %d\n", testdll_is_relocated() + twin_is_relocated() == 1);
    printf("GetModuleHandle testdll: %d\n", GetModuleHandleA("testdll.dll") != NULL);
    return test_summary();
}
