/* atexit and _onexit handlers run in reverse order of registration, after
 * main returns, and output they print is still flushed. */
#include <stdio.h>
#include <stdlib.h>

static void first(void) { printf("first registered, runs last\n"); }
static void second(void) { printf("second\n"); }
static int on_exit_handler(void) { printf("_onexit handler\n"); return 0; }

static void late(void)
{
    /* No newline: exit must flush the partial line. */
    printf("last registered, runs first: ");
}

int main(void)
{
    atexit(first);
    atexit(second);
    _onexit(on_exit_handler);
    atexit(late);
    printf("main done\n");
    return 0;
}
