/* Reading a piped stdin in text mode with fgets: CRLF becomes LF, a lone CR
 * stays, a long line comes in pieces, and the last line may lack a newline. */
#include "test.h"

int main(void)
{
    char line[16];
    int lines = 0, bytes = 0, crs = 0;
    size_t i, n;

    while (fgets(line, sizeof(line), stdin)) {
        n = strlen(line);
        bytes += (int)n;
        if (n && line[n - 1] == '\n')
            lines++;
        printf("[");
        for (i = 0; i < n; i++) {
            crs += line[i] == '\r';
            printf(line[i] >= 32 ? "%c" : "\\x%02x", line[i]);
        }
        printf("]\n");
    }
    printf("lines %d bytes %d lone CRs %d eof %d\n", lines, bytes, crs, feof(stdin) != 0);
    return test_summary();
}
