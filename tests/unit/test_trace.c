/* Trace channels, relay's type decoding and the internal-error report. */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "lv/trace.h"
#include "relay.h"

static void test_configure(void **state)
{
    (void)state;
    const char *bad = NULL;
    g_trace_mask = 0;
    assert_true(trace_configure("+relay,file", &bad));
    assert_true(TRACE_ON(relay) && TRACE_ON(file) && !TRACE_ON(heap));
    assert_true(trace_configure("-relay", &bad));
    assert_false(TRACE_ON(relay));
    assert_true(trace_configure("all,-heap", &bad));
    assert_true(TRACE_ON(seh) && TRACE_ON(prelay) && !TRACE_ON(heap));
    assert_false(trace_configure("+file,+nosuch,+heap", &bad));
    assert_int_equal(strncmp(bad, "nosuch,", 7), 0);
    assert_true(trace_configure("", &bad));
    g_trace_mask = 0;
}

static void test_kinds(void **state)
{
    (void)state;
    assert_int_equal(relay_arg_kind("const WCHAR *"), RK_WSTR);
    assert_int_equal(relay_arg_kind("const  char*"), RK_STR);
    assert_int_equal(relay_arg_kind("char *"), RK_PTR);
    assert_int_equal(relay_ret_kind("char *"), RK_STR);
    assert_int_equal(relay_arg_kind("DWORD"), RK_U32);
    assert_int_equal(relay_arg_kind("int (*)(const void *, const void *)"), RK_PTR);
    assert_int_equal(relay_arg_kind("msvcrt_lldiv_t"), RK_UNKNOWN);
    assert_null(relay_ffi_type(RK_UNKNOWN));
}

static const char *format(enum relay_kind k, uint64_t bits)
{
    static char buf[256];
    size_t len = 0;
    buf[0] = 0;
    relay_format(buf, sizeof buf, &len, k, bits);
    return buf;
}

static void test_format(void **state)
{
    (void)state;
    static const uint16_t wide[] = { 'C', ':', '\\', 'a', 0xe9, 0 };
    assert_string_equal(format(RK_STR, (uintptr_t)"a\"b\n"), "\"a\\\"b\\n\"");
    assert_string_equal(format(RK_WSTR, (uintptr_t)wide), "L\"C:\\\\a\xc3\xa9\"");
    assert_string_equal(format(RK_STR, 0), "NULL");
    assert_string_equal(format(RK_STR, 0x10), "0x10");
    assert_string_equal(format(RK_I32, 0xffffffff), "-1");
    assert_string_equal(format(RK_U32, 0x80000000), "0x80000000");
    assert_string_equal(format(RK_U32, 3), "3");
    assert_string_equal(format(RK_HEX32, 0xc0000005), "0xc0000005");
    double d = 1.5;
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    assert_string_equal(format(RK_F64, bits), "1.5");
}

static void test_internal_error(void **state)
{
    (void)state;
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    int saved = dup(2);
    dup2(fds[1], 2);
    crash_report_internal(SIGSEGV, (const void *)test_internal_error);
    dup2(saved, 2);
    close(saved);
    close(fds[1]);
    char out[1024];
    ssize_t n = read(fds[0], out, sizeof out - 1);
    close(fds[0]);
    assert_true(n > 0);
    out[n] = 0;
    assert_non_null(strstr(out, "lvrun: internal error: SIGSEGV at 0x"));
    assert_non_null(strstr(out, " in lvrun " LVRUN_VERSION "; please report this"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_configure),
        cmocka_unit_test(test_kinds),
        cmocka_unit_test(test_format),
        cmocka_unit_test(test_internal_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
