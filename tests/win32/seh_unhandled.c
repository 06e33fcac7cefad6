/* An access violation nobody handles: Windows ends the process with the
 * exception code (the host keeps 0x05 of 0xC0000005), without flushing the
 * CRT's buffered output; lvrun also reports it on stderr. */
#include <stdio.h>
#include <windows.h>

int main(void)
{
    DWORD n;
    printf("buffered, lost\n");
    WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), "written\n", 8, &n, NULL);
    *(volatile int *)0x10 = 1;
    printf("not reached\n");
    return 0;
}
