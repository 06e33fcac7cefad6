/* UTF-8 <-> UTF-16 conversions and the Win32 code-page functions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "kernel32.spec.h"
#include "lv/teb.h"
#include "lv/winerror.h"
#include "lv/wstr.h"

#define CP_UTF8 65001
#define MB_ERR_INVALID_CHARS 8

static int setup(void **state)
{
    (void)state;
    teb_init_process();
    return 0;
}

static void test_round_trip(void **state)
{
    (void)state;
    const char *s = "A é 中文 😀 end";
    WCHAR *w = utf8_to_wstr(s);
    /* U+1F600 is a surrogate pair. */
    static const WCHAR expect[] = u"A é 中文 😀 end";
    assert_memory_equal(w, expect, sizeof expect);
    assert_int_equal(wstr_len(w), 13);
    char *back = wstr_to_utf8(w);
    assert_string_equal(back, s);
    free(w);
    free(back);
}

static void test_invalid(void **state)
{
    (void)state;
    int bad = 0;
    WCHAR out[8];
    /* An overlong "/" and a lone continuation byte become U+FFFD. */
    size_t n = utf8_to_utf16("\xc0\xaf\x80x", 4, out, 8, &bad);
    assert_int_equal(bad, 3);
    assert_int_equal(n, 4);
    assert_int_equal(out[0], 0xfffd);
    assert_int_equal(out[3], 'x');
    /* A lone high surrogate encodes as U+FFFD. */
    static const WCHAR lone[] = { 0xd800, 'a', 0 };
    char u[16];
    bad = 0;
    n = utf16_to_utf8(lone, 3, u, sizeof u, &bad);
    assert_int_equal(bad, 1);
    assert_memory_equal(u, "\xef\xbf\xbd" "a", 5);
}

static void test_multibyte_to_widechar(void **state)
{
    (void)state;
    WCHAR w[16];
    assert_int_equal(MultiByteToWideChar(CP_UTF8, 0, "h\xc3\xa9", -1, NULL, 0), 3);
    assert_int_equal(MultiByteToWideChar(CP_UTF8, 0, "h\xc3\xa9", -1, w, 16), 3);
    assert_int_equal(w[1], 0xe9);
    assert_int_equal(w[2], 0);
    SetLastError(0xdeadbeef);
    assert_int_equal(MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, "\xff", 1, w, 16), 0);
    assert_int_equal(GetLastError(), ERROR_NO_UNICODE_TRANSLATION);
    SetLastError(0xdeadbeef);
    assert_int_equal(MultiByteToWideChar(CP_UTF8, 0, "abcdef", 6, w, 3), 0);
    assert_int_equal(GetLastError(), ERROR_INSUFFICIENT_BUFFER);
    /* CP_ACP is UTF-8 in lvrun. */
    assert_int_equal(GetACP(), CP_UTF8);
    assert_int_equal(MultiByteToWideChar(0, 0, "\xe4\xb8\xad", 3, w, 16), 1);
    assert_int_equal(w[0], 0x4e2d);
}

static void test_widechar_to_multibyte(void **state)
{
    (void)state;
    char a[16];
    static const WCHAR s[] = { 0x4e2d, 0xd83d, 0xde00, 0 };
    assert_int_equal(WideCharToMultiByte(CP_UTF8, 0, s, -1, NULL, 0, NULL, NULL), 8);
    assert_int_equal(WideCharToMultiByte(CP_UTF8, 0, s, -1, a, 16, NULL, NULL), 8);
    assert_memory_equal(a, "\xe4\xb8\xad\xf0\x9f\x98\x80", 8);
    BOOL used = 0;
    SetLastError(0xdeadbeef);
    /* UTF-8 takes no default character. */
    assert_int_equal(WideCharToMultiByte(CP_UTF8, 0, s, -1, a, 16, "?", &used), 0);
    assert_int_equal(GetLastError(), ERROR_INVALID_PARAMETER);
    /* Latin-1 replaces what it cannot hold. */
    assert_int_equal(WideCharToMultiByte(28591, 0, s, 1, a, 16, NULL, &used), 1);
    assert_int_equal(a[0], '?');
    assert_true(used);
}

static void test_case(void **state)
{
    (void)state;
    assert_int_equal(wstr_icmp(u"ÉCOLE", u"école"), 0);
    assert_int_equal(wstr_icmp(u"Straße", u"STRASSE") != 0, 1);
    assert_int_equal(wchar_upper(u'я'), u'Я');
    assert_int_equal(wchar_lower(u'Ω'), u'ω');
    assert_true(wstr_icmp(u"a", u"B") < 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_round_trip),
        cmocka_unit_test(test_invalid),
        cmocka_unit_test(test_multibyte_to_widechar),
        cmocka_unit_test(test_widechar_to_multibyte),
        cmocka_unit_test(test_case),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
