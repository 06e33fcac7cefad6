#include <signal.h>
#include <stdio.h>

int main(void)
{
    printf("before\n");
    fflush(stdout);
    raise(SIGTERM);
    printf("not reached\n");
    return 0;
}
