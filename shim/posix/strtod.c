/* musl's strtod family reports a string with no number as EINVAL.
 * (Its ERANGE for subnormal results follows its own algorithm, e.g. 0
 * for "4.9406564584124654e-324" but 34 for "5e-324"; glibc's is kept.) */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include "musl.sym.h"

double px_strtod(const char *s, char **end)
{
    char *e;
    double v = strtod(s, &e);
    if (e == s)
        errno = EINVAL;
    if (end)
        *end = e;
    return v;
}

float px_strtof(const char *s, char **end)
{
    char *e;
    float v = strtof(s, &e);
    if (e == s)
        errno = EINVAL;
    if (end)
        *end = e;
    return v;
}

long double px_strtold(const char *s, char **end)
{
    char *e;
    long double v = strtold(s, &e);
    if (e == s)
        errno = EINVAL;
    if (end)
        *end = e;
    return v;
}

/* So does its strtol family. */
#define INTEGER(name, type) \
    type px_##name(const char *s, char **end, int base) \
    { \
        char *e; \
        type v = name(s, &e, base); \
        if (e == s) \
            errno = EINVAL; \
        if (end) \
            *end = e; \
        return v; \
    }

INTEGER(strtol, long)
INTEGER(strtoul, unsigned long)
INTEGER(strtoll, long long)
INTEGER(strtoull, unsigned long long)
INTEGER(strtoimax, intmax_t)
INTEGER(strtoumax, uintmax_t)
