#include <stdio.h>
#include <stdlib.h>

int main(void)
{
    printf("unseeded: %d %d %d\n", rand(), rand(), rand());
    srand(42);
    for (int i = 0; i < 5; i++)
        printf("%d ", rand());
    printf("\n");
    srand(1);
    printf("srand(1): %d\n", rand());
    srand48(7);
    printf("lrand48: %ld %ld\n", lrand48(), lrand48());
    printf("drand48: %.10f\n", drand48());
    return 0;
}
