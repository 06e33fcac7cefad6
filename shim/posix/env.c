/* The environment. The program's environ (a copy relocation of musl's)
 * and glibc's are the same array; a program that assigns its environ is
 * followed before each call here, and glibc's changes are copied back. */
#include <stdlib.h>
#include <time.h>
#include "musl.sym.h"
#include "px_surface.h"

extern char **environ;

static char ***guest_environ(void)
{
    static char ***p;
    if (!p)
        p = px_guest_data("environ");
    return p;
}

static void before(void)
{
    char ***g = guest_environ();
    if (g != &environ && *g != environ)
        environ = *g;
}

static void after(void)
{
    char ***g = guest_environ();
    if (g != &environ)
        *g = environ;
}

char *px_getenv(const char *name)
{
    before();
    return getenv(name);
}

int px_setenv(const char *name, const char *value, int overwrite)
{
    before();
    int r = setenv(name, value, overwrite);
    after();
    return r;
}

int px_unsetenv(const char *name)
{
    before();
    int r = unsetenv(name);
    after();
    return r;
}

int px_putenv(char *string)
{
    before();
    int r = putenv(string);
    after();
    return r;
}

int px_clearenv(void)
{
    before();
    int r = clearenv();
    after();
    return r;
}

/* tzset sets glibc's timezone, daylight and tzname; the program's copies
 * of them follow. */
void px_tzset(void)
{
    before();
    tzset();
    long *tz = px_guest_data("timezone");
    int *dl = px_guest_data("daylight");
    char **names = px_guest_data("tzname");
    if (tz != &timezone)
        *tz = timezone;
    if (dl != &daylight)
        *dl = daylight;
    if (names != tzname) {
        names[0] = tzname[0];
        names[1] = tzname[1];
    }
}
