/* The printf and scanf engines of msvcrt/ucrtbase, called as a guest
 * would: through ms_abi variadic functions. Expected strings are what
 * Windows' CRTs print (Wine 8.0 as the oracle, Microsoft's documentation
 * where Wine differs). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "format_string.h"

static char out[1200];
static WCHAR wout[256];

static int WINAPI fmt_with(unsigned flags, const char *format, ...)
{
    MSVCRT_va_list ap;
    int n;

    __builtin_ms_va_start(ap, format);
    n = fmt_string_legacy(out, sizeof out - 1, 0, format, ap, flags);
    __builtin_ms_va_end(ap);
    return n;
}

static int WINAPI wfmt_with(unsigned flags, const WCHAR *format, ...)
{
    MSVCRT_va_list ap;
    int n;

    __builtin_ms_va_start(ap, format);
    n = fmt_string_legacy(wout, 255, 1, format, ap, flags);
    __builtin_ms_va_end(ap);
    return n;
}

static int WINAPI scan_with(unsigned flags, const char *str, const char *format, ...)
{
    MSVCRT_va_list ap;
    int n;

    __builtin_ms_va_start(ap, format);
    n = fmt_string_vscanf(str, SIZE_MAX, 0, format, ap, flags);
    __builtin_ms_va_end(ap);
    return n;
}

#define MS(expect, ...) check(expect, fmt_with(FMT_MSVCRT, __VA_ARGS__))
#define UC(expect, ...) check(expect, fmt_with(FMT_UCRT, __VA_ARGS__))

static void check(const char *expect, int n)
{
    assert_string_equal(out, expect);
    assert_int_equal(n, (int)strlen(expect));
}

static void test_integers(void **state)
{
    (void)state;
    MS("[-42] [42] [3000000000] [beef] [BEEF] [10]", "[%d] [%i] [%u] [%x] [%X] [%o]", -42,
       42, 3000000000u, 0xbeef, 0xbeef, 8);
    MS("[   42] [42   ] [00042] [+42] [ 42] [  -42] [+42  ]",
       "[%5d] [%-5d] [%05d] [%+d] [% d] [%+5d] [%-+5d]", 42, 42, 42, 42, 42, -42, 42);
    MS("[0xff] [0XFF] [010] [0] [0]", "[%#x] [%#X] [%#o] [%#x] [%#o]", 255, 255, 8, 0, 0);
    MS("[007] [     007] [-007    ] []", "[%.3d] [%8.3d] [%-8.3d] [%.0d]", 7, 7, -7, 0);
    MS("[     1] [2     ] [0003] [  00004]", "[%*d] [%-*d] [%.*d] [%*.*d]", 6, 1, 6, 2, 4,
       3, 7, 5, 4);
    MS("[9     ]", "[%*d]", -6, 9);
    MS("[     007] [007     ] [     0ab]", "[%08.3d] [%-08.3d] [%08.3x]", 7, 7, 0xab);
    MS("[5] [5] [] [] [   ] []", "[%+o] [% x] [%#.0o] [%#.0x] [%#3.0x] [%.0x]", 5, 5, 0, 0,
       0, 0);
    MS("[010] [010] [  010] [0x8]", "[%#o] [%#.3o] [%#5.3o] [%#x]", 8, 8, 8, 8);
    MS("[5       ] [4  ] [7]", "[%*.*d] [%-*d] [%.*d]", -8, -2, 5, -3, 4, -1, 7);
}

static void test_sizes(void **state)
{
    (void)state;
    MS("[-1234567890123] [18446744073709551615] [123456789abc] [-5] [-9000000000]",
       "[%I64d] [%I64u] [%I64x] [%I32d] [%lld]", -1234567890123LL,
       18446744073709551615ULL, 0x123456789abcULL, -5, -9000000000LL);
    MS("[-3] [3] [fffffffff]", "[%Id] [%Iu] [%Ix]", (int64_t)-3, (uint64_t)3,
       (uint64_t)0xfffffffffULL);
    MS("[-1] [4294967295] [deadbeef] [-2] [65535] [abcd]",
       "[%ld] [%lu] [%lx] [%hd] [%hu] [%hx]", -1, 4294967295u, 0xdeadbeefu, -2, 65535,
       0xabcd);
    MS("[-7] [-9] [-8]", "[%zd] [%jd] [%td]", (int64_t)-7, (int64_t)-9, (int64_t)-8);
    MS("[300] [1ff] [4464]", "[%hhd] [%hhx] [%hd]", 300, 0x1ff, 70000);
    UC("[44] [44]", "[%hhd] [%hhu]", 300, 300);
}

static void test_pointers_and_count(void **state)
{
    int n = -1;

    (void)state;
    MS("[0000000000001234] [FEDCBA9876543210]", "[%p] [%p]", (void *)0x1234,
       (void *)0xfedcba9876543210ULL);
    MS("[    00000000000000AB] [00000000000000AB    ]", "[%20p] [%-20p]", (void *)0xab,
       (void *)0xab);
    MS("[0X00000000000000AB] [0000000000000001]", "[%#p] [%08p]", (void *)0xab, (void *)1);
    MS("abcde", "abc%nde", &n);
    assert_int_equal(n, 3);
}

static void test_strings(void **state)
{
    static const WCHAR wide[] = u"wide\u00e9";

    (void)state;
    MS("[a] [  b] [c  ] [%]", "[%c] [%3c] [%-3c] [%%]", 'a', 'b', 'c');
    MS("[abc] [     abc] [abc     ] [ab] [     x]", "[%s] [%8s] [%-8s] [%.2s] [%*.*s]",
       "abc", "abc", "abc", "abc", 6, 1, "xyz");
    MS("[(null)] [(nu] [(null)]", "[%s] [%.3s] [%ls]", NULL, NULL, NULL);
    MS("[wide\xc3\xa9] [wide\xc3\xa9] [narrow] [wi]", "[%ls] [%S] [%hs] [%.2ws]", wide, wide,
       "narrow", wide);
    MS("[\xe4\xb8\xad] [x]", "[%C] [%lc]", 0x4e2d, 'x');
}

static void test_wide(void **state)
{
    static const WCHAR expect[] = u"w|n|h|l|42|c|C";

    (void)state;
    assert_int_equal(wfmt_with(FMT_MSVCRT_WIDE, u"%s|%S|%hs|%ls|%d|%c|%C", u"w", "n", "h",
                               u"l", 42, u'c', 'C'),
                     14);
    assert_memory_equal(wout, expect, sizeof expect);
    assert_int_equal(wfmt_with(FMT_UCRT, u"%s|%ls|%S", "n", u"l", u"w"), 5);
    assert_memory_equal(wout, u"n|l|w", 12);
}

static void test_floats(void **state)
{
    (void)state;
    MS("3.141593|3.141593e+000|3.141593E+000|3.14159|3.142|3e+000|3.141592654",
       "%f|%e|%E|%g|%.3f|%.0e|%.10g", 3.14159265358979, 3.14159265358979, 3.14159265358979,
       3.14159265358979, 3.14159265358979, 3.14159265358979, 3.14159265358979);
    UC("3.141593|3.141593e+00|3.14159|1e-05", "%f|%e|%g|%g", 3.14159265358979,
       3.14159265358979, 3.14159265358979, 1e-5);
    MS("[      3.14] [3.14      ] [+2.0] [ 2.0] [-00003.500] [3.] [1.00000] [5.e+000]",
       "[%10.2f] [%-10.2f] [%+.1f] [% .1f] [%010.3f] [%#.0f] [%#g] [%#.0e]", 3.14159,
       3.14159, 2.0, 2.0, -3.5, 3.0, 1.0, 5.0);
    MS("[100000] [1e+006] [0.0001] [1e-005] [1.23457e+008]", "[%g] [%g] [%g] [%g] [%g]",
       100000.0, 1000000.0, 0.0001, 0.00001, 123456789.0);
    MS("[0.10000000000000001] [0.10000000000000000555]", "[%.17g] [%.20f]", 0.1, 0.1);
    MS("[-0.000000] [-0.000000e+000] [-0]", "[%f] [%e] [%g]", -0.0, -0.0, -0.0);
    MS("[1.000000e-310] [1e-310] [1e+015] [1e+016] [1.00000e+016] [0] [1e+002]",
       "[%e] [%g] [%g] [%g] [%#g] [%.0g] [%.1g]", 1e-310, 1e-310, 1e15, 1e16, 1e16, 0.0,
       95.0);
}

static void test_rounding(void **state)
{
    (void)state;
    /* msvcrt rounds exact ties away from zero; the UCRT to even. */
    MS("[1] [2] [3] [0.3] [1.00] [3e+000] [1.3e+000] [0.13] [-2]",
       "[%.0f] [%.0f] [%.0f] [%.1f] [%.2f] [%.0e] [%.1e] [%.2f] [%.0f]", 0.5, 1.5, 2.5,
       0.25, 1.005, 2.5, 1.25, 0.125, -1.5);
    UC("[0] [2] [2] [0.2] [1.00] [2e+00] [1.2e+00] [0.12] [-2]",
       "[%.0f] [%.0f] [%.0f] [%.1f] [%.2f] [%.0e] [%.1e] [%.2f] [%.0f]", 0.5, 1.5, 2.5,
       0.25, 1.005, 2.5, 1.25, 0.125, -1.5);
    MS("[10] [1e+001] [3e+020] [100]", "[%.0f] [%.0e] [%.0e] [%.3g]", 9.5, 9.5, 2.5e20,
       99.95);
}

static void test_specials(void **state)
{
    double inf = __builtin_inf(), qnan = __builtin_nan("");
    double ind = -__builtin_nan("");

    (void)state;
    MS("[1.#INF00] [-1.#INF00] [1.#INF00e+000] [1.#INF00E+000] [1.#INF] [-1.#INF]",
       "[%f] [%f] [%e] [%E] [%g] [%G]", inf, -inf, inf, inf, inf, -inf);
    MS("[-1.#IND00] [-1.#IND00e+000] [-1.#IND] [1.#QNAN0] [1.#QNAN]",
       "[%f] [%e] [%g] [%f] [%g]", ind, ind, ind, qnan, qnan);
    MS("[1.$] [1.#J] [1.#IO] [1] [1.#INF000000] [1.$e+000] [1.#J] [1.#INF]",
       "[%.1f] [%.2f] [%.3f] [%.0f] [%.10f] [%.1e] [%.3g] [%.0g]", inf, inf, inf, inf, inf,
       inf, inf, inf);
    MS("[1.$] [1.#R] [1.#QO] [1] [1.#QNAN00000]", "[%.1f] [%.2f] [%.3f] [%.0f] [%.10f]",
       qnan, qnan, qnan, qnan, qnan);
    MS("[    1.#INF00] [+1.#INF00] [00001.#INF00]", "[%12f] [%+f] [%012f]", inf, inf, inf);
    UC("[inf] [-inf] [INF] [-nan(ind)] [nan] [-NAN(IND)] [         inf] [     nan]",
       "[%f] [%e] [%E] [%f] [%g] [%G] [%12f] [%08g]", inf, -inf, inf, ind, qnan, ind, inf,
       qnan);
}

static void test_hex_floats(void **state)
{
    (void)state;
    UC("[0x1.0000000000000p+0] [0X1.FF00000000000P+7] [-0x1.999999999999ap-4] "
       "[0x1.00p+0] [0x0.0000000000000p+0]",
       "[%a] [%A] [%a] [%.2a] [%a]", 1.0, 255.5, -0.1, 1.0, 0.0);
    UC("[0x2p+0] [0x0.012688b70e62bp-1022] [0x1.004p+0] [0x1.0000000000000p-1]",
       "[%.0a] [%a] [%.3a] [%a]", 1.5, 1e-310, 1.0009765625, 0.5);
}

static void test_invalid(void **state)
{
    (void)state;
    MS("[y] [k5] [y] [q] [] []", "[%y] [%k%d] [%5y] [%-#+ 5.3q] [%l] [%w]", 5);
    MS("[I16d] [qd] [I] [] [x]", "[%I16d] [%qd] [%I] [%F] [x]");
    assert_int_equal(fmt_with(FMT_UCRT, "[%y]", 5), -1);
}

static void test_positional(void **state)
{
    struct {
        WORD length, max;
        const char *buffer;
    } ansi = { 3, 4, "abcd" };

    (void)state;
    assert_int_equal(fmt_with(FMT_UCRT | FMT_POSITIONAL, "%2$s %1$d %2$.1s", 5, "xy"), 6);
    assert_string_equal(out, "xy 5 x");
    MS("[abc]", "[%Z]", &ansi);
}

static void test_truncation(void **state)
{
    char buf[16];
    MSVCRT_va_list none = NULL;

    (void)state;
    memset(buf, 'X', sizeof buf);
    assert_int_equal(fmt_string_legacy(buf, 4, 0, "abcdef", none, FMT_MSVCRT), -1);
    assert_memory_equal(buf, "abcdXX", 6);
    memset(buf, 'X', sizeof buf);
    assert_int_equal(fmt_string_legacy(buf, 6, 0, "abcdef", none, FMT_MSVCRT), 6);
    assert_memory_equal(buf, "abcdefX", 7);
    assert_int_equal(fmt_string_secure_n(buf, 16, FMT_TRUNCATE, 0, "0123456789abcdefghij",
                                         none, FMT_MSVCRT),
                     -1);
    assert_string_equal(buf, "0123456789abcde");
    assert_int_equal(fmt_string_secure_n(buf, 8, 3, 0, "abcdef", none, FMT_MSVCRT), -1);
    assert_string_equal(buf, "abc");
    assert_int_equal(fmt_string_secure(buf, 4, 0, "abcdef", none, FMT_MSVCRT), -1);
    assert_string_equal(buf, "");
    assert_int_equal(fmt_string_vprintf(NULL, 0, 0, "abc", none, FMT_MSVCRT), 3);
}

static void test_scanf(void **state)
{
    int a = 0, b = 0, c = 0, n = 0;
    unsigned u = 0;
    long long ll = 0;
    double d = 0;
    float f = 0;
    char s1[32], s2[32], ch = 0;
    short sh = 0;
    WCHAR w[8];

    (void)state;
    assert_int_equal(scan_with(FMT_MSVCRT, "12 -34 0x1f", "%d %i %i", &a, &b, &c), 3);
    assert_true(a == 12 && b == -34 && c == 31);
    assert_int_equal(scan_with(FMT_MSVCRT, "017 ff 777", "%i %x %o", &a, &b, &c), 3);
    assert_true(a == 15 && b == 255 && c == 511);
    assert_int_equal(scan_with(FMT_MSVCRT, "4294967295 -9223372036854775807", "%u %I64d", &u,
                               &ll),
                     2);
    assert_true(u == 4294967295u && ll == -9223372036854775807LL);
    assert_int_equal(scan_with(FMT_MSVCRT, "3.25 -1e3 .5", "%lf %f %lf", &d, &f, &d), 3);
    assert_true(f == -1000.0f && d == 0.5);
    assert_int_equal(scan_with(FMT_MSVCRT, "abcdef", "%3s%2s", s1, s2), 2);
    assert_string_equal(s1, "abc");
    assert_string_equal(s2, "de");
    assert_int_equal(scan_with(FMT_MSVCRT, "key=value;rest", "%[^=]=%[a-z]", s1, s2), 2);
    assert_string_equal(s1, "key");
    assert_string_equal(s2, "value");
    assert_int_equal(scan_with(FMT_MSVCRT, "aabbcc", "%[ab]%n", s1, &n), 1);
    assert_int_equal(n, 4);
    assert_int_equal(scan_with(FMT_MSVCRT, "10 20 30", "%*d %d %n%d", &a, &n, &b), 2);
    assert_true(a == 20 && n == 6 && b == 30);
    assert_int_equal(scan_with(FMT_MSVCRT, "  x", "%c", &ch), 1);
    assert_int_equal(ch, ' ');
    assert_int_equal(scan_with(FMT_MSVCRT, "-5", "%hd", &sh), 1);
    assert_int_equal(sh, -5);
    assert_int_equal(scan_with(FMT_MSVCRT, "abc", "%d", &a), 0);
    assert_int_equal(scan_with(FMT_MSVCRT, "", "%d", &a), -1);
    assert_int_equal(scan_with(FMT_MSVCRT, "100%", "%d%%", &a), 1);
    assert_int_equal(scan_with(FMT_MSVCRT, "h\xc3\xa9 x", "%ls", w), 1);
    assert_memory_equal(w, u"h\u00e9", 6);
    assert_int_equal(scan_with(FMT_MSVCRT | FMT_SECURE, "toolong", "%s", s1, 4), 0);
    assert_int_equal(scan_with(FMT_MSVCRT | FMT_SECURE, "ok", "%s", s1, 4), 1);
    assert_string_equal(s1, "ok");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_integers),   cmocka_unit_test(test_sizes),
        cmocka_unit_test(test_pointers_and_count), cmocka_unit_test(test_strings),
        cmocka_unit_test(test_wide),       cmocka_unit_test(test_floats),
        cmocka_unit_test(test_rounding),   cmocka_unit_test(test_specials),
        cmocka_unit_test(test_hex_floats), cmocka_unit_test(test_invalid),
        cmocka_unit_test(test_positional),
        cmocka_unit_test(test_truncation), cmocka_unit_test(test_scanf),
    };

    return cmocka_run_group_tests(tests, NULL, NULL);
}
