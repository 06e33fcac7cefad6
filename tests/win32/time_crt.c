/* CRT time functions on fixed timestamps (so the output does not depend on
 * the clock or the time zone): gmtime, _mkgmtime, strftime, and
 * time() moving forward; mktime is checked against localtime, whose zone
 * is unknown. */
#include <time.h>
#include "test.h"

#pragma GCC diagnostic ignored "-Wformat" /* strftime checks lag ucrt */

static void show(time_t t)
{
    struct tm *tm = gmtime(&t);
    char buf[128];

    strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S %a %A %b %B %j %w %y %p %I %%", tm);
    printf("%lld: %s yday %d isdst %d\n", (long long)t, buf, tm->tm_yday, tm->tm_isdst);
}

int main(void)
{
    struct tm tm = { 0 }, *lt;
    time_t t, now, t2;
    char buf[64];

    show(0);
    show(1000000000);
    show(951782400); /* 2000-02-29 */
    show(2147483647);
    show(4102444800LL); /* 2100-01-01: 64-bit time_t */

    tm.tm_year = 101;
    tm.tm_mon = 8;
    tm.tm_mday = 9;
    tm.tm_hour = 1;
    tm.tm_min = 46;
    tm.tm_sec = 40;
    printf("_mkgmtime: %lld\n", (long long)_mkgmtime(&tm));
    tm.tm_mon = 13; /* normalised: 2002-02-09 */
    t = _mkgmtime(&tm);
    printf("_mkgmtime normalised: %lld -> %d-%02d-%02d\n", (long long)t, tm.tm_year + 1900,
           tm.tm_mon + 1, tm.tm_mday);

    t = 1000000000;
    strftime(buf, sizeof(buf), "%x|%X|%U|%W", gmtime(&t));
    printf("strftime: %s\n", buf);
#ifdef _UCRT
    strftime(buf, sizeof(buf), "%D|%R|%T|%e|%F|%u|%V|%G", gmtime(&t)); /* C99, ucrt only */
    printf("strftime C99: %s\n", buf);
#endif

    lt = localtime(&t);
    t2 = mktime(lt);
    ok(t2 == t, "mktime(localtime(t)) = %lld", (long long)t2);

    now = time(NULL);
    ok(now > 1577836800, "time() before 2020: %lld", (long long)now);
    ok(time(NULL) >= now, "time went backwards");
    ok(difftime(now + 10, now) == 10.0, "difftime");
    return test_summary();
}
