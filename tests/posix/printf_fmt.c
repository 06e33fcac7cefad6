#include <stdint.h>
#include <stdio.h>

int main(void)
{
    printf("[%d] [%5d] [%-5d] [%05d] [%+d] [% d]\n", 42, 42, 42, 42, 42, 42);
    printf("[%x] [%X] [%#x] [%o] [%#o] [%u]\n", 255, 255, 255, 8, 8, 4000000000u);
    printf("[%ld] [%lld] [%zu] [%jd] [%hhd] [%hd]\n", -1L, 1LL << 62, (size_t)123,
           (intmax_t)-5, 300, 70000);
    printf("[%f] [%.2f] [%10.3f] [%-10.1f] [%e] [%E]\n", 3.14159, 2.005, 1.0 / 3, 9.95,
           123456.789, 0.000123);
    printf("[%g] [%g] [%g] [%G] [%.3g] [%#g]\n", 100000.0, 1000000.0, 0.0001, 1e-5, 3.14159, 2.0);
    printf("[%a] [%A] [%.2a] [%a]\n", 1.0, 255.5, 3.14159, 0.1);
    printf("[%f] [%f] [%f] [%e]\n", 1.0 / 0.0, -1.0 / 0.0, 0.0 / 0.0, -0.0);
    printf("[%Lf] [%Lg] [%.20Lf]\n", 1.5L, 1e100L, 1.0L / 3);
    printf("[%s] [%10s] [%-10s] [%.3s] [%c] [%%]\n", "str", "right", "left", "truncate", 'c');
    printf("[%*d] [%-*d] [%.*f]\n", 6, 1, 6, 2, 3, 1.23456);
    char buf[8];
    int n = snprintf(buf, sizeof buf, "%s", "a longer string");
    printf("snprintf: %d [%s]\n", n, buf);
    printf("[%.0f] [%.0f] [%.0f] [%.1f]\n", 0.5, 1.5, 2.5, 0.05);
    printf("[%.15g] [%.17g] [%.3e]\n", 0.1, 0.1, 1e300 * 10);
    printf("[%n]", &n);
    printf("%d\n", n);
    printf("[%5.1s] [%ls]\n", "xyz", L"wide");
    return 0;
}
