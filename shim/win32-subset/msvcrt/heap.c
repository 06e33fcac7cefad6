/* The CRT heap: the process heap of kernel32, which keeps each block's
 * exact size for _msize. */
#include <string.h>
#include "msvcrt.spec.h"
#include "runtime_private.h"

#define HEAPOK (-2)

static msvcrt_new_handler g_new_handler;
static int g_new_mode;

static void *heap_alloc(DWORD flags, size_t size)
{
    for (;;) {
        void *p = HeapAlloc(GetProcessHeap(), flags, size);
        if (p)
            return p;
        if (!g_new_mode || !msvcrt_call_new_handler(size))
            break;
    }
    msvcrt_set_errno(MSVCRT_ENOMEM);
    return NULL;
}

void *CDECL msvcrt_malloc(size_t size)
{
    return heap_alloc(0, size);
}

void *CDECL msvcrt_calloc(size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size) {
        msvcrt_set_errno(MSVCRT_ENOMEM);
        return NULL;
    }
    return heap_alloc(HEAP_ZERO_MEMORY, count * size);
}

void CDECL msvcrt_free(void *p)
{
    HeapFree(GetProcessHeap(), 0, p);
}

void *CDECL msvcrt_realloc(void *p, size_t size)
{
    if (!p)
        return heap_alloc(0, size);
    if (!size) {
        msvcrt_free(p);
        return NULL;
    }
    void *n = HeapReAlloc(GetProcessHeap(), 0, p, size);
    if (!n)
        msvcrt_set_errno(MSVCRT_ENOMEM);
    return n;
}

void *CDECL msvcrt__recalloc(void *p, size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size) {
        msvcrt_set_errno(MSVCRT_ENOMEM);
        return NULL;
    }
    size_t old = p ? HeapSize(GetProcessHeap(), 0, p) : 0;
    void *n = msvcrt_realloc(p, count * size);
    if (n && count * size > old)
        memset((char *)n + old, 0, count * size - old);
    return n;
}

size_t CDECL msvcrt__msize(void *p)
{
    if (!p) {
        msvcrt_invalid_parameter();
        msvcrt_set_errno(MSVCRT_EINVAL);
        return (size_t)-1;
    }
    return HeapSize(GetProcessHeap(), 0, p);
}

/* Blocks never move in place when they grow over the host allocator. */
void *CDECL msvcrt__expand(void *p, size_t size)
{
    if (!p) {
        msvcrt_invalid_parameter();
        msvcrt_set_errno(MSVCRT_EINVAL);
        return NULL;
    }
    void *n = HeapReAlloc(GetProcessHeap(), HEAP_REALLOC_IN_PLACE_ONLY, p, size);
    if (!n)
        msvcrt_set_errno(MSVCRT_ENOMEM);
    return n;
}

int CDECL msvcrt__heapchk(void)
{
    return HeapValidate(GetProcessHeap(), 0, NULL) ? HEAPOK : -3;
}

int CDECL msvcrt__heapmin(void)
{
    HeapCompact(GetProcessHeap(), 0);
    return 0;
}

msvcrt_new_handler CDECL msvcrt__set_new_handler(msvcrt_new_handler handler)
{
    msvcrt_new_handler old = g_new_handler;
    g_new_handler = handler;
    return old;
}

msvcrt_new_handler CDECL msvcrt__query_new_handler(void)
{
    return g_new_handler;
}

int CDECL msvcrt__set_new_mode(int mode)
{
    if (mode != 0 && mode != 1) {
        msvcrt_invalid_parameter();
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    int old = g_new_mode;
    g_new_mode = mode;
    return old;
}

int CDECL msvcrt__query_new_mode(void)
{
    return g_new_mode;
}

int msvcrt_call_new_handler(size_t size)
{
    msvcrt_new_handler h = g_new_handler;
    return h && h(size);
}

int CDECL msvcrt__callnewh(size_t size)
{
    return msvcrt_call_new_handler(size);
}
