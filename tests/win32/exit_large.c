/* A 32-bit exit code: the host keeps its low 8 bits (0x1234 -> 0x34 = 52). */
#include <stdio.h>
#include <windows.h>

int main(void)
{
    printf("calling ExitProcess(0x1234)\n");
    fflush(stdout);
    ExitProcess(0x1234);
}
