/* qsort and bsearch calling back into the program: ints, strings, structs
 * with a two-key comparison (keys are unique, so stability does not matter),
 * and a comparator counting its calls is actually called. */
#include <stdlib.h>
#include "test.h"

struct rec { int group; const char *name; };

static int calls;

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    calls++;
    return (x > y) - (x < y);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int cmp_rec(const void *a, const void *b)
{
    const struct rec *x = a, *y = b;
    if (x->group != y->group)
        return y->group - x->group; /* descending */
    return strcmp(x->name, y->name);
}

int main(void)
{
    int v[] = { 42, -7, 19, 0, 1000, -300, 5, 19, 77, 3 };
    const char *s[] = { "pear", "apple", "fig", "Banana", "cherry", "apple2" };
    struct rec r[] = { { 1, "x" }, { 3, "b" }, { 2, "k" }, { 3, "a" }, { 1, "a" }, { 2, "c" } };
    int n = sizeof(v) / sizeof(v[0]), i, key, *hit;
    const char *skey = "fig", **shit;

    qsort(v, n, sizeof(int), cmp_int);
    for (i = 0; i < n; i++)
        printf("%d ", v[i]);
    printf("\ncomparator called: %d\n", calls > 0);
    key = 77;
    hit = bsearch(&key, v, n, sizeof(int), cmp_int);
    printf("bsearch 77: index %d\n", hit ? (int)(hit - v) : -1);
    key = 6;
    printf("bsearch 6: %s\n", bsearch(&key, v, n, sizeof(int), cmp_int) ? "found" : "absent");

    qsort(s, 6, sizeof(s[0]), cmp_str);
    for (i = 0; i < 6; i++)
        printf("%s ", s[i]);
    shit = bsearch(&skey, s, 6, sizeof(s[0]), cmp_str);
    printf("\nbsearch fig: index %d\n", shit ? (int)(shit - s) : -1);

    qsort(r, 6, sizeof(r[0]), cmp_rec);
    for (i = 0; i < 6; i++)
        printf("%d%s ", r[i].group, r[i].name);
    printf("\n");
    qsort(v, 0, sizeof(int), cmp_int);
    qsort(v, 1, sizeof(int), cmp_int);
    return test_summary();
}
