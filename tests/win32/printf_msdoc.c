/* printf behaviour documented by Microsoft where Wine 8.0 differs, so the
 * expected output was written from the documentation, not captured:
 * - "If 0 is specified for an integer format and a precision is also present,
 *   the 0 is ignored": %08.3d pads with spaces (Wine pads with zeros).
 * - ucrt's hh length converts to char: %hhd of 300 is 44 (Wine prints 300). */
#include "test.h"

#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"

int main(void)
{
    printf("[%08.3d] [%-08.3d] [%08.3x]\n", 7, 7, 0xab);
#ifdef _UCRT
    printf("[%hhd] [%hhu]\n", 300, 300);
#endif
    return test_summary();
}
