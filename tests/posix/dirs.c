#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int by_name(const struct dirent **a, const struct dirent **b)
{
    return strcmp((*a)->d_name, (*b)->d_name);
}

int main(void)
{
    mkdir("d", 0755);
    mkdir("d/sub", 0700);
    int fd = open("d/file", O_CREAT | O_WRONLY | O_TRUNC, 0644);
    write(fd, "12345", 5);
    close(fd);
    symlink("file", "d/link");
    struct stat st;
    stat("d/file", &st);
    printf("file: size %lld mode %o nlink %ld reg %d\n", (long long)st.st_size,
           st.st_mode & 0777, (long)st.st_nlink, S_ISREG(st.st_mode));
    lstat("d/link", &st);
    printf("link: islnk %d size %lld\n", S_ISLNK(st.st_mode), (long long)st.st_size);
    stat("d/sub", &st);
    printf("sub: dir %d mode %o\n", S_ISDIR(st.st_mode), st.st_mode & 0777);
    char target[64] = "";
    readlink("d/link", target, sizeof target - 1);
    printf("readlink: %s\n", target);
    struct dirent **list;
    int n = scandir("d", &list, NULL, by_name);
    for (int i = 0; i < n; i++) {
        printf("entry %s type %d\n", list[i]->d_name, list[i]->d_type);
        free(list[i]);
    }
    free(list);
    DIR *dir = opendir("d");
    int count = 0;
    struct dirent *e;
    while ((e = readdir(dir)))
        count++;
    closedir(dir);
    printf("readdir count %d\n", count);
    printf("rename: %d\n", rename("d/file", "d/sub/moved"));
    printf("access moved: %d\n", access("d/sub/moved", R_OK));
    errno = 0;
    printf("rmdir nonempty: %d errno %d\n", rmdir("d/sub"), errno);
    printf("unlink: %d %d\n", unlink("d/sub/moved"), unlink("d/link"));
    printf("rmdir: %d %d\n", rmdir("d/sub"), rmdir("d"));
    errno = 0;
    printf("stat missing: %d errno %d\n", stat("d", &st), errno);
    char cwd[4096];
    mkdir("x", 0755);
    chdir("x");
    getcwd(cwd, sizeof cwd);
    printf("cwd ends with /x: %d\n", !strcmp(strrchr(cwd, '/'), "/x"));
    return 0;
}
