/* A 5,000-file tree (50 folders of 100 files) created, listed with
 * wildcards, stamped, opened by names in another case, renamed and deleted,
 * through the W file functions. Each phase prints counts, so one wrong file
 * among thousands shows. Wildcards follow Windows without 8.3 names:
 * "*.*" matches every name, "?" exactly one character, "*5.txt" a name
 * ending in 5.txt. */
#include <windows.h>
#include <stdio.h>

#define DIRS 50
#define FILES 100

static WCHAR path[MAX_PATH];

static const WCHAR *file_name(int d, int f, const WCHAR *ext)
{
    swprintf(path, MAX_PATH, L"lvtree\\d%02d\\f%03d.%ls", d, f, ext);
    return path;
}

/* Counts the entries a pattern finds, folders "." and ".." left out. */
static int count_matches(const WCHAR *pattern)
{
    WIN32_FIND_DATAW fd;
    HANDLE h = FindFirstFileW(pattern, &fd);
    int n = 0;

    if (h == INVALID_HANDLE_VALUE)
        return GetLastError() == ERROR_FILE_NOT_FOUND ? 0 : -1;
    do {
        if (wcscmp(fd.cFileName, L".") && wcscmp(fd.cFileName, L".."))
            n++;
    } while (FindNextFileW(h, &fd));
    if (GetLastError() != ERROR_NO_MORE_FILES)
        n = -1;
    FindClose(h);
    return n;
}

static int count_in_all(const WCHAR *pattern)
{
    WCHAR p[MAX_PATH];
    int d, n = 0, c;

    for (d = 0; d < DIRS; d++) {
        swprintf(p, MAX_PATH, L"lvtree\\d%02d\\%ls", d, pattern);
        c = count_matches(p);
        if (c < 0)
            return -1;
        n += c;
    }
    return n;
}

static FILETIME stamp_of(int d, int f)
{
    /* 2020-01-01 00:00:00 UTC plus a different number of seconds per file
     * and an odd 100 ns remainder, so the low digits must round-trip. */
    ULONGLONG t = 132223104000000000ULL + (ULONGLONG)(d * FILES + f) * 10000000ULL + 1234567;
    FILETIME ft = { (DWORD)t, (DWORD)(t >> 32) };
    return ft;
}

int main(void)
{
    WCHAR dir[MAX_PATH], to[MAX_PATH];
    char data[32];
    int d, f, bad, len;
    DWORD n;

    printf("mkdir root: %d\n", CreateDirectoryW(L"lvtree", NULL));
    bad = 0;
    for (d = 0; d < DIRS; d++) {
        swprintf(dir, MAX_PATH, L"lvtree\\d%02d", d);
        if (!CreateDirectoryW(dir, NULL))
            bad++;
        for (f = 0; f < FILES; f++) {
            HANDLE h = CreateFileW(file_name(d, f, L"txt"), GENERIC_WRITE, 0, NULL,
                                   CREATE_NEW, FILE_ATTRIBUTE_NORMAL, NULL);
            if (h == INVALID_HANDLE_VALUE) {
                bad++;
                continue;
            }
            len = sprintf(data, "file %d/%d\n", d, f);
            if (!WriteFile(h, data, len, &n, NULL) || n != (DWORD)len)
                bad++;
            CloseHandle(h);
        }
    }
    printf("created %d files, %d failures\n", DIRS * FILES, bad);

    printf("folders *: %d\n", count_matches(L"lvtree\\*"));
    printf("files *.*: %d\n", count_in_all(L"*.*"));
    printf("files *.txt: %d\n", count_in_all(L"*.txt"));
    printf("files *.TXT: %d\n", count_in_all(L"*.TXT"));
    printf("files f0?5.txt: %d\n", count_in_all(L"f0?5.txt"));
    printf("files *5.txt: %d\n", count_in_all(L"*5.txt"));
    printf("files f09*: %d\n", count_in_all(L"f09*"));
    printf("files *.dat: %d\n", count_in_all(L"*.dat"));
    printf("one folder d4?: %d\n", count_matches(L"lvtree\\d4?"));

    bad = 0;
    for (d = 0; d < DIRS; d++)
        for (f = 0; f < FILES; f++) {
            HANDLE h = CreateFileW(file_name(d, f, L"txt"), FILE_WRITE_ATTRIBUTES, 0, NULL,
                                   OPEN_EXISTING, 0, NULL);
            FILETIME ft = stamp_of(d, f);
            if (h == INVALID_HANDLE_VALUE || !SetFileTime(h, NULL, NULL, &ft))
                bad++;
            CloseHandle(h);
        }
    printf("stamped, %d failures\n", bad);

    /* The stamps read back through the directory listing. */
    bad = 0;
    for (d = 0; d < DIRS; d++) {
        WIN32_FIND_DATAW fd;
        HANDLE h;
        swprintf(dir, MAX_PATH, L"lvtree\\d%02d\\*.txt", d);
        h = FindFirstFileW(dir, &fd);
        if (h == INVALID_HANDLE_VALUE) {
            bad += FILES;
            continue;
        }
        do {
            FILETIME want;
            f = _wtoi(fd.cFileName + 1);
            want = stamp_of(d, f);
            if (CompareFileTime(&want, &fd.ftLastWriteTime) != 0 || fd.nFileSizeLow == 0)
                bad++;
        } while (FindNextFileW(h, &fd));
        FindClose(h);
    }
    printf("stamps read back, %d mismatches\n", bad);

    /* Opens by the same names in upper case read what was written. */
    bad = 0;
    for (d = 0; d < DIRS; d++)
        for (f = 0; f < FILES; f += 7) {
            char want[32];
            HANDLE h;
            swprintf(path, MAX_PATH, L"LVTREE\\D%02d\\F%03d.TXT", d, f);
            h = CreateFileW(path, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
            memset(data, 0, sizeof data);
            len = sprintf(want, "file %d/%d\n", d, f);
            if (h == INVALID_HANDLE_VALUE || !ReadFile(h, data, sizeof data - 1, &n, NULL)
                || n != (DWORD)len || memcmp(data, want, len))
                bad++;
            CloseHandle(h);
        }
    printf("upper-case opens, %d failures\n", bad);

    bad = 0;
    for (d = 0; d < DIRS; d++)
        for (f = 0; f < FILES; f++) {
            wcscpy(to, file_name(d, f, L"bak"));
            if (!MoveFileExW(file_name(d, f, L"txt"), to, 0))
                bad++;
        }
    printf("renamed, %d failures\n", bad);
    printf("after rename *.txt: %d, *.bak: %d\n", count_in_all(L"*.txt"), count_in_all(L"*.bak"));
    bad = GetFileAttributesW(L"lvtree\\d00\\f000.txt") != INVALID_FILE_ATTRIBUTES;
    printf("old name found: %d err=%lu\n", bad, GetLastError());

    bad = 0;
    for (d = 0; d < DIRS; d++) {
        for (f = 0; f < FILES; f++)
            if (!DeleteFileW(file_name(d, f, L"bak")))
                bad++;
        swprintf(dir, MAX_PATH, L"lvtree\\d%02d", d);
        if (!RemoveDirectoryW(dir))
            bad++;
    }
    printf("deleted, %d failures\n", bad);
    printf("root empty: %d\n", count_matches(L"lvtree\\*"));
    printf("rmdir root: %d\n", RemoveDirectoryW(L"lvtree"));
    bad = GetFileAttributesW(L"lvtree") == INVALID_FILE_ATTRIBUTES;
    printf("root gone: %d err=%lu\n", bad, GetLastError());
    return 0;
}
