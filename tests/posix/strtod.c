#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

static void d(const char *s)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    printf("strtod(\"%s\") = %.17g, rest \"%s\", errno %d\n", s, v, end, errno);
}

static void l(const char *s, int base)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, base);
    printf("strtol(\"%s\", %d) = %ld, rest \"%s\", errno %d\n", s, base, v, end, errno);
}

int main(void)
{
    d("3.14159");
    d("  -2.5e10xyz");
    d("0x1.8p3");
    d("1e400");
    d("1e-400");
    d("inf");
    d("-Infinity");
    d("nan");
    d(".5");
    d("abc");
    /* Not "4.9406564584124654e-324": musl's ERANGE for subnormals is
       its algorithm's (a documented divergence of lvrun). */
    d("1e-320");
    d("2.2250738585072011e-308");
    d("0.1000000000000000055511151231257827");
    l("123", 10);
    l("-0x1f", 16);
    l("0x1f", 0);
    l("0777", 0);
    l("zz", 36);
    l("99999999999999999999", 10);
    l("  +42abc", 10);
    l("xyz", 10);
    printf("strtoul(\"-1\") = %lu\n", strtoul("-1", NULL, 10));
    printf("atoi(\"  12x\") = %d, atof(\"1.5\") = %g\n", atoi("  12x"), atof("1.5"));
    printf("strtof(\"1.1\") = %.9g\n", strtof("1.1", NULL));
    printf("strtold(\"1.1\") = %.21Lg\n", strtold("1.1", NULL));
    return 0;
}
