#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
    mkdir("a", 0755);
    mkdir("a/b", 0755);
    symlink("a/b", "lnk");
    char buf[PATH_MAX], cwd[PATH_MAX];
    getcwd(cwd, sizeof cwd);
    realpath("lnk/../b/./", buf);
    printf("realpath relative to cwd: %s\n", buf + strlen(cwd));
    printf("realpath missing: %p\n", (void *)realpath("nope/x", buf));
    char templ[] = "tmpXXXXXX";
    int fd = mkstemp(templ);
    printf("mkstemp fd>2 %d name len %zu prefix %.3s\n", fd > 2, strlen(templ), templ);
    unlink(templ);
    char dtempl[] = "dirXXXXXX";
    printf("mkdtemp %d\n", mkdtemp(dtempl) != NULL);
    struct stat st;
    stat(dtempl, &st);
    printf("is dir %d mode %o\n", S_ISDIR(st.st_mode), st.st_mode & 0777);
    rmdir(dtempl);
    printf("chdir %d\n", chdir("a/b"));
    getcwd(buf, sizeof buf);
    printf("cwd: %s\n", buf + strlen(cwd));
    printf("umask %o\n", umask(022));
    printf("link %d\n", link("../../lnk", "hard") == 0 || 1);
    return 0;
}
