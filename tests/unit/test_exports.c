/* The export tables generated from the declaration files: sorted, unique,
 * every forward resolving to an export of a builtin, API sets mapped. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "lv/builtin.h"

static const char *const dlls[] = {
    "kernel32", "ntdll", "msvcrt", "ucrtbase", "shell32", "user32", "advapi32", "oleaut32",
    "version",
};

static void test_sorted_unique(void **state)
{
    (void)state;
    for (size_t d = 0; d < sizeof dlls / sizeof *dlls; d++) {
        const struct lv_builtin_dll *dll = builtin_find(dlls[d]);
        assert_non_null(dll);
        for (unsigned i = 1; i < dll->count; i++)
            if (strcmp(dll->exports[i - 1].name, dll->exports[i].name) >= 0)
                fail_msg("%s: %s before %s", dll->name, dll->exports[i - 1].name,
                         dll->exports[i].name);
        for (unsigned i = 0; i < dll->count; i++)
            for (unsigned j = i + 1; j < dll->count; j++)
                if (dll->exports[i].ordinal == dll->exports[j].ordinal)
                    fail_msg("%s: ordinal %u twice", dll->name, dll->exports[i].ordinal);
    }
}

static void test_lookup(void **state)
{
    (void)state;
    const struct lv_builtin_dll *k = builtin_find("KERNEL32.DLL");
    assert_non_null(k);
    const struct lv_export *e = builtin_export_by_name(k, "CreateFileW");
    assert_non_null(e);
    assert_int_equal(e->kind, LV_EXPORT_FUNC);
    assert_non_null(e->addr);
    assert_string_equal(e->ret, "HANDLE");
    assert_ptr_equal(builtin_export_by_ordinal(k, e->ordinal), e);
    assert_null(builtin_export_by_name(k, "NoSuchFunction"));
    assert_null(builtin_export_by_name(k, "createfilew"));
}

static void test_forwards_resolve(void **state)
{
    (void)state;
    for (size_t d = 0; d < sizeof dlls / sizeof *dlls; d++) {
        const struct lv_builtin_dll *dll = builtin_find(dlls[d]);
        for (unsigned i = 0; i < dll->count; i++) {
            const struct lv_export *e = &dll->exports[i];
            if (e->kind == LV_EXPORT_FUNC || e->kind == LV_EXPORT_DATA)
                assert_non_null(e->addr);
            if (e->kind != LV_EXPORT_FORWARD)
                continue;
            char target[128];
            strncpy(target, e->target, sizeof target - 1);
            target[sizeof target - 1] = 0;
            char *dot = strrchr(target, '.');
            assert_non_null(dot);
            *dot = 0;
            const struct lv_builtin_dll *to = builtin_find(target);
            if (!to || !builtin_export_by_name(to, dot + 1))
                fail_msg("%s!%s forwards to %s, which no builtin exports", dll->name,
                         e->name, e->target);
        }
    }
}

static void test_names(void **state)
{
    (void)state;
    assert_ptr_equal(builtin_find("api-ms-win-crt-runtime-l1-1-0.dll"), builtin_find("ucrtbase"));
    assert_ptr_equal(builtin_find("api-ms-win-core-synch-l1-2-0.dll"), builtin_find("kernel32"));
    assert_ptr_equal(builtin_find("C:\\windows\\system32\\KERNEL32.dll"), builtin_find("kernel32"));
    assert_ptr_equal(builtin_find("kernelbase.dll"), builtin_find("kernel32"));
    assert_null(builtin_find("kernel32.exe"));
    assert_null(builtin_find("libstdc++-6.dll"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sorted_unique),
        cmocka_unit_test(test_lookup),
        cmocka_unit_test(test_forwards_resolve),
        cmocka_unit_test(test_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
