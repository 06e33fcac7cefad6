/* The CRT's command-line split (__argc/__argv and main's argv), including
 * spaces, quotes, backslashes and empty arguments. */
#include <stdlib.h>
#include "test.h"

int main(int argc, char **argv)
{
    int i;

    ok(argc == __argc, "argc %d vs __argc %d", argc, __argc);
    ok(argv[argc] == NULL, "argv not NULL-terminated");
    for (i = 1; i < argc; i++) {
        ok(!strcmp(argv[i], __argv[i]), "argv[%d] differs from __argv", i);
        printf("%d: [%s]\n", i, argv[i]);
    }
    return test_summary();
}
