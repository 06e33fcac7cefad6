/* Bounded formatting: _snprintf returns -1 and does not terminate on
 * truncation; _scprintf counts; sprintf_s and _snprintf_s. */
#include <stdarg.h>
#include "test.h"

#pragma GCC diagnostic ignored "-Wformat-truncation"

static int vcount(const char *fmt, ...)
{
    va_list ap;
    int n;

    va_start(ap, fmt);
    n = _vscprintf(fmt, ap);
    va_end(ap);
    return n;
}

int main(void)
{
    char buf[16];
    int n;

    memset(buf, 'X', sizeof(buf));
    n = _snprintf(buf, 4, "%s", "abcdef");
    printf("_snprintf trunc: %d [%.6s]\n", n, buf);
    memset(buf, 'X', sizeof(buf));
    n = _snprintf(buf, 6, "%s", "abcdef");
    printf("_snprintf exact: %d [%.7s]\n", n, buf);
    n = _snprintf(buf, 16, "%d-%d", 12, 34);
    printf("_snprintf fits: %d [%s]\n", n, buf);
    printf("_scprintf: %d %d\n", _scprintf("%s=%d", "key", 1000), _scprintf("%s", ""));
    printf("_vscprintf: %d\n", vcount("%5d|%s", 1, "xyz"));
    n = sprintf_s(buf, sizeof(buf), "%s:%03d", "id", 7);
    printf("sprintf_s: %d [%s]\n", n, buf);
    n = _snprintf_s(buf, sizeof(buf), _TRUNCATE, "%s", "0123456789abcdefghij");
    printf("_snprintf_s truncate: %d [%s]\n", n, buf);
    n = sprintf(buf, "%s", "");
    ok(n == 0 && buf[0] == 0, "empty sprintf");
    return test_summary();
}
