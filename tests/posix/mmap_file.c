#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
    int fd = open("m.bin", O_CREAT | O_RDWR | O_TRUNC, 0600);
    ftruncate(fd, 8192);
    char *p = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    strcpy(p, "written through the mapping");
    strcpy(p + 4096, "second page");
    printf("msync %d munmap %d\n", msync(p, 8192, MS_SYNC), munmap(p, 8192));
    char buf[32] = "";
    pread(fd, buf, 27, 0);
    printf("file: %s\n", buf);
    pread(fd, buf, 11, 4096);
    buf[11] = 0;
    printf("page 2: %s\n", buf);
    struct stat st;
    fstat(fd, &st);
    printf("size %lld\n", (long long)st.st_size);
    p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 4096);
    printf("private map: %s\n", p);
    close(fd);
    printf("after close: %.6s\n", p);
    printf("madvise %d\n", madvise(p, 4096, MADV_DONTNEED));
    return 0;
}
