#include <alloca.h>
#include <stdio.h>
#include <string.h>

static long recurse(int n)
{
    volatile char pad[1024];
    pad[0] = (char)n;
    if (n == 0)
        return pad[0];
    return recurse(n - 1) + pad[0] % 2;
}

int main(int argc, char **argv)
{
    (void)argv;
    printf("deep recursion: %ld\n", recurse(4000));
    char *p = alloca(1 << 20);
    memset(p, argc, 1 << 20);
    printf("alloca 1 MiB ok: %d\n", p[12345]);
    return 0;
}
