/* Processes named in shared memory (named objects, the share table) by id
 * and start time: a process that ended is gone even when another one has
 * since been given its id. */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>
#include "lv/teb.h"

static void test_self(void **state)
{
    (void)state;
    assert_int_equal(lv_process_id(), getpid());
    assert_true(lv_process_start_self() != 0);
    assert_true(lv_process_alive(getpid(), lv_process_start_self()));
}

static void test_child(void **state)
{
    (void)state;
    pid_t child = fork();
    assert_true(child >= 0);
    if (child == 0) {
        pause();
        _exit(0);
    }
    uint64_t start = lv_process_start(child);
    assert_true(start != 0);
    assert_true(lv_process_alive(child, start));
    /* Another process under the same id: what a reused id looks like. */
    assert_false(lv_process_alive(child, start + 1));
    kill(child, SIGKILL);
    waitpid(child, NULL, 0);
    assert_false(lv_process_alive(child, start));
    assert_int_equal(lv_process_start(child), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_self),
        cmocka_unit_test(test_child),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
