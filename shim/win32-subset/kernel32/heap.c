/* Heaps over the host allocator. Each block carries a header with its heap
 * and its exact requested size (HeapSize answers that, as Windows does);
 * blocks are linked per heap so HeapDestroy frees what is left. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "kernel32.spec.h"
#include "lv/w32error.h"

#define HEAP_ZERO_MEMORY 0x08
#define HEAP_REALLOC_IN_PLACE_ONLY 0x10
#define HEAP_MAGIC 0x70616568u /* "heap" */

struct block {
    struct block *prev, *next;
    struct heap *heap;
    size_t size;
};
_Static_assert(sizeof(struct block) % 16 == 0, "blocks keep 16-byte alignment");

struct heap {
    uint32_t magic;
    pthread_mutex_t lock;
    struct block head;
    size_t max;  /* a fixed-size heap's limit; 0 grows */
    size_t used;
};

static struct heap g_process_heap = {
    HEAP_MAGIC, PTHREAD_MUTEX_INITIALIZER,
    { &g_process_heap.head, &g_process_heap.head, &g_process_heap, 0 }, 0, 0,
};

static struct heap *heap_from_handle(HANDLE h)
{
    struct heap *heap = h;
    if (!heap || heap->magic != HEAP_MAGIC) {
        SetLastError(ERROR_INVALID_HANDLE);
        return NULL;
    }
    return heap;
}

static struct block *block_of(const void *p)
{
    return (struct block *)p - 1;
}

HANDLE WINAPI GetProcessHeap(void)
{
    return &g_process_heap;
}

HANDLE WINAPI HeapCreate(DWORD flags, SIZE_T initial, SIZE_T max)
{
    (void)flags, (void)initial;
    struct heap *heap = calloc(1, sizeof *heap);
    if (!heap) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    heap->magic = HEAP_MAGIC;
    pthread_mutex_init(&heap->lock, NULL);
    heap->head.prev = heap->head.next = &heap->head;
    heap->head.heap = heap;
    heap->max = max;
    return heap;
}

BOOL WINAPI HeapDestroy(HANDLE h)
{
    struct heap *heap = heap_from_handle(h);
    if (!heap || heap == &g_process_heap) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    for (struct block *b = heap->head.next, *next; b != &heap->head; b = next) {
        next = b->next;
        free(b);
    }
    heap->magic = 0;
    pthread_mutex_destroy(&heap->lock);
    free(heap);
    return TRUE;
}

void *WINAPI HeapAlloc(HANDLE h, DWORD flags, SIZE_T size)
{
    struct heap *heap = heap_from_handle(h);
    if (!heap)
        return NULL;
    if (size > ((SIZE_T)1 << 47)) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    pthread_mutex_lock(&heap->lock);
    /* A heap created with a maximum does not grow past it. */
    if (heap->max && heap->used + size > heap->max) {
        pthread_mutex_unlock(&heap->lock);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    heap->used += size;
    pthread_mutex_unlock(&heap->lock);
    struct block *b = (flags & HEAP_ZERO_MEMORY) ? calloc(1, sizeof *b + size)
                                                 : malloc(sizeof *b + size);
    if (!b) {
        pthread_mutex_lock(&heap->lock);
        heap->used -= size;
        pthread_mutex_unlock(&heap->lock);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    b->heap = heap;
    b->size = size;
    pthread_mutex_lock(&heap->lock);
    b->next = heap->head.next;
    b->prev = &heap->head;
    heap->head.next->prev = b;
    heap->head.next = b;
    pthread_mutex_unlock(&heap->lock);
    return b + 1;
}

BOOL WINAPI HeapFree(HANDLE h, DWORD flags, void *p)
{
    (void)flags;
    if (!p)
        return TRUE;
    struct heap *heap = heap_from_handle(h);
    if (!heap)
        return FALSE;
    struct block *b = block_of(p);
    if (b->heap != heap) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    pthread_mutex_lock(&heap->lock);
    b->prev->next = b->next;
    b->next->prev = b->prev;
    heap->used -= b->size;
    pthread_mutex_unlock(&heap->lock);
    b->heap = NULL;
    free(b);
    return TRUE;
}

void *WINAPI HeapReAlloc(HANDLE h, DWORD flags, void *p, SIZE_T size)
{
    struct heap *heap = heap_from_handle(h);
    if (!heap)
        return NULL;
    if (!p) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    struct block *b = block_of(p);
    size_t old = b->size;
    if (flags & HEAP_REALLOC_IN_PLACE_ONLY) {
        if (size > old) {
            SetLastError(ERROR_NOT_ENOUGH_MEMORY);
            return NULL;
        }
        pthread_mutex_lock(&heap->lock);
        heap->used -= old - size;
        b->size = size;
        pthread_mutex_unlock(&heap->lock);
        return p;
    }
    pthread_mutex_lock(&heap->lock);
    if (heap->max && size > old && heap->used + (size - old) > heap->max) {
        pthread_mutex_unlock(&heap->lock);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    struct block *n = realloc(b, sizeof *b + size);
    if (!n) {
        pthread_mutex_unlock(&heap->lock);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    n->prev->next = n;
    n->next->prev = n;
    heap->used += size - old;
    n->size = size;
    pthread_mutex_unlock(&heap->lock);
    if ((flags & HEAP_ZERO_MEMORY) && size > old)
        memset((char *)(n + 1) + old, 0, size - old);
    return n + 1;
}

SIZE_T WINAPI HeapSize(HANDLE h, DWORD flags, const void *p)
{
    (void)flags;
    struct heap *heap = heap_from_handle(h);
    if (!heap || !p)
        return (SIZE_T)-1;
    return block_of(p)->size;
}

BOOL WINAPI HeapValidate(HANDLE h, DWORD flags, const void *p)
{
    (void)flags;
    struct heap *heap = heap_from_handle(h);
    return heap && (!p || block_of(p)->heap == heap);
}

SIZE_T WINAPI HeapCompact(HANDLE h, DWORD flags)
{
    (void)flags;
    return heap_from_handle(h) ? 0x100000 : 0;
}

BOOL WINAPI HeapSetInformation(HANDLE h, int cls, void *info, SIZE_T len)
{
    (void)cls, (void)info, (void)len;
    /* Low-fragmentation and terminate-on-corruption are the host's to do. */
    return !h || heap_from_handle(h) != NULL;
}

/* Local and global memory: fixed blocks of the process heap (movable
 * memory is not distinguished; the handle is the pointer). */
#define LMEM_ZEROINIT 0x40

void *WINAPI LocalAlloc(UINT flags, SIZE_T size)
{
    return HeapAlloc(&g_process_heap, (flags & LMEM_ZEROINIT) ? HEAP_ZERO_MEMORY : 0, size);
}

void *WINAPI LocalFree(void *p)
{
    return p && !HeapFree(&g_process_heap, 0, p) ? p : NULL;
}

void *WINAPI LocalReAlloc(void *p, SIZE_T size, UINT flags)
{
    return HeapReAlloc(&g_process_heap, (flags & LMEM_ZEROINIT) ? HEAP_ZERO_MEMORY : 0,
                       p, size);
}

SIZE_T WINAPI LocalSize(void *p)
{
    return p ? HeapSize(&g_process_heap, 0, p) : 0;
}

void *WINAPI GlobalAlloc(UINT flags, SIZE_T size)
{
    return LocalAlloc(flags, size);
}

void *WINAPI GlobalFree(void *p)
{
    return LocalFree(p);
}

void *WINAPI GlobalReAlloc(void *p, SIZE_T size, UINT flags)
{
    return LocalReAlloc(p, size, flags);
}

SIZE_T WINAPI GlobalSize(void *p)
{
    return LocalSize(p);
}

void *WINAPI GlobalLock(void *p)
{
    return p;
}

/* Fixed memory has no lock count: "unlocked", FALSE with no error. */
BOOL WINAPI GlobalUnlock(void *p)
{
    (void)p;
    SetLastError(ERROR_SUCCESS);
    return FALSE;
}

void heap_init_process(void)
{
    lv_peb()->ProcessHeap = &g_process_heap;
}
