#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
    FILE *f = fopen("lines.txt", "w");
    fputs("first line\nsecond, longer line\n\nlast without newline", f);
    fclose(f);
    f = fopen("lines.txt", "r");
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) != -1)
        printf("%zd: [%s]\n", n, line);
    free(line);
    fclose(f);
    char *buf;
    size_t size;
    FILE *m = open_memstream(&buf, &size);
    fprintf(m, "number %d ", 42);
    fflush(m);
    printf("memstream size %zu\n", size);
    fprintf(m, "and more");
    fclose(m);
    printf("memstream: %s (%zu)\n", buf, size);
    free(buf);
    char data[] = "in memory text";
    FILE *r = fmemopen(data, strlen(data), "r");
    char word[16];
    while (fscanf(r, "%15s", word) == 1)
        printf("word %s\n", word);
    fclose(r);
    char *out;
    printf("asprintf %d ", asprintf(&out, "%s-%d", "x", 5));
    printf("%s\n", out);
    free(out);
    return 0;
}
