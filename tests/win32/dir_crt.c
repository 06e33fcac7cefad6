/* Directories through the CRT: _mkdir, _chdir, _getcwd (only the tail is
 * printed), _findfirst64/_findnext64 with wildcards (names sorted, since
 * the order is not guaranteed), _rmdir, and errno on failures. */
#include <direct.h>
#include <errno.h>
#include <io.h>
#include <stdlib.h>
#include "test.h"

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void list(const char *pattern)
{
    struct __finddata64_t fd;
    char *names[16];
    intptr_t h;
    int n = 0, i;

    h = _findfirst64(pattern, &fd);
    if (h == -1) {
        printf("%s: none (errno %d)\n", pattern, errno);
        return;
    }
    do {
        if (n < 16)
            names[n++] = _strdup(fd.name);
        if (!strcmp(fd.name, "sub"))
            ok(fd.attrib & _A_SUBDIR, "sub lacks _A_SUBDIR");
        if (!strcmp(fd.name, "b.dat"))
            ok(fd.size == 3, "b.dat size %lld", (long long)fd.size);
    } while (_findnext64(h, &fd) == 0);
    _findclose(h);
    qsort(names, n, sizeof(*names), cmp);
    printf("%s:", pattern);
    for (i = 0; i < n; i++) {
        printf(" %s", names[i]);
        free(names[i]);
    }
    printf("\n");
}

static void touch(const char *name, const char *text)
{
    FILE *f = fopen(name, "wb");
    fputs(text, f);
    fclose(f);
}

int main(void)
{
    char cwd[260], *p;
    int r;

    ok(_mkdir("top") == 0, "_mkdir top");
    r = _mkdir("top");
    printf("mkdir again: %d errno %d\n", r, errno);
    ok(_chdir("top") == 0, "_chdir top");
    ok(_getcwd(cwd, sizeof(cwd)) != NULL, "_getcwd");
    p = strrchr(cwd, '\\');
    printf("cwd tail: %s\n", p ? p + 1 : "(no backslash)");
    touch("a.txt", "a");
    touch("b.dat", "bbb");
    touch("C.TXT", "c");
    ok(_mkdir("sub") == 0, "_mkdir sub");
    list("*");
    list("*.txt");
    list("?.dat");
    list("sub\\*");
    list("none*");
    ok(_rmdir("sub\\..\\..\\top") == -1, "removed a non-empty directory");
    ok(_rmdir("sub") == 0, "_rmdir sub");
    remove("a.txt");
    remove("b.dat");
    remove("C.TXT");
    ok(_chdir("..") == 0, "_chdir ..");
    ok(_rmdir("top") == 0, "_rmdir top");
    r = _chdir("top");
    printf("chdir removed: %d errno %d\n", r, errno);
    return test_summary();
}
