/* C99 printf features that only ucrt has (msvcrt.dll lacks z, j, t, hh, %a). */
#include <stdint.h>
#include "test.h"

#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"
#pragma GCC diagnostic ignored "-Wformat-truncation"

int main(void)
{
    char buf[8];

    printf("[%zd] [%zu] [%jd] [%td] [%lld]\n", (ptrdiff_t)-7, (size_t)7,
           (intmax_t)-9000000000LL, (ptrdiff_t)-8, 1LL << 62);
    printf("[%hhu] [%hhx] [%hu]\n", 255, 0xab, 65535);
    printf("[%a] [%A] [%a] [%.2a] [%a]\n", 1.0, 255.5, -0.1, 1.0, 0.0);
    printf("[%F] [%.20f]\n", 1.5, 1.0 / 3);
    ok(snprintf(buf, sizeof(buf), "%s", "abcdefghij") == 10, "snprintf returns the full length");
    ok(!strcmp(buf, "abcdefg"), "snprintf truncates and terminates: %s", buf);
    return test_summary();
}
