/* qsort, bsearch, _lfind and _lsearch calling the guest's comparators
 * (Windows convention). qsort is an introsort: quicksort with a median of
 * three, heapsort when the partitions degrade, insertion sort for the
 * small ones. Like Windows', it is not stable. */
#include <string.h>
#include "libc_private.h"
#include "msvcrt.spec.h"

struct libc_sort {
    msvcrt_compare_fn cmp;
    msvcrt_compare_s_fn cmp_s;
    void *context;
    size_t size;
};

static int libc_compare(const struct libc_sort *s, const void *a, const void *b)
{
    return s->cmp ? s->cmp(a, b) : s->cmp_s(s->context, a, b);
}

static void libc_swap(char *a, char *b, size_t size)
{
    if (a == b)
        return;
    while (size--) {
        char t = *a;
        *a++ = *b;
        *b++ = t;
    }
}

static void libc_insertion(const struct libc_sort *s, char *base, size_t count)
{
    for (size_t i = 1; i < count; i++)
        for (size_t j = i; j && libc_compare(s, base + (j - 1) * s->size,
                                             base + j * s->size) > 0; j--)
            libc_swap(base + (j - 1) * s->size, base + j * s->size, s->size);
}

static void libc_sift(const struct libc_sort *s, char *base, size_t root, size_t count)
{
    for (size_t child; (child = 2 * root + 1) < count; root = child) {
        if (child + 1 < count &&
            libc_compare(s, base + child * s->size, base + (child + 1) * s->size) < 0)
            child++;
        if (libc_compare(s, base + root * s->size, base + child * s->size) >= 0)
            return;
        libc_swap(base + root * s->size, base + child * s->size, s->size);
    }
}

static void libc_heapsort(const struct libc_sort *s, char *base, size_t count)
{
    for (size_t i = count / 2; i--;)
        libc_sift(s, base, i, count);
    for (size_t end = count; end-- > 1;) {
        libc_swap(base, base + end * s->size, s->size);
        libc_sift(s, base, 0, end);
    }
}

static void libc_introsort(const struct libc_sort *s, char *base, size_t count,
                           int depth)
{
    while (count > 8) {
        char *lo = base, *mid = base + count / 2 * s->size,
             *hi = base + (count - 1) * s->size, *l, *r;

        if (!depth--) {
            libc_heapsort(s, base, count);
            return;
        }
        if (libc_compare(s, mid, lo) < 0)
            libc_swap(mid, lo, s->size);
        if (libc_compare(s, hi, mid) < 0) {
            libc_swap(hi, mid, s->size);
            if (libc_compare(s, mid, lo) < 0)
                libc_swap(mid, lo, s->size);
        }
        /* The pivot waits at lo + 1 while [lo + 2, hi - 1] is split. */
        libc_swap(mid, lo + s->size, s->size);
        l = lo + s->size;
        r = hi;
        for (;;) {
            do
                l += s->size;
            while (libc_compare(s, l, lo + s->size) < 0);
            do
                r -= s->size;
            while (libc_compare(s, r, lo + s->size) > 0);
            if (l >= r)
                break;
            libc_swap(l, r, s->size);
        }
        libc_swap(lo + s->size, r, s->size);
        /* Recurse into the smaller side, loop on the larger. */
        size_t left = (r - base) / s->size, right = count - left - 1;
        if (left < right) {
            libc_introsort(s, base, left, depth);
            base = r + s->size;
            count = right;
        } else {
            libc_introsort(s, r + s->size, right, depth);
            count = left;
        }
    }
    libc_insertion(s, base, count);
}

static void libc_sort(const struct libc_sort *s, void *base, size_t count)
{
    int depth = 0;

    for (size_t n = count; n; n >>= 1)
        depth += 2;
    libc_introsort(s, base, count, depth);
}

CDECL void msvcrt_qsort(void *base, size_t count, size_t size, msvcrt_compare_fn cmp)
{
    struct libc_sort s = { cmp, NULL, NULL, size };

    if (count > 1 && size && base && cmp)
        libc_sort(&s, base, count);
}

CDECL void msvcrt_qsort_s(void *base, size_t count, size_t size,
                          msvcrt_compare_s_fn cmp, void *context)
{
    struct libc_sort s = { NULL, cmp, context, size };

    if (count > 1 && size && base && cmp)
        libc_sort(&s, base, count);
}

static void *libc_bsearch(const struct libc_sort *s, const void *key,
                          const void *base, size_t count)
{
    const char *lo = base;

    while (count) {
        const char *mid = lo + count / 2 * s->size;
        int c = libc_compare(s, key, mid);
        if (!c)
            return (void *)mid;
        if (c > 0) {
            lo = mid + s->size;
            count -= count / 2 + 1;
        } else {
            count /= 2;
        }
    }
    return NULL;
}

CDECL void *msvcrt_bsearch(const void *key, const void *base, size_t count,
                           size_t size, msvcrt_compare_fn cmp)
{
    struct libc_sort s = { cmp, NULL, NULL, size };

    return libc_bsearch(&s, key, base, count);
}

CDECL void *msvcrt_bsearch_s(const void *key, const void *base, size_t count,
                             size_t size, msvcrt_compare_s_fn cmp, void *context)
{
    struct libc_sort s = { NULL, cmp, context, size };

    return libc_bsearch(&s, key, base, count);
}

static void *libc_lfind(const struct libc_sort *s, const void *key,
                        const void *base, unsigned count)
{
    for (const char *p = base; count--; p += s->size)
        if (!libc_compare(s, key, p))
            return (void *)p;
    return NULL;
}

CDECL void *msvcrt__lfind(const void *key, const void *base, unsigned *count,
                          unsigned size, msvcrt_compare_fn cmp)
{
    struct libc_sort s = { cmp, NULL, NULL, size };

    return libc_lfind(&s, key, base, *count);
}

CDECL void *msvcrt__lfind_s(const void *key, const void *base, unsigned *count,
                            size_t size, msvcrt_compare_s_fn cmp, void *context)
{
    struct libc_sort s = { NULL, cmp, context, size };

    return libc_lfind(&s, key, base, *count);
}

static void *libc_lsearch(const struct libc_sort *s, const void *key, void *base,
                          unsigned *count)
{
    void *hit = libc_lfind(s, key, base, *count);

    if (hit)
        return hit;
    hit = (char *)base + (size_t)*count * s->size;
    memcpy(hit, key, s->size);
    ++*count;
    return hit;
}

CDECL void *msvcrt__lsearch(const void *key, void *base, unsigned *count,
                            unsigned size, msvcrt_compare_fn cmp)
{
    struct libc_sort s = { cmp, NULL, NULL, size };

    return libc_lsearch(&s, key, base, count);
}

CDECL void *msvcrt__lsearch_s(const void *key, void *base, unsigned *count,
                              size_t size, msvcrt_compare_s_fn cmp, void *context)
{
    struct libc_sort s = { NULL, cmp, context, size };

    return libc_lsearch(&s, key, base, count);
}
