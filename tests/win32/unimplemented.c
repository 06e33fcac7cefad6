/* Calling an import the runtime does not implement: lvrun must report
 * "lvrun: unimplemented function KERNEL32.dll!LvrunNoSuchFunction called
 * from <exe>+0x..." on stderr and exit with 127, after the program's
 * earlier output. (libnosuch.a, made from nosuch.def, provides the import.) */
#include <stdio.h>
#include <windows.h>

void WINAPI LvrunNoSuchFunction(void);

int main(void)
{
    printf("before the call\n");
    fflush(stdout);
    LvrunNoSuchFunction();
    printf("after the call\n");
    return 0;
}
