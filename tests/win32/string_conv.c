/* Number <-> string conversions: strtol/strtoul/strtod (with end pointers
 * and errno on overflow), _strtoi64/_strtoui64, atoi/atol/atof/_atoi64,
 * _itoa/_ltoa/_ultoa/_i64toa/_ui64toa in several radixes. */
#include <errno.h>
#include <stdlib.h>
#include "test.h"

static void tol(const char *s, int base)
{
    char *end;
    long v;

    errno = 0;
    v = strtol(s, &end, base);
    printf("strtol(\"%s\", %d) = %ld, used %d, errno %d\n", s, base, v, (int)(end - s), errno);
}

static void tod(const char *s)
{
    char *end;
    double v;

    errno = 0;
    v = strtod(s, &end);
    printf("strtod(\"%s\") = %.10g, used %d, errno %d\n", s, v, (int)(end - s), errno);
}

int main(void)
{
    char buf[80], *end;
    unsigned long ul;

    tol("  -123abc", 10);
    tol("0x1F", 16);
    tol("0x1F", 0);
    tol("017", 0);
    tol("z", 36);
    tol("2147483648", 10);
    tol("-2147483649", 10);
    tol("junk", 10);
    tol("+42", 10);
    errno = 0;
    ul = strtoul("4294967295", &end, 10);
    printf("strtoul max = %lu errno %d\n", ul, errno);
    ul = strtoul("-1", &end, 10);
    printf("strtoul(-1) = %lu\n", ul);
    tod("3.5e2xyz");
    tod("  -0.125");
    tod(".5");
    tod("1e400");
    tod("abc");
#ifdef _UCRT
    tod("0x10"); /* hexadecimal floats are new in ucrt */
#endif
    printf("_strtoi64: %lld %lld\n", _strtoi64("-9223372036854775808", NULL, 10),
           _strtoi64("7fffffffffffffff", NULL, 16));
    printf("_strtoui64: %llu\n", _strtoui64("18446744073709551615", NULL, 10));
    printf("atoi: %d %d %d %d\n", atoi("  12ab"), atoi("-7"), atoi("x"), atoi("+3"));
    printf("atol: %ld _atoi64: %lld\n", atol("100000"), _atoi64("-123456789012345"));
    printf("atof: %g %g\n", atof("2.5e-3"), atof("  -8"));

    printf("_itoa: %s", _itoa(-255, buf, 10));
    printf(" %s", _itoa(255, buf, 16));
    printf(" %s", _itoa(5, buf, 2));
    printf(" %s", _itoa(-1, buf, 16));
    printf(" %s\n", _itoa(35, buf, 36));
    printf("_ltoa: %s", _ltoa(-2147483647L - 1, buf, 10));
    printf(" _ultoa: %s", _ultoa(4294967295UL, buf, 8));
    printf(" _i64toa: %s", _i64toa(-1234567890123LL, buf, 10));
    printf(" _ui64toa: %s\n", _ui64toa(0xFFFFFFFFFFFFFFFFULL, buf, 16));
    return test_summary();
}
