/* Directories through Win32: CreateDirectory, FindFirstFileA/W (sorted),
 * non-ASCII names, GetFileAttributes, case-insensitive lookup,
 * Set/GetCurrentDirectory, DeleteFile, RemoveDirectory, last errors. */
#include <stdlib.h>
#include <windows.h>
#include "test.h"

static int cmp(const void *a, const void *b)
{
    return wcscmp(*(WCHAR *const *)a, *(WCHAR *const *)b);
}

static void list_w(const WCHAR *pattern)
{
    WIN32_FIND_DATAW fd;
    WCHAR *names[16];
    HANDLE h;
    int n = 0, i;
    const WCHAR *c;

    h = FindFirstFileW(pattern, &fd);
    if (h == INVALID_HANDLE_VALUE) {
        printf("none, error %lu\n", GetLastError());
        return;
    }
    do {
        if (n < 16)
            names[n++] = _wcsdup(fd.cFileName);
    } while (FindNextFileW(h, &fd));
    printf("FindNextFileW end: %lu\n", GetLastError());
    FindClose(h);
    qsort(names, n, sizeof(*names), cmp);
    for (i = 0; i < n; i++) {
        printf(" ");
        for (c = names[i]; *c; c++)
            printf(*c < 128 ? "%c" : "<%04x>", *c);
        free(names[i]);
    }
    printf("\n");
}

static void create(const WCHAR *name, DWORD size)
{
    HANDLE h = CreateFileW(name, GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
    DWORD done;
    char zeros[16] = { 0 };

    ok(h != INVALID_HANDLE_VALUE, "CreateFileW failed %lu", GetLastError());
    WriteFile(h, zeros, size, &done, NULL);
    CloseHandle(h);
}

int main(void)
{
    WIN32_FIND_DATAA fa;
    char cwd[MAX_PATH];
    HANDLE h;
    DWORD attr, len;

    ok(CreateDirectoryA("wdir", NULL), "CreateDirectoryA");
    SetLastError(0xdeadbeef);
    ok(!CreateDirectoryA("wdir", NULL), "second CreateDirectoryA succeeded");
    printf("exists error: %lu\n", GetLastError());
    ok(SetCurrentDirectoryA("wdir"), "SetCurrentDirectoryA");
    len = GetCurrentDirectoryA(sizeof(cwd), cwd);
    printf("cwd ends with \\wdir: %d\n", len > 5 && !strcmp(cwd + len - 5, "\\wdir"));
    create(L"plain.txt", 5);
    create(L"caf\x00e9.txt", 1);
    create(L"\x4e2d\x6587.log", 2);
    ok(CreateDirectoryW(L"Sub Dir", NULL), "CreateDirectoryW");
    list_w(L"*");
    list_w(L"*.TXT");
    list_w(L"nothing*");

    h = FindFirstFileA("PLAIN.TXT", &fa);
    ok(h != INVALID_HANDLE_VALUE, "case-insensitive FindFirstFileA");
    printf("found %s size %lu dir %d\n", fa.cFileName, fa.nFileSizeLow,
           !!(fa.dwFileAttributes & FILE_ATTRIBUTE_DIRECTORY));
    FindClose(h);
    attr = GetFileAttributesA("sub dir");
    printf("attributes of sub dir: directory %d\n", !!(attr & FILE_ATTRIBUTE_DIRECTORY));
    SetLastError(0xdeadbeef);
    attr = GetFileAttributesA("missing");
    printf("missing: %lx error %lu\n", attr, GetLastError());
    SetLastError(0xdeadbeef);
    ok(!RemoveDirectoryA("..\\wdir\\missing"), "RemoveDirectory of a missing dir");
    printf("remove missing: %lu\n", GetLastError());

    ok(DeleteFileW(L"caf\x00e9.txt"), "DeleteFileW");
    ok(DeleteFileA("plain.txt"), "DeleteFileA");
    ok(DeleteFileW(L"\x4e2d\x6587.log"), "DeleteFileW 2");
    SetLastError(0xdeadbeef);
    ok(!DeleteFileA("plain.txt"), "second DeleteFileA");
    printf("delete missing: %lu\n", GetLastError());
    ok(RemoveDirectoryA("SUB DIR"), "RemoveDirectoryA");
    ok(SetCurrentDirectoryA(".."), "SetCurrentDirectoryA ..");
    ok(RemoveDirectoryA("wdir"), "RemoveDirectoryA wdir");
    return test_summary();
}
