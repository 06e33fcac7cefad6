/* Floating-point conversions of printf. msvcrt writes three exponent digits,
 * ucrt two: each flavour has its own expected output. Values are chosen so
 * that msvcrt's 17-significant-digit conversion and ucrt's exact one agree,
 * and no value is an exact rounding tie (the two CRTs round ties apart). */
#include "test.h"

int main(void)
{
    double v[] = { 0.0, 1.0, -1.5, 3.14159265358979, 1e-5, 123456.789, 1e21, 2.5e-300 };
    int i;

    for (i = 0; i < (int)(sizeof(v) / sizeof(v[0])); i++)
        printf("%f|%e|%E|%g|%G|%.3f|%.0e|%.10g\n", v[i], v[i], v[i], v[i], v[i],
               v[i], v[i], v[i]);
    printf("[%10.2f] [%-10.2f] [%+.1f] [% .1f] [%010.3f] [%#.0f] [%#g] [%#.0e]\n",
           3.14159, 3.14159, 2.0, 2.0, -3.5, 3.0, 1.0, 5.0);
    printf("[%.*f] [%*.*e] [%.0f] [%.0f] [%.1f]\n", 2, 1.005, 12, 2, 31415.9,
           0.51, 2.49, 0.26);
    printf("[%g] [%g] [%g] [%g] [%g]\n", 100000.0, 1000000.0, 0.0001, 0.00001, 123456789.0);
    printf("[%.17g] [%.15f]\n", 0.1, 1.0 / 3);
    printf("[%f] [%e]\n", -0.0, -0.0);
    printf("[%f]\n", 1e17);
    printf("[%.3e] [%.3E]\n", 6.02214076e23, 1.602176634e-19);
    return test_summary();
}
