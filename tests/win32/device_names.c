/* Reserved device names: NUL in any case, with any extension, is the null
 * device (writes vanish, reads give nothing, no file is made); names that
 * only start like one are files. */
#include <stdio.h>
#include <windows.h>

static void try_name(const char *name)
{
    HANDLE h = CreateFileA(name, GENERIC_READ | GENERIC_WRITE, 0, NULL, OPEN_ALWAYS, 0, NULL);
    if (h == INVALID_HANDLE_VALUE) {
        printf("%-12s open failed %lu\n", name, GetLastError());
        return;
    }
    DWORD n = 0, got = 1;
    char buf[8];
    WriteFile(h, "hello", 5, &n, NULL);
    SetFilePointer(h, 0, NULL, FILE_BEGIN);
    ReadFile(h, buf, sizeof buf, &got, NULL);
    CloseHandle(h);
    DWORD attr = GetFileAttributesA(name);
    printf("%-12s wrote %lu, read back %lu, a file now: %s\n", name, n, got,
           attr != INVALID_FILE_ATTRIBUTES && !(attr & FILE_ATTRIBUTE_DIRECTORY) &&
           DeleteFileA(name) ? "yes" : "no");
}

int main(void)
{
    try_name("NUL");
    try_name("nul");
    try_name("Nul.txt");
    try_name("nul.tar.gz");
    try_name("nulx.txt");
    try_name("anul.txt");
    try_name("console.txt");
    try_name("auxiliary");
    try_name("prnt.txt");
    try_name("lpt.txt");
    return 0;
}
