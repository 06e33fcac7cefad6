/* Low-level I/O: _open flags, _read/_write in text and binary mode,
 * _lseeki64, _chsize, _stat64/_fstat64, _access, _eof, _tell. */
#include <fcntl.h>
#include <io.h>
#include <sys/stat.h>
#include <errno.h>
#include "test.h"

int main(void)
{
    char buf[64];
    struct _stat64 st;
    int fd, n;

    fd = _open("low.txt", _O_CREAT | _O_TRUNC | _O_WRONLY | _O_TEXT, _S_IREAD | _S_IWRITE);
    ok(fd >= 3, "_open returned %d", fd);
    printf("write text: %d\n", _write(fd, "a\nb\n", 4));
    printf("tell: %ld\n", _tell(fd));
    _close(fd);

    fd = _open("low.txt", _O_RDONLY | _O_BINARY);
    n = _read(fd, buf, sizeof(buf));
    printf("read binary: %d [%02x %02x %02x]\n", n, buf[0], buf[1], buf[2]);
    printf("eof: %d\n", _eof(fd));
    printf("seek end: %lld\n", (long long)_lseeki64(fd, 0, SEEK_END));
    printf("seek -2 from end: %lld\n", (long long)_lseeki64(fd, -2, SEEK_END));
    ok(_fstat64(fd, &st) == 0, "_fstat64");
    printf("fstat size %lld regular %d\n", (long long)st.st_size, (st.st_mode & _S_IFMT) == _S_IFREG);
    _close(fd);

    fd = _open("low.txt", _O_RDONLY | _O_TEXT);
    n = _read(fd, buf, sizeof(buf));
    printf("read text: %d [%02x %02x %02x]\n", n, buf[0], buf[1], buf[2]);
    _close(fd);

    fd = _open("low.txt", _O_RDWR | _O_BINARY);
    ok(_chsize(fd, 2) == 0, "_chsize shrink");
    ok(_chsize(fd, 10) == 0, "_chsize grow");
    _lseeki64(fd, 0, SEEK_SET);
    n = _read(fd, buf, sizeof(buf));
    printf("after chsize: %d last %d\n", n, buf[9]);
    _close(fd);

    ok(_stat64("low.txt", &st) == 0, "_stat64");
    printf("stat size %lld\n", (long long)st.st_size);
    ok(_stat64(".", &st) == 0 && (st.st_mode & _S_IFMT) == _S_IFDIR, "_stat64 of .");
    n = _stat64("nope.txt", &st);
    printf("stat missing: %d errno %d\n", n, errno);
    printf("access: %d", _access("low.txt", 0));
    printf(" %d\n", _access("nope.txt", 0));
    n = _open("nope.txt", _O_RDONLY);
    printf("open missing: %d errno %d\n", n, errno);
    n = _open("low.txt", _O_CREAT | _O_EXCL | _O_WRONLY, _S_IWRITE);
    printf("exclusive: %d errno %d\n", n, errno);
    ok(_unlink("low.txt") == 0, "_unlink");
    return test_summary();
}
