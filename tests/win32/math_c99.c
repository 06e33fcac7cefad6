/* The C99 functions of the UCRT's <math.h>, whose values the host's libm
 * computes (opened at the first call): each called through a volatile
 * argument, so that the compiler cannot fold it. */
#include <math.h>
#include <stdio.h>

static volatile double half = 2.5, neg = -2.5, third = 27.0, big = 1e300;
static volatile float halff = 2.5f;

int main(void)
{
    printf("cbrt %.17g\n", cbrt(third));
    printf("round %.17g %.17g\n", round(half), round(neg));
    printf("roundf %.9g\n", (double)roundf(halff));
    printf("trunc %.17g %.17g\n", trunc(half), trunc(neg));
    printf("nearbyint %.17g %.17g\n", nearbyint(half), nearbyint(neg));
    printf("fmax %.17g fmin %.17g\n", fmax(half, neg), fmin(half, neg));
    printf("fma %.17g\n", fma(half, third, neg));
    printf("exp2 %.17g log2 %.17g\n", exp2(half), log2(third));
    printf("expm1 %.17g log1p %.17g\n", expm1(half), log1p(half));
    printf("erf %.17g erfc %.17g\n", erf(half), erfc(half));
    printf("tgamma %.17g lgamma %.17g\n", tgamma(half), lgamma(half));
    printf("remainder %.17g fdim %.17g\n", remainder(third, half), fdim(third, half));
    printf("acosh %.17g asinh %.17g atanh %.17g\n", acosh(half), asinh(half), atanh(half / 4));
    /* Bessel functions: implementations differ in the last bits. */
    printf("_jn %.12g _yn %.12g\n", _jn(2, half), _yn(2, half));
    printf("sin %.17g pow %.17g\n", sin(half), pow(big, half));
    return 0;
}
