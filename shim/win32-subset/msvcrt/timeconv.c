/* Conversions between seconds since 1970 and broken-down time: UTC by
 * the civil calendar, local time by the host's zone rules. */
#include <time.h>
#include "libc_private.h"

static int64_t libc_days_from_civil(int64_t y, int m, int d)
{
    int64_t era;
    unsigned yoe, doy, doe;

    y -= m <= 2;
    era = (y >= 0 ? y : y - 399) / 400;
    yoe = (unsigned)(y - era * 400);
    doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

void libc_gmtime(MSVCRT_time_t t, struct msvcrt_tm *tm)
{
    int64_t days = t / 86400, secs = t % 86400, era, y;
    unsigned doe, yoe, doy, mp;

    if (secs < 0) {
        secs += 86400;
        days--;
    }
    tm->tm_hour = (int)(secs / 3600);
    tm->tm_min = (int)(secs / 60 % 60);
    tm->tm_sec = (int)(secs % 60);
    tm->tm_wday = (int)(((days + 4) % 7 + 7) % 7);
    days += 719468;
    era = (days >= 0 ? days : days - 146096) / 146097;
    doe = (unsigned)(days - era * 146097);
    yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    y = (int64_t)yoe + era * 400;
    doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    mp = (5 * doy + 2) / 153;
    tm->tm_mday = (int)(doy - (153 * mp + 2) / 5 + 1);
    tm->tm_mon = (int)(mp < 10 ? mp + 2 : mp - 10);
    y += tm->tm_mon <= 1;
    tm->tm_year = (int)(y - 1900);
    tm->tm_yday = (int)(libc_days_from_civil(y, tm->tm_mon + 1, tm->tm_mday) -
                        libc_days_from_civil(y, 1, 1));
    tm->tm_isdst = 0;
}

MSVCRT_time_t libc_timegm(struct msvcrt_tm *tm)
{
    int64_t year = (int64_t)tm->tm_year + 1900 + tm->tm_mon / 12;
    int mon = tm->tm_mon % 12;
    MSVCRT_time_t t;

    if (mon < 0) {
        mon += 12;
        year--;
    }
    t = libc_days_from_civil(year, mon + 1, 1) + tm->tm_mday - 1;
    t = t * 86400 + (int64_t)tm->tm_hour * 3600 + (int64_t)tm->tm_min * 60 + tm->tm_sec;
    return t;
}

bool libc_tm_valid(const struct msvcrt_tm *tm)
{
    return tm->tm_sec >= 0 && tm->tm_sec <= 59 && tm->tm_min >= 0 && tm->tm_min <= 59 &&
           tm->tm_hour >= 0 && tm->tm_hour <= 23 && tm->tm_mday >= 1 &&
           tm->tm_mday <= 31 && tm->tm_mon >= 0 && tm->tm_mon <= 11 &&
           tm->tm_wday >= 0 && tm->tm_wday <= 6 && tm->tm_yday >= 0 && tm->tm_yday <= 365;
}

int libc_localtime(MSVCRT_time_t t, struct msvcrt_tm *tm)
{
    time_t host = t;
    struct tm h;

    if (!localtime_r(&host, &h))
        return -1;
    *tm = (struct msvcrt_tm){ h.tm_sec, h.tm_min, h.tm_hour, h.tm_mday, h.tm_mon,
                              h.tm_year, h.tm_wday, h.tm_yday, h.tm_isdst > 0 };
    return 0;
}

MSVCRT_time_t libc_mktime(struct msvcrt_tm *tm, MSVCRT_time_t max)
{
    struct tm h = { .tm_sec = tm->tm_sec, .tm_min = tm->tm_min, .tm_hour = tm->tm_hour,
                    .tm_mday = tm->tm_mday, .tm_mon = tm->tm_mon, .tm_year = tm->tm_year,
                    .tm_isdst = tm->tm_isdst };
    time_t t = mktime(&h);

    if (t == (time_t)-1 || t < 0 || t > max)
        return -1;
    *tm = (struct msvcrt_tm){ h.tm_sec, h.tm_min, h.tm_hour, h.tm_mday, h.tm_mon,
                              h.tm_year, h.tm_wday, h.tm_yday, h.tm_isdst > 0 };
    return t;
}

void libc_format_asctime(const struct msvcrt_tm *tm, char out[26])
{
    static const char days[] = "SunMonTueWedThuFriSat";
    static const char months[] = "JanFebMarAprMayJunJulAugSepOctNovDec";
    int v[] = { tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec };
    int year = tm->tm_year + 1900;
    char *p = out;

    for (int i = 0; i < 3; i++)
        *p++ = days[tm->tm_wday * 3 + i];
    *p++ = ' ';
    for (int i = 0; i < 3; i++)
        *p++ = months[tm->tm_mon * 3 + i];
    for (int i = 0; i < 4; i++) {
        *p++ = i < 2 ? ' ' : ':';
        *p++ = '0' + v[i] / 10 % 10;
        *p++ = '0' + v[i] % 10;
    }
    *p++ = ' ';
    for (int d = 1000; d; d /= 10)
        *p++ = '0' + year / d % 10;
    *p++ = '\n';
    *p = 0;
}
