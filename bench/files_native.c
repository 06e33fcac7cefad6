/* The work of files_win.c in native C (open/readdir/unlink). The host is
 * case-sensitive, so the second opens use the names as created.
 * usage: files_native FOLDER */
#include <dirent.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#define COUNT 5000

int main(int argc, char **argv)
{
    char name[4096];
    if (argc < 2 || mkdir(argv[1], 0777))
        return 2;
    for (int i = 0; i < COUNT; i++) {
        snprintf(name, sizeof name, "%s/File%05d.txt", argv[1], i);
        int fd = open(name, O_WRONLY | O_CREAT | O_EXCL, 0666);
        if (fd < 0 || write(fd, name, 32) != 32)
            return 3;
        close(fd);
    }
    DIR *d = opendir(argv[1]);
    struct dirent *e;
    int found = 0;
    while (d && (e = readdir(d))) {
        struct stat st;
        snprintf(name, sizeof name, "%s/%s", argv[1], e->d_name);
        if (!fnmatch("*.txt", e->d_name, 0) && stat(name, &st) == 0)
            found++;
    }
    if (d)
        closedir(d);
    if (found != COUNT)
        return 4;
    for (int i = 0; i < COUNT; i++) {
        char buf[64];
        snprintf(name, sizeof name, "%s/File%05d.txt", argv[1], i);
        int fd = open(name, O_RDONLY);
        if (fd < 0 || read(fd, buf, sizeof buf) != 32)
            return 5;
        close(fd);
    }
    for (int i = 0; i < COUNT; i++) {
        snprintf(name, sizeof name, "%s/File%05d.txt", argv[1], i);
        if (unlink(name))
            return 6;
    }
    return rmdir(argv[1]) ? 7 : 0;
}
