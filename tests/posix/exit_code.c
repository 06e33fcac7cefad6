#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    (void)argv;
    printf("buffered, and _exit does not flush it\n");
    if (argc > 5)
        return 0;
    fflush(stdout);
    printf("lost");
    _exit(300);
}
