/* CRT heap: malloc/calloc/realloc/free, _msize exact, alignment of 16,
 * realloc keeping contents, _aligned_malloc, and errno on a huge request. */
#include <errno.h>
#include <malloc.h>
#include <stdlib.h>
#include <stdint.h>
#include "test.h"

int main(void)
{
    unsigned char *p, *q;
    int i, zeros = 0;
    void *a, *big;

    p = malloc(100);
    ok(p != NULL, "malloc");
    printf("_msize(malloc(100)) = %d\n", (int)_msize(p));
    printf("16-byte aligned: %d\n", ((uintptr_t)p & 15) == 0);
    for (i = 0; i < 100; i++)
        p[i] = (unsigned char)i;
    q = realloc(p, 100000);
    ok(q != NULL, "realloc grow");
    for (i = 0; i < 100 && q[i] == i; i++)
        ;
    printf("realloc kept %d bytes, _msize %d\n", i, (int)_msize(q));
    p = realloc(q, 10);
    printf("shrunk _msize %d first %d last %d\n", (int)_msize(p), p[0], p[9]);
    free(p);

    p = calloc(1000, 4);
    for (i = 0; i < 4000; i++)
        zeros += p[i] == 0;
    printf("calloc zeros %d _msize %d\n", zeros, (int)_msize(p));
    free(p);
    printf("malloc(0) non-NULL: %d\n", (p = malloc(0)) != NULL);
    free(p);
    free(NULL);
    p = realloc(NULL, 8);
    printf("realloc(NULL) works: %d\n", p != NULL && _msize(p) == 8);
    free(p);

    a = _aligned_malloc(100, 4096);
    printf("_aligned_malloc 4096: %d\n", ((uintptr_t)a & 4095) == 0);
    _aligned_free(a);

    errno = 0;
    big = malloc((size_t)1 << 62);
    printf("huge malloc: %s errno %d\n", big ? "succeeded" : "NULL", errno);
    free(big);
    return test_summary();
}
