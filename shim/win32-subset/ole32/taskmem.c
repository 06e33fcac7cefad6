/* CoTaskMemAlloc and friends: the process heap, as on Windows, so memory
 * from either side of a COM call can be freed by the other. */
#include "kernel32.spec.h"
#include "ole32.spec.h"

void *WINAPI CoTaskMemAlloc(SIZE_T size)
{
    return HeapAlloc(GetProcessHeap(), 0, size);
}

void *WINAPI CoTaskMemRealloc(void *p, SIZE_T size)
{
    if (!p)
        return CoTaskMemAlloc(size);
    return HeapReAlloc(GetProcessHeap(), 0, p, size);
}

void WINAPI CoTaskMemFree(void *p)
{
    if (p)
        HeapFree(GetProcessHeap(), 0, p);
}
