/* The start-up benchmark: one line out, built both as a native ELF and as
 * a Windows program. */
#include <stdio.h>

int main(void)
{
    printf("hello, world\n");
    return 0;
}
