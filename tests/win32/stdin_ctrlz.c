/* In text mode a Ctrl-Z byte in piped stdin ends the input. */
#include "test.h"

int main(void)
{
    char line[64];
    int n = 0;

    while (fgets(line, sizeof(line), stdin)) {
        n++;
        printf("[%.*s]\n", (int)strcspn(line, "\n"), line);
    }
    printf("lines %d eof %d\n", n, feof(stdin) != 0);
    return test_summary();
}
