#include <err.h>
#include <errno.h>
#include <fcntl.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
    errno = ENOENT;
    perror("perror");
    errno = EACCES;
    perror(NULL);
    open("/nonexistent/file", O_RDONLY);
    printf("errno %d: %s\n", errno, strerror(errno));
    printf("%%m: %m\n");
    fflush(stdout);
    warn("warn %d", 1);
    warnx("warnx %s", "two");
    printf("EINVAL=%d EEXIST=%d ENOTDIR=%d\n", EINVAL, EEXIST, ENOTDIR);
    for (int e = 0; e < 40; e++)
        printf("%d %s\n", e, strerror(e));
    printf("gai: %s\n", gai_strerror(EAI_NONAME));
    errno = EBADF;
    err(3, "fatal %s", "error");
}
