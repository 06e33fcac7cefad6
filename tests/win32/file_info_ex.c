/* GetFileInformationByHandleEx and SetFileInformationByHandle on a file
 * in the current folder: times and attributes, sizes, the name without
 * its drive, end of file, delete on close, rename, unsupported classes.
 * In win32-msdoc: Wine 8.0 reports DeletePending 0 after FileDispositionInfo,
 * Windows 1 (FILE_STANDARD_INFO documents it as the pending delete). */
#include <windows.h>
#include <stdio.h>
#include "test.h"

static HANDLE open_file(const WCHAR *name, DWORD access, DWORD disposition)
{
    return CreateFileW(name, access, FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE,
                       NULL, disposition, 0, NULL);
}

int main(void)
{
    FILE_BASIC_INFO basic;
    FILE_STANDARD_INFO std;
    FILE_ATTRIBUTE_TAG_INFO tag;
    FILE_END_OF_FILE_INFO eof;
    FILE_DISPOSITION_INFO disp;
    BY_HANDLE_FILE_INFORMATION info;
    union { FILE_NAME_INFO n; char buf[1024]; } name;
    union { FILE_RENAME_INFO r; char buf[1024]; } ren;
    WCHAR cwd[MAX_PATH];
    DWORD written;
    BOOL r;
    HANDLE h, d;

    DeleteFileW(L"fie_a.txt");
    DeleteFileW(L"fie_b.txt");
    h = open_file(L"fie_a.txt", GENERIC_READ | GENERIC_WRITE | DELETE, CREATE_ALWAYS);
    ok(h != INVALID_HANDLE_VALUE, "create: %lu", GetLastError());
    WriteFile(h, "hello", 5, &written, NULL);

    ok(GetFileInformationByHandleEx(h, FileBasicInfo, &basic, sizeof basic), "basic: %lu", GetLastError());
    GetFileInformationByHandle(h, &info);
    printf("basic: attributes %#lx, creation as GetFileInformationByHandle: %d, write as it: %d\n",
           basic.FileAttributes,
           basic.CreationTime.QuadPart == ((LONGLONG)info.ftCreationTime.dwHighDateTime << 32 |
                                           info.ftCreationTime.dwLowDateTime),
           basic.LastWriteTime.QuadPart == ((LONGLONG)info.ftLastWriteTime.dwHighDateTime << 32 |
                                            info.ftLastWriteTime.dwLowDateTime));
    ok(basic.CreationTime.QuadPart <= basic.LastWriteTime.QuadPart, "created after written");

    ok(GetFileInformationByHandleEx(h, FileStandardInfo, &std, sizeof std), "standard: %lu", GetLastError());
    printf("standard: eof %lld, links %lu, delete pending %d, directory %d, allocated >= eof %d\n",
           std.EndOfFile.QuadPart, std.NumberOfLinks, std.DeletePending, std.Directory,
           std.AllocationSize.QuadPart >= std.EndOfFile.QuadPart);

    ok(GetFileInformationByHandleEx(h, FileAttributeTagInfo, &tag, sizeof tag), "tag: %lu", GetLastError());
    printf("tag: attributes %#lx, reparse tag %#lx\n", tag.FileAttributes, tag.ReparseTag);

    /* The name has no drive: the current folder's path after "C:". */
    GetCurrentDirectoryW(MAX_PATH, cwd);
    r = GetFileInformationByHandleEx(h, FileNameInfo, &name, sizeof name);
    ok(r, "name: %lu", GetLastError());
    name.n.FileName[name.n.FileNameLength / 2] = 0;
    printf("name: length %s, cwd-relative %s\n",
           name.n.FileNameLength == (wcslen(cwd) - 2 + wcslen(L"\\fie_a.txt")) * 2 ? "right" : "wrong",
           !_wcsnicmp(name.n.FileName, cwd + 2, wcslen(cwd) - 2) &&
           !wcscmp(name.n.FileName + wcslen(cwd) - 2, L"\\fie_a.txt") ? "\\fie_a.txt" : "wrong");
    SetLastError(0xdeadbeef);
    r = GetFileInformationByHandleEx(h, FileNameInfo, &name, sizeof(DWORD) + 4);
    printf("name in a small buffer: %d %lu, length right: %d\n", r, GetLastError(),
           name.n.FileNameLength == (wcslen(cwd) - 2 + wcslen(L"\\fie_a.txt")) * 2);

    SetLastError(0xdeadbeef);
    r = GetFileInformationByHandleEx(h, FileBasicInfo, &basic, sizeof basic - 8);
    printf("basic in a small buffer: %d %lu\n", r, GetLastError());
    SetLastError(0xdeadbeef);
    r = GetFileInformationByHandleEx(h, 7 /* FileStreamInfo */ + 100, name.buf, sizeof name);
    printf("unknown class: %d %lu\n", r, GetLastError());

    /* Set: end of file, times, attributes. */
    eof.EndOfFile.QuadPart = 2;
    ok(SetFileInformationByHandle(h, FileEndOfFileInfo, &eof, sizeof eof), "eof: %lu", GetLastError());
    GetFileInformationByHandleEx(h, FileStandardInfo, &std, sizeof std);
    printf("after FileEndOfFileInfo: eof %lld\n", std.EndOfFile.QuadPart);

    memset(&basic, 0, sizeof basic);
    basic.LastWriteTime.QuadPart = 130000000000000000LL; /* 2012 */
    ok(SetFileInformationByHandle(h, FileBasicInfo, &basic, sizeof basic), "set basic: %lu", GetLastError());
    GetFileInformationByHandleEx(h, FileBasicInfo, &basic, sizeof basic);
    printf("after FileBasicInfo: write time %lld, attributes %#lx\n", basic.LastWriteTime.QuadPart,
           basic.FileAttributes);

    /* Rename the open file, refused onto an existing one without
     * ReplaceIfExists. */
    d = open_file(L"fie_b.txt", GENERIC_WRITE, CREATE_ALWAYS);
    CloseHandle(d);
    memset(&ren, 0, sizeof ren);
    ren.r.FileNameLength = (DWORD)wcslen(L"fie_b.txt") * 2;
    memcpy(ren.r.FileName, L"fie_b.txt", ren.r.FileNameLength);
    SetLastError(0xdeadbeef);
    r = SetFileInformationByHandle(h, FileRenameInfo, &ren, sizeof ren);
    printf("rename onto an existing file: %d %lu\n", r, GetLastError());
    ren.r.ReplaceIfExists = TRUE;
    r = SetFileInformationByHandle(h, FileRenameInfo, &ren, sizeof ren);
    printf("rename with ReplaceIfExists: %d, old name there %d, new %d\n", r,
           GetFileAttributesW(L"fie_a.txt") != INVALID_FILE_ATTRIBUTES,
           GetFileAttributesW(L"fie_b.txt") != INVALID_FILE_ATTRIBUTES);
    r = GetFileInformationByHandleEx(h, FileNameInfo, &name, sizeof name);
    name.n.FileName[name.n.FileNameLength / 2] = 0;
    printf("name after rename ends in fie_b.txt: %d\n",
           r && !wcscmp(name.n.FileName + wcslen(name.n.FileName) - 9, L"fie_b.txt"));

    /* Delete on close. */
    disp.DeleteFile = TRUE;
    ok(SetFileInformationByHandle(h, FileDispositionInfo, &disp, sizeof disp), "disposition: %lu",
       GetLastError());
    GetFileInformationByHandleEx(h, FileStandardInfo, &std, sizeof std);
    printf("delete pending %d\n", std.DeletePending);
    CloseHandle(h);
    printf("after close, there: %d\n", GetFileAttributesW(L"fie_b.txt") != INVALID_FILE_ATTRIBUTES);

    /* Without DELETE access the disposition is refused. */
    h = open_file(L"fie_a.txt", GENERIC_READ | GENERIC_WRITE, CREATE_ALWAYS);
    SetLastError(0xdeadbeef);
    r = SetFileInformationByHandle(h, FileDispositionInfo, &disp, sizeof disp);
    printf("disposition without DELETE access: %d %lu\n", r, GetLastError());
    SetLastError(0xdeadbeef);
    r = SetFileInformationByHandle(h, FileStandardInfo, &std, sizeof std);
    printf("set FileStandardInfo: %d %lu\n", r, GetLastError());
    CloseHandle(h);
    DeleteFileW(L"fie_a.txt");

    /* A folder. */
    d = CreateFileW(L".", GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL, OPEN_EXISTING,
                    FILE_FLAG_BACKUP_SEMANTICS, NULL);
    ok(GetFileInformationByHandleEx(d, FileStandardInfo, &std, sizeof std), "folder: %lu", GetLastError());
    printf("folder: directory %d, eof %lld\n", std.Directory, std.EndOfFile.QuadPart);
    CloseHandle(d);
    return test_summary();
}
