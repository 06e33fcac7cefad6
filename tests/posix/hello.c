#include <stdio.h>

int main(int argc, char **argv)
{
    printf("hello from musl, %d arguments\n", argc);
    for (int i = 1; i < argc; i++)
        printf("argv[%d] = %s\n", i, argv[i]);
    fputs("to stderr\n", stderr);
    return 7;
}
