/* 5,000 small files through the Win32 API: created and written, listed
 * with FindFirstFile, opened again by a name in another case, deleted.
 * usage: files_win.exe FOLDER (created, and empty again at the end) */
#include <windows.h>
#include <stdio.h>

#define COUNT 5000

int main(int argc, char **argv)
{
    char name[MAX_PATH];
    DWORD n;
    if (argc < 2 || !CreateDirectoryA(argv[1], NULL))
        return 2;
    for (int i = 0; i < COUNT; i++) {
        snprintf(name, sizeof name, "%s\\File%05d.txt", argv[1], i);
        HANDLE h = CreateFileA(name, GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
        if (h == INVALID_HANDLE_VALUE || !WriteFile(h, name, 32, &n, NULL))
            return 3;
        CloseHandle(h);
    }
    WIN32_FIND_DATAA fd;
    snprintf(name, sizeof name, "%s\\*.txt", argv[1]);
    HANDLE f = FindFirstFileA(name, &fd);
    int found = 0;
    if (f != INVALID_HANDLE_VALUE) {
        do
            found++;
        while (FindNextFileA(f, &fd));
        FindClose(f);
    }
    if (found != COUNT)
        return 4;
    for (int i = 0; i < COUNT; i++) {
        char buf[64];
        snprintf(name, sizeof name, "%s\\FILE%05d.TXT", argv[1], i);
        HANDLE h = CreateFileA(name, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
        if (h == INVALID_HANDLE_VALUE || !ReadFile(h, buf, sizeof buf, &n, NULL) || n != 32)
            return 5;
        CloseHandle(h);
    }
    for (int i = 0; i < COUNT; i++) {
        snprintf(name, sizeof name, "%s\\file%05d.txt", argv[1], i);
        if (!DeleteFileA(name))
            return 6;
    }
    return RemoveDirectoryA(argv[1]) ? 0 : 7;
}
