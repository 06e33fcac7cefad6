/* Files through handles: share modes within a process, a case-insensitive
 * open, overlapped reads with an event, byte-range locks, case-only
 * renames, copies, read-only files, temporary names, delete-on-close and
 * share-delete. Two results follow Windows where Wine 8.0 differs: an
 * unlock of a range that is not locked fails with ERROR_NOT_LOCKED (158;
 * Wine: 33), and a rename that changes only the case renames on disk
 * (Wine keeps the old case). */
#include <windows.h>
#include <stdio.h>

static void show(const char *what, BOOL ok) { printf("%s: %d err=%lu\n", what, ok ? 1 : 0, ok ? 0 : GetLastError()); }
int main(void)
{
    char dir[MAX_PATH] = "lvft", name[MAX_PATH];
    CreateDirectoryA(dir, NULL);
    SetCurrentDirectoryA(dir);
    HANDLE h = CreateFileA("MixedCase.Txt", GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    DWORD n; WriteFile(h, "hello world", 11, &n, NULL);
    HANDLE h2 = CreateFileA("mixedcase.txt", GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    printf("second open while exclusive: %d err=%lu\n", h2 != INVALID_HANDLE_VALUE, GetLastError());
    CloseHandle(h);
    h = CreateFileA("MIXEDCASE.TXT", GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    printf("case-insensitive open: %d\n", h != INVALID_HANDLE_VALUE);
    h2 = CreateFileA("mixedcase.txt", GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    printf("shared read: %d\n", h2 != INVALID_HANDLE_VALUE);
    HANDLE h3 = CreateFileA("mixedcase.txt", GENERIC_WRITE, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
    printf("write while share-read only: %d err=%lu\n", h3 != INVALID_HANDLE_VALUE, GetLastError());
    show("delete while open without share-delete", DeleteFileA("mixedcase.txt"));
    CloseHandle(h2);
    /* overlapped read with an event */
    OVERLAPPED ov = {0};
    ov.Offset = 6;
    ov.hEvent = CreateEventA(NULL, TRUE, FALSE, NULL);
    char buf[32] = {0};
    BOOL ok = ReadFile(h, buf, 5, &n, &ov);
    printf("overlapped read: ok=%d n=%lu buf=%s err=%lu event=%lu\n", ok, n, buf, ok ? 0 : GetLastError(), WaitForSingleObject(ov.hEvent, 0));
    ok = GetOverlappedResult(h, &ov, &n, TRUE);
    printf("result: %d n=%lu\n", ok, n);
    n = SetFilePointer(h, 0, NULL, FILE_CURRENT);
    printf("pointer after: %lu\n", n);
    ov.Offset = 100;
    ok = ReadFile(h, buf, 5, &n, &ov);
    printf("read past end: ok=%d n=%lu err=%lu\n", ok, n, ok ? 0 : GetLastError());
    /* locks */
    ok = LockFile(h, 0, 0, 4, 0);
    printf("lock: %d\n", ok);
    ok = LockFile(h, 2, 0, 4, 0);
    printf("lock overlapping same handle: %d err=%lu\n", ok, ok ? 0 : GetLastError());
    ok = UnlockFile(h, 0, 0, 3, 0);
    printf("unlock wrong range: %d err=%lu\n", ok, ok ? 0 : GetLastError());
    ok = UnlockFile(h, 0, 0, 4, 0);
    printf("unlock: %d\n", ok);
    CloseHandle(h);
    /* rename case only */
    show("move case", MoveFileA("mixedcase.txt", "MIXEDCASE.TXT"));
    WIN32_FIND_DATAA fd;
    HANDLE f = FindFirstFileA("mixed*", &fd);
    printf("found: %s\n", f != INVALID_HANDLE_VALUE ? fd.cFileName : "-");
    FindClose(f);
    show("copy", CopyFileA("mixedcase.txt", "copy.txt", TRUE));
    show("copy again fail-if-exists", CopyFileA("mixedcase.txt", "copy.txt", TRUE));
    SetFileAttributesA("copy.txt", FILE_ATTRIBUTE_READONLY);
    show("delete read-only", DeleteFileA("copy.txt"));
    SetFileAttributesA("copy.txt", FILE_ATTRIBUTE_NORMAL);
    show("delete", DeleteFileA("COPY.txt"));
    show("move replace", MoveFileExA("mixedcase.txt", "other.txt", MOVEFILE_REPLACE_EXISTING));
    UINT u = GetTempFileNameA(".", "abcdef", 0x1234, name);
    printf("tempname %u %s\n", u, name);
    u = GetTempFileNameA(".", "xy", 0, name);
    printf("tempname created: %d attr=%lx\n", u != 0, GetFileAttributesA(name));
    DeleteFileA(name);
    h = CreateFileA("dc.txt", GENERIC_WRITE, 0, NULL, CREATE_NEW, FILE_FLAG_DELETE_ON_CLOSE, NULL);
    CloseHandle(h);
    printf("delete on close gone: %d\n", GetFileAttributesA("dc.txt") == INVALID_FILE_ATTRIBUTES);
    h = CreateFileA("other.txt", GENERIC_READ, FILE_SHARE_READ|FILE_SHARE_DELETE, NULL, OPEN_EXISTING, 0, NULL);
    show("delete while open with share-delete", DeleteFileA("other.txt"));
    CloseHandle(h);
    printf("gone: %d\n", GetFileAttributesA("other.txt") == INVALID_FILE_ATTRIBUTES);
    h = CreateFileA("new.txt", GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    printf("open missing: err=%lu\n", GetLastError());
    h = CreateFileA("nosuchdir\\new.txt", GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    printf("open missing dir: err=%lu\n", GetLastError());
    SetCurrentDirectoryA("..");
    show("rmdir", RemoveDirectoryA(dir));
    return 0;
}
