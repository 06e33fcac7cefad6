/* strftime and wcsftime in the "C" locale. msvcrt knows the C89
 * conversions (and '#' to drop leading zeros); the UCRT adds C99's. */
#include <stdlib.h>
#include <string.h>
#include "libc_private.h"
#include "lv/wstr.h"
#include "msvcrt.spec.h"
#include "ucrtbase.spec.h"

static const char *const g_days[] = { "Sunday", "Monday", "Tuesday", "Wednesday",
                                      "Thursday", "Friday", "Saturday" };
static const char *const g_months[] = { "January", "February", "March", "April",
                                        "May", "June", "July", "August",
                                        "September", "October", "November", "December" };

struct libc_out {
    char *buf;
    size_t size, len;
    bool full;
};

static void libc_puts(struct libc_out *o, const char *s, size_t n)
{
    if (o->len + n >= o->size) {
        o->full = true;
        return;
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
}

static void libc_putnum(struct libc_out *o, long v, int width, bool pad)
{
    char tmp[24];
    int n = 0;
    bool neg = v < 0;
    unsigned long u = neg ? -(unsigned long)v : (unsigned long)v;

    do
        tmp[n++] = '0' + u % 10;
    while (u /= 10);
    while (pad && n < width)
        tmp[n++] = '0';
    if (neg)
        tmp[n++] = '-';
    for (int i = 0; i < n / 2; i++) {
        char t = tmp[i];
        tmp[i] = tmp[n - 1 - i];
        tmp[n - 1 - i] = t;
    }
    libc_puts(o, tmp, n);
}

static int libc_weeks_in(long y)
{
    long p = (y + y / 4 - y / 100 + y / 400) % 7;
    long q = ((y - 1) + (y - 1) / 4 - (y - 1) / 100 + (y - 1) / 400) % 7;

    return p == 4 || q == 3 ? 53 : 52;
}

static int libc_iso_week(const struct msvcrt_tm *tm, long *year)
{
    int w = (tm->tm_yday - (tm->tm_wday + 6) % 7 + 10) / 7;

    *year = tm->tm_year + 1900L;
    if (w < 1) {
        (*year)--;
        return libc_weeks_in(*year);
    }
    if (w > libc_weeks_in(*year)) {
        (*year)++;
        return 1;
    }
    return w;
}

static bool libc_format(struct libc_out *o, const char *f, const struct msvcrt_tm *tm,
                        bool ucrt);

static bool libc_conv(struct libc_out *o, char c, bool alt, const struct msvcrt_tm *tm,
                      bool ucrt)
{
    bool pad = !alt;
    long year, iso;

    switch (c) {
    case 'a':
        libc_puts(o, g_days[tm->tm_wday], 3);
        return true;
    case 'A':
        libc_puts(o, g_days[tm->tm_wday], strlen(g_days[tm->tm_wday]));
        return true;
    case 'b':
        libc_puts(o, g_months[tm->tm_mon], 3);
        return true;
    case 'B':
        libc_puts(o, g_months[tm->tm_mon], strlen(g_months[tm->tm_mon]));
        return true;
    case 'c':
        return libc_format(o, alt ? "%A, %B %d, %Y %H:%M:%S" : "%m/%d/%y %H:%M:%S", tm, ucrt);
    case 'x':
        return libc_format(o, alt ? "%A, %B %d, %Y" : "%m/%d/%y", tm, ucrt);
    case 'X':
        return libc_format(o, "%H:%M:%S", tm, ucrt);
    case 'd':
        libc_putnum(o, tm->tm_mday, 2, pad);
        return true;
    case 'H':
        libc_putnum(o, tm->tm_hour, 2, pad);
        return true;
    case 'I':
        libc_putnum(o, tm->tm_hour % 12 ? tm->tm_hour % 12 : 12, 2, pad);
        return true;
    case 'j':
        libc_putnum(o, tm->tm_yday + 1, 3, pad);
        return true;
    case 'm':
        libc_putnum(o, tm->tm_mon + 1, 2, pad);
        return true;
    case 'M':
        libc_putnum(o, tm->tm_min, 2, pad);
        return true;
    case 'p':
        libc_puts(o, tm->tm_hour < 12 ? "AM" : "PM", 2);
        return true;
    case 'S':
        libc_putnum(o, tm->tm_sec, 2, pad);
        return true;
    case 'U':
        libc_putnum(o, (tm->tm_yday + 7 - tm->tm_wday) / 7, 2, pad);
        return true;
    case 'W':
        libc_putnum(o, (tm->tm_yday + 7 - (tm->tm_wday + 6) % 7) / 7, 2, pad);
        return true;
    case 'w':
        libc_putnum(o, tm->tm_wday, 1, pad);
        return true;
    case 'y':
        libc_putnum(o, ((tm->tm_year % 100) + 100) % 100, 2, pad);
        return true;
    case 'Y':
        libc_putnum(o, tm->tm_year + 1900L, 4, false);
        return true;
    case 'Z':
        libc_puts(o, msvcrt__tzname[tm->tm_isdst > 0],
                  strlen(msvcrt__tzname[tm->tm_isdst > 0]));
        return true;
    case 'z':
        if (!ucrt)
            return libc_conv(o, 'Z', alt, tm, ucrt);
        {
            long west = msvcrt__timezone - (tm->tm_isdst > 0 ? 3600 : 0);
            libc_puts(o, west > 0 ? "-" : "+", 1);
            west = labs(west);
            libc_putnum(o, west / 3600 * 100 + west / 60 % 60, 4, true);
        }
        return true;
    case '%':
        libc_puts(o, "%", 1);
        return true;
    }
    if (!ucrt)
        return false;
    switch (c) {
    case 'C':
        libc_putnum(o, (tm->tm_year + 1900L) / 100, 2, pad);
        return true;
    case 'D':
        return libc_format(o, "%m/%d/%y", tm, ucrt);
    case 'e':
        if (tm->tm_mday < 10 && !alt)
            libc_puts(o, " ", 1);
        libc_putnum(o, tm->tm_mday, 1, false);
        return true;
    case 'F':
        return libc_format(o, "%Y-%m-%d", tm, ucrt);
    case 'g':
        libc_iso_week(tm, &iso);
        libc_putnum(o, (iso % 100 + 100) % 100, 2, pad);
        return true;
    case 'G':
        libc_iso_week(tm, &iso);
        libc_putnum(o, iso, 4, false);
        return true;
    case 'h':
        return libc_conv(o, 'b', alt, tm, ucrt);
    case 'n':
        libc_puts(o, "\n", 1);
        return true;
    case 'r':
        return libc_format(o, "%I:%M:%S %p", tm, ucrt);
    case 'R':
        return libc_format(o, "%H:%M", tm, ucrt);
    case 't':
        libc_puts(o, "\t", 1);
        return true;
    case 'T':
        return libc_format(o, "%H:%M:%S", tm, ucrt);
    case 'u':
        libc_putnum(o, tm->tm_wday ? tm->tm_wday : 7, 1, false);
        return true;
    case 'V':
        libc_putnum(o, libc_iso_week(tm, &year), 2, pad);
        return true;
    }
    return false;
}

static bool libc_format(struct libc_out *o, const char *f, const struct msvcrt_tm *tm,
                        bool ucrt)
{
    for (; *f && !o->full; f++) {
        bool alt = false;

        if (*f != '%') {
            libc_puts(o, f, 1);
            continue;
        }
        if (*++f == '#') {
            alt = true;
            f++;
        }
        if (ucrt && (*f == 'E' || *f == 'O'))
            f++;
        if (!libc_conv(o, *f, alt, tm, ucrt))
            return false;
    }
    return true;
}

/* false (and errno) on an invalid argument or when the result does not
 * fit; buf then holds an empty string. */
static bool libc_strftime_to(char *buf, size_t size, const char *format,
                             const struct msvcrt_tm *tm, bool ucrt, size_t *len)
{
    struct libc_out o = { buf, size, 0, false };
    int err = 0;

    *len = 0;
    if (!buf || !size || !format || !tm || !libc_tm_valid(tm) ||
        tm->tm_year < -1900 || tm->tm_year > 8099)
        err = MSVCRT_EINVAL;
    else if (!libc_format(&o, format, tm, ucrt))
        err = MSVCRT_EINVAL;
    else if (o.full)
        err = MSVCRT_ERANGE;
    if (err) {
        if (buf && size)
            *buf = 0;
        msvcrt_set_errno(err);
        return false;
    }
    buf[o.len] = 0;
    *len = o.len;
    return true;
}

static size_t libc_strftime(char *buf, size_t size, const char *format,
                            const struct msvcrt_tm *tm, bool ucrt)
{
    size_t len;

    libc_strftime_to(buf, size, format, tm, ucrt, &len);
    return len;
}

/* The wide forms run the narrow engine over the UTF-8 of the format. */
static size_t libc_wcsftime(WCHAR *buf, size_t size, const WCHAR *format,
                            const struct msvcrt_tm *tm, bool ucrt)
{
    char *f = NULL, *out = NULL;
    size_t len = 0, units = 0;

    if (!buf || !size || !format) {
        if (buf && size)
            *buf = 0;
        msvcrt_set_errno(MSVCRT_EINVAL);
        return 0;
    }
    *buf = 0;
    f = wstr_to_utf8(format);
    out = malloc(size * 3 + 1);
    if (!f || !out)
        msvcrt_set_errno(MSVCRT_ENOMEM);
    else if (libc_strftime_to(out, size * 3 + 1, f, tm, ucrt, &len)) {
        units = utf8_to_utf16(out, len + 1, NULL, 0, NULL);
        if (units <= size)
            utf8_to_utf16(out, len + 1, buf, size, NULL);
        else
            msvcrt_set_errno(MSVCRT_ERANGE);
    }
    free(f);
    free(out);
    return units && units <= size ? units - 1 : 0;
}

CDECL size_t msvcrt_strftime(char *buf, size_t size, const char *format,
                             const struct msvcrt_tm *tm)
{
    return libc_strftime(buf, size, format, tm, false);
}

CDECL size_t msvcrt_wcsftime(WCHAR *buf, size_t size, const WCHAR *format,
                             const struct msvcrt_tm *tm)
{
    return libc_wcsftime(buf, size, format, tm, false);
}

CDECL size_t ucrt_strftime(char *buf, size_t size, const char *format,
                           const struct msvcrt_tm *tm)
{
    return libc_strftime(buf, size, format, tm, true);
}

CDECL size_t ucrt_wcsftime(WCHAR *buf, size_t size, const WCHAR *format,
                           const struct msvcrt_tm *tm)
{
    return libc_wcsftime(buf, size, format, tm, true);
}
