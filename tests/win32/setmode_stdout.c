/* stdout is in text mode (LF becomes CRLF) until _setmode makes it binary;
 * _setmode returns the previous mode. */
#include <fcntl.h>
#include <io.h>
#include "test.h"

int main(void)
{
    int old;

    printf("text line\n");
    fflush(stdout);
    old = _setmode(_fileno(stdout), _O_BINARY);
    printf("binary line, previous mode text: %d\n", old == _O_TEXT);
    fflush(stdout);
    old = _setmode(_fileno(stdout), _O_TEXT);
    printf("text again, previous mode binary: %d\n", old == _O_BINARY);
    _write(1, "raw write\n", 10);
    return test_summary();
}
