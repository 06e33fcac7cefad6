#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp(const void *a, const void *b)
{
    return *(const int *)a - *(const int *)b;
}

static int scmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void)
{
    int v[] = { 42, 7, 19, 3, 88, 1, 56, 23, 7, 0 };
    size_t n = sizeof v / sizeof *v;
    qsort(v, n, sizeof *v, cmp);
    for (size_t i = 0; i < n; i++)
        printf("%d ", v[i]);
    printf("\n");
    int key = 23;
    int *found = bsearch(&key, v, n, sizeof *v, cmp);
    printf("bsearch 23 at %td\n", found - v);
    key = 24;
    printf("bsearch 24: %s\n", bsearch(&key, v, n, sizeof *v, cmp) ? "found" : "absent");
    char *words[] = { "pear", "apple", "fig", "banana" };
    qsort(words, 4, sizeof *words, scmp);
    for (int i = 0; i < 4; i++)
        printf("%s ", words[i]);
    printf("\n");
    size_t len = 0;
    int table[8];
    for (int i = 0; i < 5; i++) {
        int x = (i * 7) % 5;
        lsearch(&x, table, &len, sizeof x, cmp);
    }
    printf("lsearch len %zu\n", len);
    hcreate(16);
    ENTRY e = { "key", "value" };
    hsearch(e, ENTER);
    ENTRY q = { "key", NULL };
    ENTRY *r = hsearch(q, FIND);
    printf("hsearch: %s\n", r ? (char *)r->data : "none");
    hdestroy();
    return 0;
}
