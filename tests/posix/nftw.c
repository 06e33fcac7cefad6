#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char lines[32][128];
static int count;

static int visit(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    (void)st;
    snprintf(lines[count++], 128, "%s type %d level %d base %d", path, type, ftw->level, ftw->base);
    return 0;
}

static int cmp(const void *a, const void *b)
{
    return strcmp(a, b);
}

int main(void)
{
    mkdir("t", 0755);
    mkdir("t/a", 0755);
    mkdir("t/b", 0755);
    fclose(fopen("t/a/f1", "w"));
    fclose(fopen("t/b/f2", "w"));
    symlink("a/f1", "t/l");
    symlink("missing", "t/dangling");
    nftw("t", visit, 8, FTW_PHYS);
    qsort(lines, count, 128, cmp);
    for (int i = 0; i < count; i++)
        printf("%s\n", lines[i]);
    count = 0;
    nftw("t", visit, 8, FTW_PHYS | FTW_DEPTH);
    printf("depth-first last: %s\n", lines[count - 1]);
    printf("FTW_F %d FTW_D %d FTW_SL %d FTW_DP %d\n", FTW_F, FTW_D, FTW_SL, FTW_DP);
    return 0;
}
