/* exit() flushes buffered output and runs atexit handlers. */
#include <stdio.h>
#include <stdlib.h>

static void handler(void)
{
    printf("atexit handler\n");
}

int main(void)
{
    atexit(handler);
    printf("calling exit(4)\n");
    exit(4);
}
