/* Infinities and NaNs: msvcrt writes 1.#INF / 1.#QNAN / -1.#IND, ucrt inf /
 * nan / -nan(ind): each flavour has its own expected output. */
#include <math.h>
#include "test.h"

int main(void)
{
    volatile double zero = 0.0;
    double inf = 1.0 / zero, ind = zero / zero, qnan = NAN;

    printf("[%f] [%f] [%e] [%E] [%g] [%G]\n", inf, -inf, inf, inf, inf, -inf);
    printf("[%f] [%e] [%g]\n", ind, ind, ind);
    printf("[%f] [%e] [%g] [%f]\n", qnan, qnan, qnan, -qnan);
    printf("[%12f] [%+f]\n", inf, inf);
    return test_summary();
}
