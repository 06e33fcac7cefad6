#include <fnmatch.h>
#include <stdio.h>

int main(void)
{
    const char *cases[][2] = {
        { "*.c", "main.c" }, { "*.c", "dir/main.c" }, { "?at", "cat" }, { "[a-c]x", "bx" },
        { "[!a-c]x", "bx" }, { "*", ".hidden" }, { "\\*", "*" }, { "a*b*c", "aXXbYYc" },
    };
    for (int i = 0; i < 8; i++)
        printf("%s %s: %d %d %d\n", cases[i][0], cases[i][1], fnmatch(cases[i][0], cases[i][1], 0),
               fnmatch(cases[i][0], cases[i][1], FNM_PATHNAME),
               fnmatch(cases[i][0], cases[i][1], FNM_PERIOD));
    printf("casefold %d\n", fnmatch("HELLO", "hello", FNM_CASEFOLD));
    return 0;
}
