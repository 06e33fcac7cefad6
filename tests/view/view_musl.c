/* Opens each path named on the command line and prints "PATH: ok" or
 * "PATH: errno-name", then what /proc/self/exe says, for the view tests. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        int fd = open(argv[i], O_RDONLY);
        printf("%s: %s\n", argv[i], fd >= 0 ? "ok" : errno == EACCES ? "EACCES" : strerror(errno));
        if (fd >= 0)
            close(fd);
    }
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    buf[n > 0 ? n : 0] = 0;
    printf("exe %s\n", strrchr(buf, '/') ? strrchr(buf, '/') + 1 : buf);
    return 0;
}
