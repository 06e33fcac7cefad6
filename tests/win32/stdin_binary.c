/* stdin switched to binary with _setmode keeps CR bytes and reads past a
 * Ctrl-Z; getchar/ungetc on stdin. */
#include <fcntl.h>
#include <io.h>
#include "test.h"

int main(void)
{
    int c, n = 0, crs = 0, ctrlz = 0;

    printf("previous mode text: %d\n", _setmode(_fileno(stdin), _O_BINARY) == _O_TEXT);
    c = getchar();
    printf("first %c\n", c);
    ok(ungetc(c, stdin) == c, "ungetc");
    while ((c = getchar()) != EOF) {
        n++;
        crs += c == '\r';
        ctrlz += c == 0x1a;
    }
    printf("bytes %d CRs %d ctrl-z %d\n", n, crs, ctrlz);
    return test_summary();
}
