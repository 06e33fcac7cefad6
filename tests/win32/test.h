/* Conformance helpers: ok() prints a line for each failed check and counts;
 * test_summary() prints the totals and returns the failure count (use it as
 * the exit code so that a failure shows in both stdout and status). */
#ifndef LVRUN_TEST_H
#define LVRUN_TEST_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int test_count, test_failures;

static const char *test_basename(const char *path)
{
    const char *p = path, *s;
    for (s = path; *s; s++)
        if (*s == '/' || *s == '\\')
            p = s + 1;
    return p;
}

static void __attribute__((format(ms_printf, 4, 5), unused))
test_ok(int cond, const char *file, int line, const char *fmt, ...)
{
    va_list ap;

    test_count++;
    if (cond)
        return;
    test_failures++;
    printf("%s:%d: Test failed: ", test_basename(file), line);
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    printf("\n");
}

#define ok(cond, ...) test_ok(!!(cond), __FILE__, __LINE__, __VA_ARGS__)

static int test_summary_(const char *file)
{
    printf("%s: %d tests executed, %d failures\n", test_basename(file),
           test_count, test_failures);
    fflush(stdout);
    return test_failures;
}

#define test_summary() test_summary_(__FILE__)

#endif
