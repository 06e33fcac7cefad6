/* CRT behaviour where Wine 8.0 differs from Windows; the expected output
 * follows Microsoft's documentation and CRT sources, not a Wine capture:
 * - _strnset returns its argument (Wine returns the end of the set part).
 * - asctime writes the day of the month as two digits, "Sun Sep 09 ..."
 *   (documented form "Wed Jan 02 02:03:55 1980"; Wine's ucrt writes " 9"). */
#include <time.h>
#include "test.h"

int main(void)
{
    char buf[] = "abcdef";
    time_t t = 1000000000;

    printf("_strnset: %s\n", _strnset(buf, 'x', 3));
    printf("_strnset past end: %s\n", _strnset(buf, 'y', 99));
    printf("asctime: %s", asctime(gmtime(&t)));
    return test_summary();
}
