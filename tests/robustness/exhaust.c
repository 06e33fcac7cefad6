/* Allocates until each allocator refuses: malloc and HeapAlloc must
 * return NULL and VirtualAlloc fail with ERROR_NOT_ENOUGH_MEMORY, and
 * the program must still be able to print and exit afterwards. Run
 * with a bounded address space (RLIMIT_AS). */
#include <stdio.h>
#include <stdlib.h>
#include <windows.h>

#define CHUNK (64u << 20)
#define MAX_CHUNKS 4096

static void *blocks[MAX_CHUNKS];

int main(void)
{
    int n, i;
    DWORD err;

    for (n = 0; n < MAX_CHUNKS && (blocks[n] = malloc(CHUNK)); n++)
        ;
    printf("malloc: %s\n", n < MAX_CHUNKS ? "NULL" : "never failed");
    for (i = 0; i < n; i++)
        free(blocks[i]);

    HANDLE heap = GetProcessHeap();
    for (n = 0; n < MAX_CHUNKS && (blocks[n] = HeapAlloc(heap, 0, CHUNK)); n++)
        ;
    printf("HeapAlloc: %s\n", n < MAX_CHUNKS ? "NULL" : "never failed");
    for (i = 0; i < n; i++)
        HeapFree(heap, 0, blocks[i]);

    SetLastError(0xdeadbeef);
    for (n = 0; n < MAX_CHUNKS &&
         (blocks[n] = VirtualAlloc(NULL, CHUNK, MEM_RESERVE | MEM_COMMIT, PAGE_READWRITE)); n++)
        ;
    err = GetLastError();
    printf("VirtualAlloc: %s, error %lu\n", n < MAX_CHUNKS ? "NULL" : "never failed",
           n < MAX_CHUNKS ? err : 0);
    for (i = 0; i < n; i++)
        VirtualFree(blocks[i], 0, MEM_RELEASE);

    char *again = malloc(CHUNK);
    printf("after: %s\n", again ? "allocates again" : "still NULL");
    free(again);
    return 0;
}
