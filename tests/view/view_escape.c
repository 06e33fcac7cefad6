/* Opens each path named on the command line and prints "PATH: ok" or
 * "PATH: error N" (GetLastError), for the view tests. */
#include <stdio.h>
#include <string.h>
#include <windows.h>

static void report(const char *what, BOOL ok)
{
    if (ok)
        printf("%s: ok\n", what);
    else
        printf("%s: error %lu\n", what, GetLastError());
}

/* Every kind of write into the folder dir (a read-only mount). */
static int writes(const char *dir, const char *outside)
{
    char path[512], other[512], out[512];
    HANDLE h;

    snprintf(path, sizeof path, "%s\\new.txt", dir);
    h = CreateFileA(path, GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    report("create", h != INVALID_HANDLE_VALUE);
    snprintf(path, sizeof path, "%s\\r.txt", dir);
    h = CreateFileA(path, GENERIC_WRITE, 0, NULL, OPEN_EXISTING, 0, NULL);
    report("open for writing", h != INVALID_HANDLE_VALUE);
    h = CreateFileA(path, GENERIC_WRITE, 0, NULL, TRUNCATE_EXISTING, 0, NULL);
    report("truncate", h != INVALID_HANDLE_VALUE);
    report("delete", DeleteFileA(path));
    report("set attributes", SetFileAttributesA(path, FILE_ATTRIBUTE_READONLY));
    snprintf(other, sizeof other, "%s\\moved.txt", dir);
    report("rename inside", MoveFileA(path, other));
    snprintf(out, sizeof out, "%s\\moved-out.txt", outside);
    report("rename out", MoveFileA(path, out));
    snprintf(out, sizeof out, "%s\\w.txt", outside);
    report("rename in", MoveFileA(out, other));
    report("copy in", CopyFileA(out, other, FALSE));
    snprintf(other, sizeof other, "%s\\newdir", dir);
    report("mkdir", CreateDirectoryA(other, NULL));
    snprintf(other, sizeof other, "%s\\sub", dir);
    report("rmdir", RemoveDirectoryA(other));
    snprintf(other, sizeof other, "%s\\link.txt", dir);
    report("hard link", CreateHardLinkA(other, out, NULL));
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 4 && !strcmp(argv[1], "--write"))
        return writes(argv[2], argv[3]);
    for (int i = 1; i < argc; i++) {
        HANDLE h = CreateFileA(argv[i], GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                               FILE_ATTRIBUTE_NORMAL, NULL);
        if (h == INVALID_HANDLE_VALUE) {
            printf("%s: error %lu\n", argv[i], GetLastError());
        } else {
            printf("%s: ok\n", argv[i]);
            CloseHandle(h);
        }
    }
    char name[64];
    DWORD n = sizeof name;
    if (GetComputerNameA(name, &n))
        printf("host %s\n", name);
    return 0;
}
