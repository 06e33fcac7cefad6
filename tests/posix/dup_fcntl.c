#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
    int fd = open("out.txt", O_CREAT | O_RDWR | O_TRUNC | O_CLOEXEC, 0600);
    printf("cloexec %d\n", (fcntl(fd, F_GETFD) & FD_CLOEXEC) != 0);
    fflush(stdout);
    int saved = dup(1);
    dup2(fd, 1);
    printf("this goes to the file\n");
    fflush(stdout);
    dup2(saved, 1);
    close(saved);
    lseek(fd, 0, SEEK_SET);
    char buf[64] = "";
    read(fd, buf, sizeof buf - 1);
    printf("file has: %s", buf);
    int fl = fcntl(fd, F_GETFL);
    printf("rdwr %d\n", (fl & O_ACCMODE) == O_RDWR);
    fcntl(fd, F_SETFL, fl | O_APPEND);
    printf("append %d\n", (fcntl(fd, F_GETFL) & O_APPEND) != 0);
    int fd2 = fcntl(fd, F_DUPFD, 10);
    printf("dupfd >= 10: %d\n", fd2 >= 10);
    pwrite(fd, "XY", 2, 0);
    pread(fd, buf, 4, 0);
    buf[4] = 0;
    printf("pread %s\n", buf);
    ftruncate(fd, 3);
    printf("size %ld\n", (long)lseek(fd, 0, SEEK_END));
    struct flock lk = { .l_type = F_WRLCK, .l_whence = SEEK_SET };
    printf("lock %d\n", fcntl(fd, F_SETLK, &lk));
    close(fd);
    close(fd2);
    printf("close bad fd %d\n", close(fd));
    return 0;
}
