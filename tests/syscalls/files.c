/* File I/O: create, write, read back, seek, stat, rename, unlink. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
    int fd = open("data.txt", O_CREAT | O_RDWR | O_TRUNC, 0640);
    if (fd < 0)
        return perror("open"), 1;
    const char *text = "one\ntwo\nthree\n";
    printf("write %zd\n", write(fd, text, strlen(text)));
    printf("lseek %ld\n", (long)lseek(fd, 4, SEEK_SET));
    char buf[64] = "";
    printf("read %zd: %s", read(fd, buf, sizeof buf - 1), buf);
    struct stat st;
    fstat(fd, &st);
    printf("size %ld mode %o\n", (long)st.st_size, st.st_mode & 0777);
    close(fd);
    printf("rename %d\n", rename("data.txt", "moved.txt"));
    printf("stat old %d new %d\n", stat("data.txt", &st), stat("moved.txt", &st));
    FILE *f = fopen("moved.txt", "a+");
    fprintf(f, "four\n");
    rewind(f);
    int lines = 0;
    while (fgets(buf, sizeof buf, f))
        lines++;
    fclose(f);
    printf("lines %d\n", lines);
    printf("unlink %d access %d\n", unlink("moved.txt"), access("moved.txt", F_OK));
    printf("open missing %d\n", open("/nonexistent/x", O_RDONLY));
    return 0;
}
