/* One side of the two-process file tests, driven by test_system.py.
 *   share_probe hold FILE SHARE   opens FILE read/write with share flags
 *                                 SHARE (r, w, d letters), prints "held",
 *                                 locks bytes 0-9, waits for stdin to end
 *   share_probe open FILE ACCESS SHARE   one open attempt (ACCESS r, w, rw)
 *   share_probe lock FILE          an exclusive lock of bytes 0-9 that
 *                                  fails at once when another holds it
 *   share_probe delete FILE        DeleteFileW
 * Each attempt prints "ok" or the Windows error code. */
#include <windows.h>
#include <stdio.h>
#include <string.h>

static DWORD share_flags(const char *s)
{
    DWORD f = 0;
    if (strchr(s, 'r'))
        f |= FILE_SHARE_READ;
    if (strchr(s, 'w'))
        f |= FILE_SHARE_WRITE;
    if (strchr(s, 'd'))
        f |= FILE_SHARE_DELETE;
    return f;
}

static DWORD access_flags(const char *s)
{
    DWORD f = 0;
    if (strchr(s, 'r'))
        f |= GENERIC_READ;
    if (strchr(s, 'w'))
        f |= GENERIC_WRITE;
    return f;
}

static void result(const char *what, BOOL ok)
{
    if (ok)
        printf("%s: ok\n", what);
    else
        printf("%s: error %lu\n", what, GetLastError());
    fflush(stdout);
}

static HANDLE open_file(const char *name, DWORD access, DWORD share, DWORD disposition)
{
    return CreateFileA(name, access, share, NULL, disposition, FILE_ATTRIBUTE_NORMAL, NULL);
}

int main(int argc, char **argv)
{
    OVERLAPPED ov;
    HANDLE h;
    char buf[64];
    DWORD n;

    if (argc == 4 && !strcmp(argv[1], "hold")) {
        h = open_file(argv[2], GENERIC_READ | GENERIC_WRITE, share_flags(argv[3]), OPEN_ALWAYS);
        result("hold", h != INVALID_HANDLE_VALUE);
        memset(&ov, 0, sizeof ov);
        result("lock", LockFileEx(h, LOCKFILE_EXCLUSIVE_LOCK, 0, 10, 0, &ov));
        /* Standard input ends when the driver is done with the other side. */
        while (ReadFile(GetStdHandle(STD_INPUT_HANDLE), buf, sizeof buf, &n, NULL) && n)
            ;
        CloseHandle(h);
        printf("released\n");
        return 0;
    }
    if (argc == 5 && !strcmp(argv[1], "open")) {
        h = open_file(argv[2], access_flags(argv[3]), share_flags(argv[4]), OPEN_EXISTING);
        result("open", h != INVALID_HANDLE_VALUE);
        return 0;
    }
    if (argc == 3 && !strcmp(argv[1], "lock")) {
        h = open_file(argv[2], GENERIC_READ | GENERIC_WRITE,
                      FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE, OPEN_EXISTING);
        memset(&ov, 0, sizeof ov);
        result("lock", LockFileEx(h, LOCKFILE_EXCLUSIVE_LOCK | LOCKFILE_FAIL_IMMEDIATELY,
                                  0, 10, 0, &ov));
        return 0;
    }
    if (argc == 3 && !strcmp(argv[1], "delete")) {
        result("delete", DeleteFileA(argv[2]));
        return 0;
    }
    fprintf(stderr, "usage: share_probe hold|open|lock|delete FILE ...\n");
    return 2;
}
