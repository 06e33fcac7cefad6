/* <math.h> results printed to 6 decimals (exactly representable or well
 * conditioned inputs, so every correct libm agrees), and classification
 * with _isnan/_finite/_fpclass. */
#include <float.h>
#include <math.h>
#include <stdlib.h>
#include "test.h"

int main(void)
{
    volatile double zero = 0.0;
    double ip, fr;
    int e;

    printf("sqrt %.6f %.6f\n", sqrt(2.0), sqrt(144.0));
    printf("pow %.6f %.6f %.6f %g\n", pow(2.0, 10.0), pow(2.0, -2.0), pow(9.0, 0.5), pow(10.0, 20.0));
    printf("sin %.6f cos %.6f tan %.6f\n", sin(1.0), cos(1.0), tan(0.5));
    printf("asin %.6f acos %.6f atan %.6f atan2 %.6f\n", asin(0.5), acos(0.5), atan(1.0),
           atan2(-1.0, -1.0));
    printf("exp %.6f log %.6f log10 %.6f\n", exp(1.0), log(10.0), log10(12345.0));
    printf("sinh %.6f cosh %.6f tanh %.6f\n", sinh(1.0), cosh(1.0), tanh(0.5));
    printf("floor %g %g ceil %g %g\n", floor(2.7), floor(-2.3), ceil(2.1), ceil(-2.9));
    printf("fabs %g fmod %g %g\n", fabs(-3.5), fmod(7.5, 2.0), fmod(-7.5, 2.0));
    fr = modf(-3.25, &ip);
    printf("modf %g %g\n", ip, fr);
    fr = frexp(48.0, &e);
    printf("frexp %g %d ldexp %g\n", fr, e, ldexp(0.75, 4));
    printf("hypot %g\n", _hypot(3.0, 4.0));
    printf("_isnan %d %d _finite %d %d %d\n", _isnan(zero / zero), _isnan(1.0),
           _finite(1.0), _finite(1.0 / zero), _finite(zero / zero));
    printf("_fpclass %#x %#x %#x %#x\n", _fpclass(1.0), _fpclass(-0.0), _fpclass(-1.0 / zero),
           _fpclass(DBL_MIN / 4));
    printf("DBL_EPSILON %g DBL_MAX %g\n", DBL_EPSILON, DBL_MAX);
    printf("abs %d labs %ld\n", abs(-5), labs(-7L));
    return test_summary();
}
