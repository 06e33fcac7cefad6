/* The executable that corrupt.py damages: a CRT program with imports,
 * relocations, TLS and unwind data, as most programs have. */
#include <stdio.h>
#include <stdlib.h>

static __thread int counter = 1;

int main(int argc, char **argv)
{
    char *p = malloc(16);
    snprintf(p, 16, "%d", argc + counter);
    printf("hello %s %s\n", p, argv[0]);
    free(p);
    return 0;
}
