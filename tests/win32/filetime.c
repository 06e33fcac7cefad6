/* FILETIME (100 ns units since 1601): SystemTimeToFileTime and back on fixed
 * dates, FILETIME arithmetic, CompareFileTime, and the current time being
 * after 2020 and moving forward. */
#include <windows.h>
#include "test.h"

static ULONGLONG ft64(FILETIME ft)
{
    return ((ULONGLONG)ft.dwHighDateTime << 32) | ft.dwLowDateTime;
}

int main(void)
{
    SYSTEMTIME st = { 2001, 9, 0, 9, 1, 46, 40, 123 }, back;
    FILETIME ft, ft2, now;
    ULONGLONG v;

    ok(SystemTimeToFileTime(&st, &ft), "SystemTimeToFileTime");
    printf("2001-09-09 01:46:40.123 = %llu\n", ft64(ft));
    printf("unix seconds: %llu\n", (ft64(ft) - 116444736000000000ULL) / 10000000);
    ok(FileTimeToSystemTime(&ft, &back), "FileTimeToSystemTime");
    printf("back: %04d-%02d-%02d %02d:%02d:%02d.%03d weekday %d\n", back.wYear, back.wMonth,
           back.wDay, back.wHour, back.wMinute, back.wSecond, back.wMilliseconds, back.wDayOfWeek);

    v = 0;
    ft.dwLowDateTime = 0;
    ft.dwHighDateTime = 0;
    FileTimeToSystemTime(&ft, &back);
    printf("zero: %04d-%02d-%02d weekday %d\n", back.wYear, back.wMonth, back.wDay, back.wDayOfWeek);

    st.wMonth = 13;
    SetLastError(0xdeadbeef);
    ok(!SystemTimeToFileTime(&st, &ft2), "month 13 accepted");
    printf("month 13 error: %lu\n", GetLastError());

    ft.dwLowDateTime = 1;
    ft2.dwLowDateTime = 2;
    ft2.dwHighDateTime = 0;
    printf("CompareFileTime: %ld %ld %ld\n", CompareFileTime(&ft, &ft2), CompareFileTime(&ft2, &ft),
           CompareFileTime(&ft, &ft));

    GetSystemTimeAsFileTime(&now);
    v = ft64(now);
    ok(v > 132223104000000000ULL, "system time before 2020: %llu", v);
    GetSystemTimeAsFileTime(&now);
    ok(ft64(now) >= v, "system time went backwards");
    GetSystemTime(&back);
    ok(back.wYear >= 2020 && back.wMonth >= 1 && back.wMonth <= 12, "GetSystemTime year %d", back.wYear);

    /* A file's three times agree whichever function reads them. */
    {
        WIN32_FIND_DATAA fd;
        BY_HANDLE_FILE_INFORMATION bh;
        FILETIME c, a, w;
        HANDLE h = CreateFileA("times.txt", GENERIC_WRITE, 0, NULL, CREATE_ALWAYS, 0, NULL);
        HANDLE f;
        DWORD n;
        WriteFile(h, "x", 1, &n, NULL);
        GetFileTime(h, &c, &a, &w);
        GetFileInformationByHandle(h, &bh);
        CloseHandle(h);
        f = FindFirstFileA("times.txt", &fd);
        ok(f != INVALID_HANDLE_VALUE, "FindFirstFile of times.txt");
        FindClose(f);
        ok(!CompareFileTime(&c, &fd.ftCreationTime) && !CompareFileTime(&c, &bh.ftCreationTime),
           "creation times differ: GetFileTime %llu, FindFirstFile %llu, by handle %llu",
           ft64(c), ft64(fd.ftCreationTime), ft64(bh.ftCreationTime));
        ok(!CompareFileTime(&w, &fd.ftLastWriteTime) && !CompareFileTime(&w, &bh.ftLastWriteTime),
           "write times differ");
        ok(CompareFileTime(&c, &w) <= 0, "created after its last write");
        DeleteFileA("times.txt");
    }
    return test_summary();
}
