/* An import from a DLL that exists nowhere: loading fails before main, lvrun
 * exits with 126 and names the DLL on stderr. */
#include <stdio.h>

void lvrun_missing_function(void);

int main(void)
{
    printf("this must never run\n");
    lvrun_missing_function();
    return 0;
}
