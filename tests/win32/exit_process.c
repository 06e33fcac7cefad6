/* ExitProcess ends the process with its code; the CRT of this image still
 * flushes stdio and runs atexit handlers (it hooks DLL_PROCESS_DETACH). */
#include <stdio.h>
#include <windows.h>

int main(void)
{
    printf("calling ExitProcess(5)\n");
    fflush(stdout);
    ExitProcess(5);
}
