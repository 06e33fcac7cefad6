#include <fenv.h>
#include <math.h>
#include <stdio.h>

int main(void)
{
    double x = 0.7;
    printf("%.17g %.17g %.17g\n", sin(x), cos(x), tan(x));
    printf("%.17g %.17g %.17g\n", exp(x), log(x), log10(x));
    printf("%.17g %.17g %.17g\n", pow(2, 0.5), sqrt(2), cbrt(27));
    printf("%.17g %.17g\n", atan2(1, -1), hypot(3, 4));
    printf("%g %g %g %g %g\n", floor(-1.5), ceil(-1.5), round(2.5), trunc(-2.7), rint(2.5));
    printf("%g %g %g\n", fmod(7.5, 2), remainder(7.5, 2), copysign(3, -0.0));
    int e;
    double m = frexp(48, &e);
    printf("frexp %g %d ldexp %g\n", m, e, ldexp(m, e));
    double ip, fp = modf(3.25, &ip);
    printf("modf %g %g\n", ip, fp);
    printf("isnan %d isinf %d isfinite %d signbit %d\n", isnan(NAN), isinf(-INFINITY),
           isfinite(1.0), signbit(-0.0) != 0);
    printf("fpclassify %d %d %d %d %d\n", fpclassify(0.0), fpclassify(1.0), fpclassify(INFINITY),
           fpclassify(NAN), fpclassify(1e-310));
    printf("nextafter %.17g\n", nextafter(1, 2));
    printf("lgamma %.10g signgam %d tgamma %.10g\n", lgamma(-0.5), signgam, tgamma(5));
    printf("erf %.10g expm1 %.10g log1p %.10g\n", erf(0.5), expm1(1e-10), log1p(1e-10));
    printf("float %.9g %.9g long double %.20Lg\n", sinf(1.0f), powf(2, 10), sqrtl(2));
    printf("lround %ld llrint %lld\n", lround(-2.5), llrint(3.5));
    feclearexcept(FE_ALL_EXCEPT);
    volatile double z = 0;
    volatile double r = 1 / z;
    printf("divbyzero raised %d (%g)\n", fetestexcept(FE_DIVBYZERO) != 0, r);
    fesetround(FE_DOWNWARD);
    printf("rounding down: %g\n", rint(2.7));
    fesetround(FE_TONEAREST);
    return 0;
}
