/* Last-error values: SetLastError/GetLastError, the codes common failures
 * set (file not found, path not found, invalid handle, bad parameter),
 * calls that succeed leaving it alone, and FormatMessageA for system codes
 * (text is language dependent, so only its presence and ending are shown). */
#include <windows.h>
#include "test.h"

static void show_message(DWORD code)
{
    char buf[512];
    DWORD n = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, NULL,
                             code, 0, buf, sizeof(buf), NULL);

    printf("FormatMessage(%lu): non-empty %d, ends with CRLF %d\n", code, n > 2,
           n > 2 && buf[n - 2] == '\r' && buf[n - 1] == '\n');
}

int main(void)
{
    HANDLE h;
    DWORD n;
    char *alloc = NULL;

    SetLastError(12345);
    printf("set/get: %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    h = CreateFileA("no_such_file.txt", GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    printf("missing file: %d error %lu\n", h == INVALID_HANDLE_VALUE, GetLastError());
    SetLastError(0xdeadbeef);
    h = CreateFileA("no_such_dir\\file.txt", GENERIC_READ, 0, NULL, OPEN_EXISTING, 0, NULL);
    printf("missing dir: %d error %lu\n", h == INVALID_HANDLE_VALUE, GetLastError());
    SetLastError(0xdeadbeef);
    printf("CloseHandle(bad): %d", CloseHandle((HANDLE)(ULONG_PTR)0x1230));
    printf(" error %lu\n", GetLastError());

    h = CreateFileA("exists.txt", GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    CloseHandle(h);
    SetLastError(0xdeadbeef);
    h = CreateFileA("exists.txt", GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    printf("CREATE_NEW on existing: %d error %lu\n", h == INVALID_HANDLE_VALUE, GetLastError());
    SetLastError(0xdeadbeef);
    h = CreateFileA("exists.txt", GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
    printf("CREATE_ALWAYS on existing: error %lu\n", GetLastError());
    CloseHandle(h);
    SetLastError(0xdeadbeef);
    h = CreateFileA("exists.txt", GENERIC_READ, 0, NULL, OPEN_ALWAYS, 0, NULL);
    printf("OPEN_ALWAYS on existing: error %lu\n", GetLastError());
    CloseHandle(h);
    DeleteFileA("exists.txt");

    SetLastError(0xdeadbeef);
    GetCurrentProcessId();
    printf("untouched by a successful call: %#lx\n", GetLastError());

    show_message(ERROR_FILE_NOT_FOUND);
    show_message(ERROR_ACCESS_DENIED);
    n = FormatMessageA(FORMAT_MESSAGE_FROM_STRING | FORMAT_MESSAGE_ARGUMENT_ARRAY, "%1 and %2!d!",
                       0, 0, (char[64]){ 0 }, 64, (va_list *)(DWORD_PTR[]){ (DWORD_PTR)"x", 42 });
    printf("FORMAT_MESSAGE_FROM_STRING length %lu\n", n);
    n = FormatMessageA(FORMAT_MESSAGE_ALLOCATE_BUFFER | FORMAT_MESSAGE_FROM_STRING |
                       FORMAT_MESSAGE_ARGUMENT_ARRAY, "<%1!s!>", 0, 0, (char *)&alloc, 0,
                       (va_list *)(DWORD_PTR[]){ (DWORD_PTR)"alloc" });
    printf("allocated: %lu %s\n", n, alloc);
    LocalFree(alloc);
    SetLastError(0xdeadbeef);
    n = FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM, NULL, 0x2abcdef, 0, (char[64]){ 0 }, 64, NULL);
    printf("unknown code: %lu error %lu\n", n, GetLastError());
    return test_summary();
}
