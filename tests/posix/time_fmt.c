#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(void)
{
    time_t t = 1700000000;
    struct tm tm;
    gmtime_r(&t, &tm);
    char buf[256];
    strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S %a %A %b %B %j %U %W %u %w %y %C %e %p %I", &tm);
    printf("%s\n", buf);
    strftime(buf, sizeof buf, "%c | %x | %X | %D | %T | %R | %F | %G-W%V | %s | %%", &tm);
    printf("%s\n", buf);
    printf("asctime: %s", asctime(&tm));
    struct tm in = { .tm_year = 124, .tm_mon = 1, .tm_mday = 29, .tm_hour = 12 };
    time_t back = mktime(&in);
    printf("mktime: %lld wday %d yday %d\n", (long long)back, in.tm_wday, in.tm_yday);
    localtime_r(&t, &tm);
    strftime(buf, sizeof buf, "%Z %z", &tm);
    printf("local: %d:%02d %s\n", tm.tm_hour, tm.tm_min, buf);
    in.tm_mday = 40;
    mktime(&in);
    printf("normalized: %d-%d\n", in.tm_mon + 1, in.tm_mday);
    printf("difftime: %.1f\n", difftime(back, t));
    struct timespec ts;
    printf("clock_gettime: %d\n", clock_gettime(CLOCK_MONOTONIC, &ts));
    char *end = strptime("2023-11-14 22:13:20", "%Y-%m-%d %H:%M:%S", &tm);
    printf("strptime: %d %d %d rest '%s'\n", tm.tm_year, tm.tm_mon, tm.tm_mday, end);
    return 0;
}
