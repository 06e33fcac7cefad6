/* _aligned_malloc and friends: an ordinary block with room to align, and
 * a header just below the aligned address naming the block and the size
 * asked for. */
#include <string.h>
#include "msvcrt.spec.h"
#include "runtime_private.h"

struct aligned_header {
    void *block;
    size_t size;
};

static struct aligned_header *header_of(void *p)
{
    uintptr_t h = ((uintptr_t)p & ~(uintptr_t)(sizeof(void *) - 1)) - sizeof(struct aligned_header);
    return (struct aligned_header *)h;
}

static int bad_alignment(size_t align, size_t offset, size_t size)
{
    if (!align || (align & (align - 1)) || (offset && offset >= size)) {
        msvcrt_invalid_parameter();
        msvcrt_set_errno(MSVCRT_EINVAL);
        return 1;
    }
    return 0;
}

void *CDECL msvcrt__aligned_offset_malloc(size_t size, size_t align, size_t offset)
{
    if (bad_alignment(align, offset, size))
        return NULL;
    if (align < sizeof(void *))
        align = sizeof(void *);
    size_t extra = align + sizeof(struct aligned_header) + sizeof(void *);
    if (size > SIZE_MAX - extra) {
        msvcrt_set_errno(MSVCRT_ENOMEM);
        return NULL;
    }
    char *block = msvcrt_malloc(size + extra);
    if (!block)
        return NULL;
    uintptr_t start = (uintptr_t)block + sizeof(struct aligned_header) + offset +
                      sizeof(void *) - 1;
    start &= ~(uintptr_t)(sizeof(void *) - 1);
    uintptr_t aligned = ((start + align - 1) & ~(uintptr_t)(align - 1)) - offset;
    struct aligned_header *h = header_of((void *)aligned);
    h->block = block;
    h->size = size;
    return (void *)aligned;
}

void *CDECL msvcrt__aligned_malloc(size_t size, size_t align)
{
    return msvcrt__aligned_offset_malloc(size, align, 0);
}

void CDECL msvcrt__aligned_free(void *p)
{
    if (p)
        msvcrt_free(header_of(p)->block);
}

void *CDECL msvcrt__aligned_offset_realloc(void *p, size_t size, size_t align, size_t offset)
{
    if (!p)
        return msvcrt__aligned_offset_malloc(size, align, offset);
    if (!size) {
        msvcrt__aligned_free(p);
        return NULL;
    }
    if (bad_alignment(align, offset, size))
        return NULL;
    void *n = msvcrt__aligned_offset_malloc(size, align, offset);
    if (!n)
        return NULL;
    size_t old = header_of(p)->size;
    memcpy(n, p, old < size ? old : size);
    msvcrt__aligned_free(p);
    return n;
}

void *CDECL msvcrt__aligned_realloc(void *p, size_t size, size_t align)
{
    return msvcrt__aligned_offset_realloc(p, size, align, 0);
}

size_t CDECL msvcrt__aligned_msize(void *p, size_t align, size_t offset)
{
    if (!p || bad_alignment(align, 0, 1))
        return (size_t)-1;
    (void)offset;
    return header_of(p)->size;
}
