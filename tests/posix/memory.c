#include <malloc.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

int main(void)
{
    char *p = malloc(100);
    memset(p, 'x', 100);
    p = realloc(p, 100000);
    printf("realloc keeps data: %d\n", p[99] == 'x');
    free(p);
    int *z = calloc(1000, sizeof *z);
    int sum = 0;
    for (int i = 0; i < 1000; i++)
        sum += z[i];
    printf("calloc zero: %d\n", sum == 0);
    free(z);
    void *a;
    printf("posix_memalign: %d aligned %d\n", posix_memalign(&a, 256, 1000),
           ((uintptr_t)a & 255) == 0);
    free(a);
    a = aligned_alloc(64, 128);
    printf("aligned_alloc aligned %d\n", ((uintptr_t)a & 63) == 0);
    printf("usable >= asked: %d\n", malloc_usable_size(a) >= 128);
    free(a);
    void *blocks[1000];
    for (int i = 0; i < 1000; i++)
        blocks[i] = malloc(i * 16 + 1);
    for (int i = 0; i < 1000; i += 2)
        free(blocks[i]);
    for (int i = 1; i < 1000; i += 2)
        free(blocks[i]);
    printf("many blocks ok\n");
    char *m = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    m[8000] = 1;
    printf("mmap %d mprotect %d munmap %d\n", m != MAP_FAILED, mprotect(m, 4096, PROT_READ),
           munmap(m, 8192));
    printf("realloc(NULL) %d\n", (p = realloc(NULL, 10)) != NULL);
    free(p);
    return 0;
}
