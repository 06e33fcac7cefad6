/* Win32 heaps: GetProcessHeap, HeapCreate/HeapAlloc/HeapReAlloc/HeapSize
 * (exact sizes), HEAP_ZERO_MEMORY, HEAP_REALLOC_IN_PLACE_ONLY failure,
 * HeapFree, HeapDestroy, and LocalAlloc/GlobalAlloc sizes. */
#include <windows.h>
#include "test.h"

int main(void)
{
    HANDLE heap = GetProcessHeap(), own;
    unsigned char *p, *q;
    int i, zeros = 0;
    HLOCAL l;
    HGLOBAL g;

    ok(heap != NULL, "GetProcessHeap");
    p = HeapAlloc(heap, 0, 123);
    printf("HeapSize(123) = %lld\n", (long long)HeapSize(heap, 0, p));
    ok(HeapFree(heap, 0, p), "HeapFree");

    own = HeapCreate(0, 0, 0);
    ok(own != NULL, "HeapCreate");
    p = HeapAlloc(own, HEAP_ZERO_MEMORY, 5000);
    for (i = 0; i < 5000; i++)
        zeros += p[i] == 0;
    printf("zeroed %d, size %lld\n", zeros, (long long)HeapSize(own, 0, p));
    memset(p, 0xab, 5000);
    q = HeapReAlloc(own, HEAP_ZERO_MEMORY, p, 8000);
    ok(q != NULL, "HeapReAlloc");
    printf("realloc size %lld, kept %02x, new zero %02x\n", (long long)HeapSize(own, 0, q),
           q[4999], q[7999]);
    q = HeapReAlloc(own, 0, q, 10);
    printf("shrink size %lld first %02x\n", (long long)HeapSize(own, 0, q), q[0]);
    p = HeapAlloc(own, 0, 0);
    printf("zero-size alloc: %d size %lld\n", p != NULL, (long long)HeapSize(own, 0, p));
    ok(HeapFree(own, 0, p) && HeapFree(own, 0, q), "HeapFree own");
    ok(HeapDestroy(own), "HeapDestroy");

    own = HeapCreate(0, 0x10000, 0x20000);
    p = HeapAlloc(own, 0, 0x100000); /* larger than the fixed maximum */
    printf("over max: %s\n", p ? "allocated" : "NULL");
    HeapDestroy(own);

    l = LocalAlloc(LMEM_FIXED | LMEM_ZEROINIT, 77);
    printf("LocalSize %lld first %d\n", (long long)LocalSize(l), ((char *)l)[0]);
    ok(LocalFree(l) == NULL, "LocalFree");
    g = GlobalAlloc(GMEM_FIXED, 33);
    printf("GlobalSize %lld\n", (long long)GlobalSize(g));
    ok(GlobalFree(g) == NULL, "GlobalFree");
    return test_summary();
}
