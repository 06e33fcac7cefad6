/* fseek/ftell in binary and text mode (text-mode ftell counts the CR of
 * each CRLF), fread/fwrite of binary data, ungetc, rewind, feof/ferror. */
#include "test.h"

int main(void)
{
    unsigned char data[256], back[256];
    char line[16];
    FILE *f;
    int i, c;

    for (i = 0; i < 256; i++)
        data[i] = (unsigned char)i;
    f = fopen("bin.dat", "wb+");
    ok(fwrite(data, 1, 256, f) == 256, "fwrite");
    printf("binary size via ftell: %ld\n", ftell(f));
    fseek(f, 10, SEEK_SET);
    printf("at 10: %d\n", fgetc(f));
    fseek(f, -3, SEEK_END);
    printf("end-3: %ld", ftell(f));
    printf(" %d\n", fgetc(f));
    fseek(f, -20, SEEK_CUR);
    printf("cur-20: %ld\n", ftell(f));
    rewind(f);
    ok(fread(back, 1, 256, f) == 256 && !memcmp(data, back, 256), "binary round trip");
    i = (int)fread(back, 1, 10, f);
    printf("fread past end: %d eof %d\n", i, feof(f) != 0);
    clearerr(f);
    printf("after clearerr: eof %d error %d\n", feof(f) != 0, ferror(f) != 0);
    fclose(f);

    f = fopen("text.txt", "w+");
    fputs("one\ntwo\nthree\n", f);
    printf("text ftell after write: %ld\n", ftell(f));
    rewind(f);
    fgets(line, sizeof(line), f);
    printf("text ftell after first line: %ld\n", ftell(f));
    fseek(f, 5, SEEK_SET);
    printf("at 5: %c\n", fgetc(f));

    c = fgetc(f);
    ok(ungetc('X', f) == 'X', "ungetc");
    i = fgetc(f);
    printf("after %c: ungetc gives %c, then %c\n", c, i, fgetc(f));
    fclose(f);

    f = tmpfile();
    ok(f != NULL, "tmpfile failed");
    fputs("temporary", f);
    rewind(f);
    fgets(line, sizeof(line), f);
    printf("tmpfile: %s\n", line);
    fclose(f);

    ok(rename("text.txt", "renamed.txt") == 0, "rename failed");
    ok(fopen("text.txt", "r") == NULL, "old name still opens");
    ok(rename("missing.txt", "x.txt") != 0, "rename of a missing file succeeded");
    ok(remove("renamed.txt") == 0, "remove renamed");
    ok(remove("bin.dat") == 0, "remove bin.dat");
    ok(remove("bin.dat") != 0, "second remove succeeded");
    return test_summary();
}
