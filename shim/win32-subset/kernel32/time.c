/* Clocks and calendar time. FILETIME counts 100 ns since 1601 (UTC). */
#include <errno.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "kernel32.spec.h"
#include "lv/w32error.h"

void WINAPI GetSystemTimeAsFileTime(FILETIME *ft)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    *ft = filetime_from_timespec(ts);
}

void WINAPI GetSystemTimePreciseAsFileTime(FILETIME *ft)
{
    GetSystemTimeAsFileTime(ft);
}

static const int month_days[2][12] = {
    { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 },
    { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 },
};

static int is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Days since 1601-01-01 of a date in the proleptic Gregorian calendar. */
static int64_t days_from_civil(int y, int m, int d)
{
    int64_t days = 0;
    int64_t yy = y - 1601;
    days = yy * 365 + yy / 4 - yy / 100 + yy / 400;
    for (int i = 0; i < m - 1; i++)
        days += month_days[is_leap(y)][i];
    return days + d - 1;
}

BOOL WINAPI FileTimeToSystemTime(const FILETIME *ft, SYSTEMTIME *st)
{
    uint64_t t = filetime_to_u64(ft);
    if (t >> 63) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    st->wMilliseconds = (WORD)((t / 10000) % 1000);
    uint64_t secs = t / 10000000;
    st->wSecond = (WORD)(secs % 60);
    st->wMinute = (WORD)((secs / 60) % 60);
    st->wHour = (WORD)((secs / 3600) % 24);
    int64_t days = (int64_t)(secs / 86400);
    st->wDayOfWeek = (WORD)((days + 1) % 7); /* 1601-01-01 was a Monday */
    /* 400-year cycles of 146097 days make the year arithmetic exact. */
    int64_t cycles = days / 146097;
    days %= 146097;
    int y = 1601 + (int)cycles * 400;
    for (;;) {
        int len = is_leap(y) ? 366 : 365;
        if (days < len)
            break;
        days -= len;
        y++;
    }
    int m = 0;
    while (days >= month_days[is_leap(y)][m])
        days -= month_days[is_leap(y)][m++];
    st->wYear = (WORD)y;
    st->wMonth = (WORD)(m + 1);
    st->wDay = (WORD)(days + 1);
    return TRUE;
}

BOOL WINAPI SystemTimeToFileTime(const SYSTEMTIME *st, FILETIME *ft)
{
    if (st->wYear < 1601 || st->wYear > 30827 || st->wMonth < 1 || st->wMonth > 12 ||
        st->wDay < 1 || st->wDay > month_days[is_leap(st->wYear)][st->wMonth - 1] ||
        st->wHour > 23 || st->wMinute > 59 || st->wSecond > 59 ||
        st->wMilliseconds > 999) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    int64_t days = days_from_civil(st->wYear, st->wMonth, st->wDay);
    uint64_t secs = (uint64_t)days * 86400 + st->wHour * 3600 + st->wMinute * 60 + st->wSecond;
    *ft = filetime_from_u64(secs * 10000000 + st->wMilliseconds * 10000ull);
    return TRUE;
}

void WINAPI GetSystemTime(SYSTEMTIME *st)
{
    FILETIME ft;
    GetSystemTimeAsFileTime(&ft);
    FileTimeToSystemTime(&ft, st);
}

/* The host's local time zone offset at the given UTC time, in seconds. */
static long local_offset(time_t t)
{
    struct tm tm;
    localtime_r(&t, &tm);
    return tm.tm_gmtoff;
}

BOOL WINAPI FileTimeToLocalFileTime(const FILETIME *utc, FILETIME *local)
{
    struct timespec ts = filetime_to_timespec(utc);
    *local = filetime_from_u64(filetime_to_u64(utc) + (int64_t)local_offset(ts.tv_sec) * 10000000);
    return TRUE;
}

BOOL WINAPI LocalFileTimeToFileTime(const FILETIME *local, FILETIME *utc)
{
    struct timespec ts = filetime_to_timespec(local);
    *utc = filetime_from_u64(filetime_to_u64(local) - (int64_t)local_offset(ts.tv_sec) * 10000000);
    return TRUE;
}

void WINAPI GetLocalTime(SYSTEMTIME *st)
{
    FILETIME ft, local;
    GetSystemTimeAsFileTime(&ft);
    FileTimeToLocalFileTime(&ft, &local);
    FileTimeToSystemTime(&local, st);
}

LONG WINAPI CompareFileTime(const FILETIME *a, const FILETIME *b)
{
    uint64_t x = filetime_to_u64(a), y = filetime_to_u64(b);
    return x < y ? -1 : x > y;
}

/* QueryPerformanceCounter ticks at 10 MHz, as on current Windows. */
BOOL WINAPI QueryPerformanceCounter(LARGE_INTEGER *count)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    count->QuadPart = (LONGLONG)ts.tv_sec * 10000000 + ts.tv_nsec / 100;
    return TRUE;
}

BOOL WINAPI QueryPerformanceFrequency(LARGE_INTEGER *freq)
{
    freq->QuadPart = 10000000;
    return TRUE;
}

ULONGLONG WINAPI GetTickCount64(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (ULONGLONG)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

DWORD WINAPI GetTickCount(void)
{
    return (DWORD)GetTickCount64();
}

void WINAPI Sleep(DWORD ms)
{
    if (ms == 0xffffffffu) {
        for (;;)
            pause();
    }
    struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000 };
    while (nanosleep(&ts, &ts) && errno == EINTR)
        ;
}

DWORD WINAPI SleepEx(DWORD ms, BOOL alertable)
{
    (void)alertable;
    Sleep(ms);
    return 0;
}

typedef struct {
    LONG Bias;
    WCHAR StandardName[32];
    SYSTEMTIME StandardDate;
    LONG StandardBias;
    WCHAR DaylightName[32];
    SYSTEMTIME DaylightDate;
    LONG DaylightBias;
} TIME_ZONE_INFORMATION;

/* The host zone's current offset; no daylight transition rules. */
DWORD WINAPI GetTimeZoneInformation(void *out)
{
    TIME_ZONE_INFORMATION *tzi = out;
    memset(tzi, 0, sizeof *tzi);
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    tzi->Bias = -(LONG)(tm.tm_gmtoff / 60);
    const char *name = tm.tm_zone ? tm.tm_zone : "UTC";
    for (int i = 0; i < 31 && name[i]; i++)
        tzi->StandardName[i] = tzi->DaylightName[i] = (WCHAR)name[i];
    return 0; /* TIME_ZONE_ID_UNKNOWN */
}

/* MS-DOS dates: 7 bits of years since 1980, 4 of month, 5 of day; times
 * in 2-second steps. Both are local times, as FAT stores them. */
BOOL WINAPI FileTimeToDosDateTime(const FILETIME *ft, WORD *date, WORD *time_)
{
    SYSTEMTIME st;
    if (!FileTimeToSystemTime(ft, &st))
        return FALSE;
    if (st.wYear < 1980 || st.wYear > 2107) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    *date = (WORD)(((st.wYear - 1980) << 9) | (st.wMonth << 5) | st.wDay);
    *time_ = (WORD)((st.wHour << 11) | (st.wMinute << 5) | (st.wSecond / 2));
    return TRUE;
}

BOOL WINAPI DosDateTimeToFileTime(WORD date, WORD time_, FILETIME *ft)
{
    SYSTEMTIME st = {
        .wYear = (WORD)(1980 + (date >> 9)),
        .wMonth = (WORD)((date >> 5) & 15),
        .wDay = (WORD)(date & 31),
        .wHour = (WORD)(time_ >> 11),
        .wMinute = (WORD)((time_ >> 5) & 63),
        .wSecond = (WORD)((time_ & 31) * 2),
    };
    return SystemTimeToFileTime(&st, ft);
}
