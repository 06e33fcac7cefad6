/* wc for Windows: counts the lines, words and bytes of files, as the
 * sample program that `make demo` runs under lvrun. Built with MinGW-w64
 * against msvcrt.dll; it uses the C runtime's stdio in binary mode, the
 * Win32 API for the command line and the program's own path. */
#include <stdio.h>
#include <windows.h>

static int count(const char *name, FILE *f, unsigned long long total[3])
{
    unsigned long long lines = 0, words = 0, bytes = 0;
    int c, in_word = 0;
    while ((c = getc(f)) != EOF) {
        bytes++;
        if (c == '\n')
            lines++;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            in_word = 0;
        } else if (!in_word) {
            in_word = 1;
            words++;
        }
    }
    printf("%8I64u %8I64u %8I64u %s\n", lines, words, bytes, name);
    total[0] += lines;
    total[1] += words;
    total[2] += bytes;
    return ferror(f) ? 1 : 0;
}

int main(int argc, char **argv)
{
    unsigned long long total[3] = { 0, 0, 0 };
    char self[MAX_PATH];
    int status = 0;

    GetModuleFileNameA(NULL, self, sizeof self);
    if (argc < 2) {
        fprintf(stderr, "usage: %s FILE...\n", self);
        return 2;
    }
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        if (!f) {
            fprintf(stderr, "wc: %s: cannot open\n", argv[i]);
            status = 1;
            continue;
        }
        status |= count(argv[i], f, total);
        fclose(f);
    }
    if (argc > 2)
        printf("%8I64u %8I64u %8I64u total\n", total[0], total[1], total[2]);
    return status;
}
