/* Started by exec.c through execve. */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    printf("child: %d args:", argc - 1);
    for (int i = 1; i < argc; i++)
        printf(" [%s]", argv[i]);
    printf(" env %s\n", getenv("SC_TEST") ? getenv("SC_TEST") : "(none)");
    return argc;
}
