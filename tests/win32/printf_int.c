/* Integer, character and string conversions of printf, with flags and widths. */
#include "test.h"

/* The formats are deliberately Microsoft-specific or unusual. */
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-overflow"

int main(void)
{
    char buf[64];
    int n = -1;

    printf("[%d] [%i] [%u] [%x] [%X] [%o]\n", -42, 42, 3000000000u, 0xbeef, 0xbeef, 8);
    printf("[%5d] [%-5d] [%05d] [%+d] [% d] [%+5d] [%-+5d]\n", 42, 42, 42, 42, 42, -42, 42);
    printf("[%#x] [%#X] [%#o] [%#x] [%#o]\n", 255, 255, 8, 0, 0);
    printf("[%.3d] [%8.3d] [%-8.3d] [%.0d]\n", 7, 7, -7, 0);
    printf("[%*d] [%-*d] [%.*d] [%*.*d]\n", 6, 1, 6, 2, 4, 3, 7, 5, 4);
    printf("[%*d]\n", -6, 9);
    printf("[%c] [%3c] [%-3c] [%%]\n", 'a', 'b', 'c');
    printf("[%s] [%8s] [%-8s] [%.2s] [%*.*s]\n", "abc", "abc", "abc", "abc", 6, 1, "xyz");
    printf("[%s]\n", (char *)NULL);
    printf("[%I64d] [%I64u] [%I64x] [%I32d] [%lld] [%llu]\n", -1234567890123LL,
           18446744073709551615ULL, 0x123456789abcULL, -5, -9000000000LL, 9000000000ULL);
    printf("[%Id] [%Iu] [%Ix]\n", (ptrdiff_t)-3, (size_t)3, (size_t)0xfffffffffULL);
    printf("[%ld] [%lu] [%lx] [%hd] [%hu] [%hx]\n", -1L, 4294967295UL, 0xdeadbeefUL,
           (short)-2, (unsigned short)65535, (unsigned short)0xabcd);
    printf("[%p] [%p]\n", (void *)0x1234, (void *)0xfedcba9876543210ULL);
    printf("[%20p] [%-20p]\n", (void *)0xab, (void *)0xab);
    printf("[%d] [%d]\n", 2147483647, (int)-2147483648LL);

    ok(sprintf(buf, "%d%s", 12345, "ab") == 7, "sprintf count");
    ok(!strcmp(buf, "12345ab"), "got %s", buf);
#ifdef _UCRT
    _set_printf_count_output(1); /* ucrt refuses %n unless enabled */
#endif
    sprintf(buf, "abc%nde", &n);
    ok(n == 3, "%%n gave %d", n);
    ok(printf("%s", "") == 0, "empty printf");
    return test_summary();
}
