/* <time.h>: time_t is 64 bits; the _32 forms take a 32-bit one and the
 * _64 forms accept dates up to the end of year 3000, as Windows does. */
#include <time.h>
#include <sys/time.h>
#include "libc_private.h"
#include "msvcrt.spec.h"
#include "ucrtbase.spec.h"

static __thread struct msvcrt_tm t_tm;
static __thread char t_asctime[26];
static __thread WCHAR t_wasctime[26];

static struct timespec g_start;

__attribute__((constructor)) static void libc_clock_init(void)
{
    clock_gettime(CLOCK_MONOTONIC, &g_start);
}

CDECL MSVCRT_time_t msvcrt__time64(MSVCRT_time_t *out)
{
    MSVCRT_time_t t = time(NULL);

    if (out)
        *out = t;
    return t;
}

CDECL int32_t msvcrt__time32(int32_t *out)
{
    int32_t t = (int32_t)time(NULL);

    if (out)
        *out = t;
    return t;
}

CDECL double msvcrt__difftime64(MSVCRT_time_t a, MSVCRT_time_t b)
{
    return (double)(a - b);
}

CDECL double msvcrt__difftime32(int32_t a, int32_t b)
{
    return (double)a - (double)b;
}

CDECL LONG msvcrt_clock(void)
{
    struct timespec now;

    clock_gettime(CLOCK_MONOTONIC, &now);
    return (LONG)((now.tv_sec - g_start.tv_sec) * 1000 +
                  (now.tv_nsec - g_start.tv_nsec) / 1000000);
}

static int libc_gmtime_s(struct msvcrt_tm *tm, MSVCRT_time_t t, MSVCRT_time_t max)
{
    if (!tm) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    if (t < 0 || t > max) {
        *tm = (struct msvcrt_tm){ -1, -1, -1, -1, -1, -1, -1, -1, -1 };
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    libc_gmtime(t, tm);
    return 0;
}

static int libc_localtime_s(struct msvcrt_tm *tm, MSVCRT_time_t t, MSVCRT_time_t max)
{
    if (!tm) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    if (t < 0 || t > max || libc_localtime(t, tm)) {
        *tm = (struct msvcrt_tm){ -1, -1, -1, -1, -1, -1, -1, -1, -1 };
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    return 0;
}

CDECL int msvcrt__gmtime64_s(struct msvcrt_tm *tm, const MSVCRT_time_t *t)
{
    if (!t) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    return libc_gmtime_s(tm, *t, LIBC_TIME64_MAX);
}

CDECL int msvcrt__gmtime32_s(struct msvcrt_tm *tm, const int32_t *t)
{
    if (!t) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    return libc_gmtime_s(tm, *t, LIBC_TIME32_MAX);
}

CDECL struct msvcrt_tm *msvcrt__gmtime64(const MSVCRT_time_t *t)
{
    return msvcrt__gmtime64_s(&t_tm, t) ? NULL : &t_tm;
}

CDECL struct msvcrt_tm *msvcrt__gmtime32(const int32_t *t)
{
    return msvcrt__gmtime32_s(&t_tm, t) ? NULL : &t_tm;
}

CDECL int msvcrt__localtime64_s(struct msvcrt_tm *tm, const MSVCRT_time_t *t)
{
    if (!t) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    return libc_localtime_s(tm, *t, LIBC_TIME64_MAX);
}

CDECL int msvcrt__localtime32_s(struct msvcrt_tm *tm, const int32_t *t)
{
    if (!t) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    return libc_localtime_s(tm, *t, LIBC_TIME32_MAX);
}

CDECL struct msvcrt_tm *msvcrt__localtime64(const MSVCRT_time_t *t)
{
    return msvcrt__localtime64_s(&t_tm, t) ? NULL : &t_tm;
}

CDECL struct msvcrt_tm *msvcrt__localtime32(const int32_t *t)
{
    return msvcrt__localtime32_s(&t_tm, t) ? NULL : &t_tm;
}

static MSVCRT_time_t libc_mkgmtime(struct msvcrt_tm *tm, MSVCRT_time_t max)
{
    MSVCRT_time_t t;

    if (!tm) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    t = libc_timegm(tm);
    if (t < 0 || t > max)
        return -1;
    libc_gmtime(t, tm);
    return t;
}

CDECL MSVCRT_time_t msvcrt__mkgmtime64(struct msvcrt_tm *tm)
{
    return libc_mkgmtime(tm, LIBC_TIME64_MAX);
}

CDECL int32_t msvcrt__mkgmtime32(struct msvcrt_tm *tm)
{
    return (int32_t)libc_mkgmtime(tm, LIBC_TIME32_MAX);
}

CDECL MSVCRT_time_t msvcrt__mktime64(struct msvcrt_tm *tm)
{
    if (!tm) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    return libc_mktime(tm, LIBC_TIME64_MAX);
}

CDECL int32_t msvcrt__mktime32(struct msvcrt_tm *tm)
{
    if (!tm) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    return (int32_t)libc_mktime(tm, LIBC_TIME32_MAX);
}

CDECL int msvcrt_asctime_s(char *out, size_t size, const struct msvcrt_tm *tm)
{
    if (!out || size < 26 || !tm || !libc_tm_valid(tm)) {
        if (out && size)
            *out = 0;
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    libc_format_asctime(tm, out);
    return 0;
}

CDECL char *msvcrt_asctime(const struct msvcrt_tm *tm)
{
    return msvcrt_asctime_s(t_asctime, sizeof t_asctime, tm) ? NULL : t_asctime;
}

CDECL WCHAR *msvcrt__wasctime(const struct msvcrt_tm *tm)
{
    char *s = msvcrt_asctime(tm);

    if (!s)
        return NULL;
    for (size_t i = 0; i < sizeof t_wasctime; i++)
        if (!(t_wasctime[i] = (unsigned char)s[i]))
            break;
    return t_wasctime;
}

CDECL char *msvcrt__ctime64(const MSVCRT_time_t *t)
{
    struct msvcrt_tm tm;

    if (msvcrt__localtime64_s(&tm, t))
        return NULL;
    return msvcrt_asctime(&tm);
}

CDECL char *msvcrt__ctime32(const int32_t *t)
{
    struct msvcrt_tm tm;

    if (msvcrt__localtime32_s(&tm, t))
        return NULL;
    return msvcrt_asctime(&tm);
}

CDECL WCHAR *msvcrt__wctime64(const MSVCRT_time_t *t)
{
    struct msvcrt_tm tm;

    if (msvcrt__localtime64_s(&tm, t))
        return NULL;
    return msvcrt__wasctime(&tm);
}

CDECL WCHAR *msvcrt__wctime32(const int32_t *t)
{
    struct msvcrt_tm tm;

    if (msvcrt__localtime32_s(&tm, t))
        return NULL;
    return msvcrt__wasctime(&tm);
}

static void libc_ftime(MSVCRT_time_t *t, unsigned short *ms, short *tz, short *dst)
{
    struct timeval tv;
    struct tm h;
    time_t now;

    gettimeofday(&tv, NULL);
    now = tv.tv_sec;
    localtime_r(&now, &h);
    *t = tv.tv_sec;
    *ms = (unsigned short)(tv.tv_usec / 1000);
    *tz = (short)(timezone / 60);
    *dst = h.tm_isdst > 0;
}

CDECL void msvcrt__ftime64(struct libc_timeb64 *tb)
{
    libc_ftime(&tb->time, &tb->millitm, &tb->timezone, &tb->dstflag);
}

CDECL int msvcrt__ftime64_s(struct libc_timeb64 *tb)
{
    if (!tb) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    msvcrt__ftime64(tb);
    return 0;
}

CDECL void msvcrt__ftime32(struct libc_timeb32 *tb)
{
    MSVCRT_time_t t;

    libc_ftime(&t, &tb->millitm, &tb->timezone, &tb->dstflag);
    tb->time = (int32_t)t;
}

CDECL int msvcrt__ftime32_s(struct libc_timeb32 *tb)
{
    if (!tb) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    msvcrt__ftime32(tb);
    return 0;
}
