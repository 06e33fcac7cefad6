/* The module API on the program itself and on kernel32: GetModuleFileNameA/W
 * (only the lower-cased basename's shape is printed, since the build names
 * the exe per flavour), GetModuleHandle(NULL) == __ImageBase == the PE
 * header's ImageBase, GetModuleHandleA("kernel32.dll"), GetProcAddress. */
#include <ctype.h>
#include <windows.h>
#include "test.h"

extern IMAGE_DOS_HEADER __ImageBase;

int main(void)
{
    char path[MAX_PATH], *base;
    WCHAR wpath[MAX_PATH];
    HMODULE self = GetModuleHandleA(NULL), k32;
    IMAGE_NT_HEADERS *nt;
    DWORD (WINAPI *pid)(void);
    FARPROC missing;
    DWORD n;
    int i;

    n = GetModuleFileNameA(NULL, path, sizeof(path));
    ok(n > 0 && n == strlen(path), "GetModuleFileNameA returned %lu", n);
    base = strrchr(path, '\\');
    printf("full path has a backslash: %d\n", base != NULL);
    base = base ? base + 1 : path;
    for (i = 0; base[i]; i++)
        base[i] = (char)tolower((unsigned char)base[i]);
    printf("basename starts with module: %d, ends with .exe: %d\n", !strncmp(base, "module", 6),
           strlen(base) > 4 && !strcmp(base + strlen(base) - 4, ".exe"));
    n = GetModuleFileNameW(NULL, wpath, MAX_PATH);
    ok(n == wcslen(wpath) && n == strlen(path), "GetModuleFileNameW length %lu", n);
    SetLastError(0xdeadbeef);
    n = GetModuleFileNameA(NULL, path, 4);
    printf("truncated: %lu error %lu\n", n, GetLastError());

    printf("GetModuleHandle(NULL) == &__ImageBase: %d\n", self == (HMODULE)&__ImageBase);
    nt = (IMAGE_NT_HEADERS *)((char *)self + __ImageBase.e_lfanew);
    printf("MZ %d PE %d\n", __ImageBase.e_magic == IMAGE_DOS_SIGNATURE, nt->Signature == IMAGE_NT_SIGNATURE);
    printf("loaded at preferred base: %d\n", (ULONG_PTR)self == nt->OptionalHeader.ImageBase);
    ok(GetModuleHandleW(NULL) == self, "GetModuleHandleW(NULL)");

    k32 = GetModuleHandleA("kernel32.dll");
    ok(k32 != NULL, "kernel32 not loaded");
    ok(GetModuleHandleA("KERNEL32") == k32, "GetModuleHandle without extension, other case");
    pid = (DWORD (WINAPI *)(void))GetProcAddress(k32, "GetCurrentProcessId");
    ok(pid != NULL, "GetProcAddress GetCurrentProcessId");
    printf("same pid through GetProcAddress: %d\n", pid && pid() == GetCurrentProcessId());
    SetLastError(0xdeadbeef);
    missing = GetProcAddress(k32, "NoSuchFunctionAnywhere");
    printf("missing export: %p error %lu\n", (void *)missing, GetLastError());
    SetLastError(0xdeadbeef);
    self = GetModuleHandleA("nosuchmodule.dll");
    printf("missing module: %p error %lu\n", (void *)self, GetLastError());
    return test_summary();
}
