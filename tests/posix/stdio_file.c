#include <stdio.h>
#include <string.h>

int main(void)
{
    FILE *f = fopen("data.txt", "w+");
    if (!f)
        return 1;
    for (int i = 0; i < 5; i++)
        fprintf(f, "line %d: %s\n", i, i % 2 ? "odd" : "even");
    printf("tell after writing: %ld\n", ftell(f));
    rewind(f);
    char buf[64];
    while (fgets(buf, sizeof buf, f))
        printf("read: %s", buf);
    fseek(f, 5, SEEK_SET);
    int c = fgetc(f);
    printf("char at 5: %c, eof=%d\n", c, feof(f));
    fseek(f, 0, SEEK_END);
    printf("size: %ld\n", ftell(f));
    fclose(f);
    f = fopen("data.txt", "a");
    fputs("appended\n", f);
    fclose(f);
    f = fopen("data.txt", "r");
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = 0;
    printf("first %zu bytes:\n%s", n, buf);
    printf("ungetc: %c\n", ungetc('Z', f));
    printf("after ungetc: %c\n", fgetc(f));
    fclose(f);
    FILE *t = tmpfile();
    fwrite("abc", 1, 3, t);
    rewind(t);
    printf("tmpfile: %c%c%c\n", fgetc(t), fgetc(t), fgetc(t));
    fclose(t);
    printf("remove: %d\n", remove("data.txt"));
    printf("fopen missing: %p\n", (void *)fopen("missing.txt", "r"));
    setvbuf(stdout, NULL, _IONBF, 0);
    printf("unbuffered\n");
    return 0;
}
