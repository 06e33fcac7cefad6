/* Built with clang -fms-extensions: filters, __except targets, __finally
 * blocks run on the way out of an exception, nested scopes, and a filter
 * that declines. Only calls are covered by a __try (clang's SEH is not
 * asynchronous), so the faults happen in called functions. */
#include <stdio.h>
#include <windows.h>

static __attribute__((noinline)) void fault(volatile int *p)
{
    *p = 1;
}

static __attribute__((noinline)) int do_div(int a, volatile int b)
{
    return a / b;
}

static DWORD g_code;

static int filter(DWORD code, int decision)
{
    g_code = code;
    printf("filter: %08lx -> %d\n", code, decision);
    return decision;
}

static __attribute__((noinline)) void inner(volatile int *p)
{
    __try {
        fault(p);
    } __finally {
        printf("finally in inner, abnormal %d\n", AbnormalTermination());
    }
}

static __attribute__((noinline)) void middle(volatile int *p)
{
    __try {
        inner(p);
    } __except (filter(GetExceptionCode(), EXCEPTION_CONTINUE_SEARCH)) {
        printf("middle: not reached\n");
    }
}

static __attribute__((noinline)) int divide(int a, int b)
{
    __try {
        return do_div(a, b);
    } __except (filter(GetExceptionCode(), GetExceptionCode() == EXCEPTION_INT_DIVIDE_BY_ZERO)) {
        return -1;
    }
}

static __attribute__((noinline)) void raise_in_finally_scope(void)
{
    __try {
        __try {
            RaiseException(0xE0000042, 0, 0, NULL);
        } __finally {
            printf("finally before except, abnormal %d\n", AbnormalTermination());
        }
    } __except (filter(GetExceptionCode(), EXCEPTION_EXECUTE_HANDLER)) {
        printf("raised: caught %08lx\n", g_code);
    }
}

static __attribute__((noinline)) void normal_finally(void)
{
    __try {
        printf("normal try\n");
    } __finally {
        printf("normal finally, abnormal %d\n", AbnormalTermination());
    }
}

int seh_try_run(void)
{
    __try {
        middle(NULL);
        printf("not reached\n");
    } __except (filter(GetExceptionCode(), EXCEPTION_EXECUTE_HANDLER)) {
        printf("main: caught %08lx\n", g_code);
    }
    printf("divide: %d\n", divide(7, 0));
    printf("divide: %d\n", divide(8, 2));
    raise_in_finally_scope();
    normal_finally();
    fflush(stdout);
    return 0;
}
