/* Text mode: '\n' is written as CRLF, CRLF is read as '\n', a lone CR is
 * kept, and Ctrl-Z (0x1A) ends the data on reading. */
#include "test.h"

static void dump_raw(const char *name)
{
    FILE *f = fopen(name, "rb");
    int c;

    printf("raw:");
    while ((c = fgetc(f)) != EOF)
        printf(" %02x", c);
    printf("\n");
    fclose(f);
}

static void dump_text(const char *name)
{
    FILE *f = fopen(name, "r");
    int c, n = 0;

    printf("text:");
    while ((c = fgetc(f)) != EOF) {
        printf(" %02x", c);
        n++;
    }
    printf(" (%d, eof %d)\n", n, feof(f) != 0);
    fclose(f);
}

int main(void)
{
    FILE *f = fopen("t.txt", "w");
    char line[32];

    ok(f != NULL, "fopen w failed");
    fputs("ab\ncd\n", f);
    fprintf(f, "%d\n", 42);
    fclose(f);
    dump_raw("t.txt");
    dump_text("t.txt");

    f = fopen("t.txt", "r");
    while (fgets(line, sizeof(line), f))
        printf("fgets: %d [%.*s]\n", (int)strlen(line), (int)strcspn(line, "\n"), line);
    fclose(f);

    f = fopen("z.txt", "wb");
    fwrite("x\r\ny\rz\x1a" "after", 1, 12, f);
    fclose(f);
    dump_text("z.txt");
    dump_raw("z.txt");

    f = fopen("t.txt", "a");
    fputs("end\n", f);
    fclose(f);
    dump_raw("t.txt");
    ok(remove("t.txt") == 0 && remove("z.txt") == 0, "remove failed");
    return test_summary();
}
