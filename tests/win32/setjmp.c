/* setjmp/longjmp: the value passed (0 becomes 1), jumping out of nested
 * calls, volatile locals keeping their values, and re-arming in a loop.
 * MinGW passes a frame to _setjmp, so the CRT's longjmp unwinds through SEH. */
#include <setjmp.h>
#include "test.h"

#pragma GCC diagnostic ignored "-Winfinite-recursion" /* longjmp ends it */

static jmp_buf env;
static int depth;

static void nested(int level, int value)
{
    depth = level;
    if (level < 5)
        nested(level + 1, value);
    else
        longjmp(env, value);
    printf("not reached\n");
}

int main(void)
{
    volatile int counter = 0;
    volatile double d = 1.5;
    int r;

    r = setjmp(env);
    printf("setjmp returned %d, counter %d, d %.1f\n", r, counter, d);
    if (r == 0) {
        counter = 10;
        d = 2.5;
        nested(1, 42);
    } else if (r == 42) {
        counter++;
        printf("back from depth %d\n", depth);
        longjmp(env, 0);
    }
    printf("final: r %d counter %d\n", r, counter);

    for (counter = 0; counter < 3; counter++) {
        if (setjmp(env) == 0)
            longjmp(env, counter + 100);
        else
            printf("loop %d\n", counter);
    }
    return test_summary();
}
