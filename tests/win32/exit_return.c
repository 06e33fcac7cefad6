/* Returning from main sets the exit code and flushes stdio. */
#include <stdio.h>

int main(void)
{
    printf("returning 3\n");
    return 3;
}
