/* A delay-loaded import (dlltool --output-delaylib): testdll.dll is loaded
 * by the first call through the delay thunk, not at startup. */
#include <windows.h>
#include "test.h"

int testdll_add(int a, int b);
int testdll_get_counter(void);

int main(void)
{
    int r;

    printf("loaded at start: %d\n", GetModuleHandleA("testdll.dll") != NULL);
    fflush(stdout);
    r = testdll_add(20, 22);
    printf("first call: %d\n", r);
    printf("loaded now: %d\n", GetModuleHandleA("testdll.dll") != NULL);
    printf("second function: %d\n", testdll_get_counter());
    return test_summary();
}
