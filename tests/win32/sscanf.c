/* sscanf conversions: integers, floats, strings, %[...] sets, %n, widths,
 * assignment suppression, Microsoft's %I64d, and the return counts. */
#include "test.h"

#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"

int main(void)
{
    int a = 0, b = 0, c = 0, n = 0, r;
    unsigned u = 0;
    long long ll = 0;
    double d = 0;
    float f = 0;
    char s1[32] = "", s2[32] = "", ch = 0;
    short sh = 0;

    r = sscanf("12 -34 0x1f", "%d %i %i", &a, &b, &c);
    printf("%d: %d %d %d\n", r, a, b, c);
    r = sscanf("017 ff 777", "%i %x %o", &a, &b, &c);
    printf("%d: %d %d %d\n", r, a, b, c);
    r = sscanf("4294967295 -9223372036854775807", "%u %I64d", &u, &ll);
    printf("%d: %u %I64d\n", r, u, ll);
    r = sscanf("123456789012", "%lld", &ll);
    printf("%d: %lld\n", r, ll);
    r = sscanf("3.25 -1e3 .5", "%lf %f %lf", &d, &f, &d);
    printf("%d: %g %g\n", r, f, d);
    r = sscanf("hello world", "%s %s", s1, s2);
    printf("%d: [%s] [%s]\n", r, s1, s2);
    r = sscanf("abcdef", "%3s%2s", s1, s2);
    printf("%d: [%s] [%s]\n", r, s1, s2);
    r = sscanf("key=value;rest", "%[^=]=%[a-z]", s1, s2);
    printf("%d: [%s] [%s]\n", r, s1, s2);
    r = sscanf("aabbcc", "%[ab]%n", s1, &n);
    printf("%d: [%s] %d\n", r, s1, n);
    r = sscanf("10 20 30", "%*d %d %n%d", &a, &n, &b);
    printf("%d: %d %d %d\n", r, a, n, b);
    r = sscanf("12345", "%2d%3d", &a, &b);
    printf("%d: %d %d\n", r, a, b);
    r = sscanf("  x", "%c", &ch);
    printf("%d: [%c]\n", r, ch);
    r = sscanf("  x", " %c", &ch);
    printf("%d: [%c]\n", r, ch);
    r = sscanf("-5", "%hd", &sh);
    printf("%d: %d\n", r, sh);
    r = sscanf("abc", "%d", &a);
    printf("mismatch: %d\n", r);
    r = sscanf("", "%d", &a);
    printf("empty: %d\n", r);
    r = sscanf("7 apples", "%d %5c", &a, s1);
    s1[5] = 0;
    printf("%d: %d [%s]\n", r, a, s1);
    r = sscanf("100%", "%d%%", &a);
    printf("%d: %d\n", r, a);
    return test_summary();
}
