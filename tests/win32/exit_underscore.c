/* _exit ends at once: atexit handlers do not run. (Whether unflushed stdio
 * data survives differs between CRTs and Wine, so everything is flushed.) */
#include <stdio.h>
#include <stdlib.h>

static void handler(void)
{
    printf("must not run\n");
}

int main(void)
{
    atexit(handler);
    printf("calling _exit(6)\n");
    fflush(stdout);
    _exit(6);
}
