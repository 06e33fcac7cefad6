/* An access violation inside a DLL export, two frames below main. */
#include <stdio.h>
#include <windows.h>

__declspec(dllimport) void diag_fault_outer(int *p);

int main(void)
{
    SetLastError(0);
    diag_fault_outer((int *)0x20);
    return 0;
}
