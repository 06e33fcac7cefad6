/* A call site reached 1,000 times: trapped once, then rewritten. */
#include <stdio.h>
#include <unistd.h>

int main(void)
{
    pid_t first = getppid();
    int same = 0;
    for (int i = 0; i < 1000; i++)
        same += getppid() == first;
    printf("same %d\n", same);
    return 0;
}
