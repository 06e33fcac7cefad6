/* A seed of the PE harness: a CRT program with imports and relocations. */
#include <stdio.h>

int main(int argc, char **argv)
{
    printf("%d %s\n", argc, argv[0]);
    return 0;
}
