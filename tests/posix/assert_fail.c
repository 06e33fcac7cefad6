#include <assert.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    (void)argv;
    printf("before the assertion\n");
    fflush(stdout);
    assert(argc > 5);
    return 0;
}
