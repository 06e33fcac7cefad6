/* Directory listing: mkdir, entries, readdir (sorted), cleanup. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void)
{
    mkdir("d", 0755);
    const char *names[] = { "zeta", "alpha", "mid", "beta" };
    for (int i = 0; i < 4; i++) {
        char path[64];
        snprintf(path, sizeof path, "d/%s", names[i]);
        fclose(fopen(path, "w"));
    }
    mkdir("d/sub", 0700);
    DIR *dir = opendir("d");
    char *seen[16];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(dir)) && n < 16)
        seen[n++] = strdup(e->d_name);
    closedir(dir);
    qsort(seen, n, sizeof *seen, cmp);
    for (int i = 0; i < n; i++)
        printf("%s\n", seen[i]);
    char cwd[4096];
    chdir("d");
    printf("in d: %d\n", getcwd(cwd, sizeof cwd) != NULL && strstr(cwd, "/d") != NULL);
    chdir("..");
    for (int i = 0; i < 4; i++) {
        char path[64];
        snprintf(path, sizeof path, "d/%s", names[i]);
        unlink(path);
    }
    printf("rmdir sub %d d %d\n", rmdir("d/sub"), rmdir("d"));
    return 0;
}
