/* The command line lvrun builds for a program, split back the way
 * Windows splits it (CommandLineToArgvW): every argument survives. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "kernel32.spec.h"
#include "shell32.spec.h"
#include "kernel32_private.h"
#include "lv/teb.h"
#include "lv/wstr.h"

static int setup(void **state)
{
    (void)state;
    teb_init_process();
    return 0;
}

static void round_trip(int argc, char **argv)
{
    char *line = process_build_command_line(argc, argv);
    WCHAR *wline = utf8_to_wstr(line);
    int n = -1;
    WCHAR **out = CommandLineToArgvW(wline, &n);
    assert_non_null(out);
    assert_int_equal(n, argc);
    for (int i = 0; i < argc; i++) {
        char *got = wstr_to_utf8(out[i]);
        if (strcmp(got, argv[i]))
            fail_msg("argument %d: \"%s\" came back as \"%s\" (line: %s)", i, argv[i], got, line);
        free(got);
    }
    LocalFree(out);
    free(wline);
    free(line);
}

static void test_plain(void **state)
{
    (void)state;
    char *argv[] = { "C:\\prog.exe", "a", "b", "c" };
    round_trip(4, argv);
}

static void test_spaces_quotes_backslashes(void **state)
{
    (void)state;
    char *argv[] = {
        "Z:\\some dir\\prog.exe", "with space", "", "quote\"inside",
        "trailing\\", "trailing two\\\\", "back\\\\\"quote", "\\\\server\\share",
        "tab\there", "\"", "\\", "a\\\\b", "end\\\"", "é中文",
    };
    round_trip(sizeof argv / sizeof *argv, argv);
}

static void test_exact_lines(void **state)
{
    (void)state;
    char *argv[] = { "p", "a b", "c\"d", "e\\" };
    char *line = process_build_command_line(4, argv);
    assert_string_equal(line, "p \"a b\" \"c\\\"d\" e\\");
    free(line);
    char *argv2[] = { "p", "x y\\" };
    line = process_build_command_line(2, argv2);
    assert_string_equal(line, "p \"x y\\\\\"");
    free(line);
}

/* Lines as Windows documents their splitting. */
static void test_windows_rules(void **state)
{
    (void)state;
    static const struct {
        const WCHAR *line;
        int argc;
        const char *args[4];
    } cases[] = {
        { u"p \"abc\" d e", 4, { "p", "abc", "d", "e" } },
        { u"p a\\\\\\b d\"e f\"g h", 4, { "p", "a\\\\\\b", "de fg", "h" } },
        { u"p a\\\\\\\"b c d", 4, { "p", "a\\\"b", "c", "d" } },
        { u"p a\\\\\\\\\"b c\" d e", 4, { "p", "a\\\\b c", "d", "e" } },
        { u"\"C:\\a b\\p.exe\" x", 2, { "C:\\a b\\p.exe", "x" } },
        { u"p \"a\"\"b\"", 2, { "p", "a\"b" } },
    };
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        int n = -1;
        WCHAR **out = CommandLineToArgvW(cases[c].line, &n);
        assert_int_equal(n, cases[c].argc);
        for (int i = 0; i < n; i++) {
            char *got = wstr_to_utf8(out[i]);
            if (strcmp(got, cases[c].args[i]))
                fail_msg("case %zu argument %d: expected \"%s\", got \"%s\"", c, i,
                         cases[c].args[i], got);
            free(got);
        }
        LocalFree(out);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain),
        cmocka_unit_test(test_spaces_quotes_backslashes),
        cmocka_unit_test(test_exact_lines),
        cmocka_unit_test(test_windows_rules),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
