/* Reading a piped stdin with ReadFile on STD_INPUT_HANDLE: raw bytes (no
 * CRLF translation), partial reads until ReadFile returns 0 bytes at EOF. */
#include <windows.h>
#include "test.h"

int main(void)
{
    HANDLE in = GetStdHandle(STD_INPUT_HANDLE);
    char buf[7];
    DWORD got;
    int total = 0, lines = 0, crs = 0, calls = 0;
    unsigned sum = 0;
    BOOL r;
    DWORD i;

    while ((r = ReadFile(in, buf, sizeof(buf), &got, NULL)) && got > 0) {
        calls++;
        for (i = 0; i < got; i++) {
            sum = sum * 31 + (unsigned char)buf[i];
            lines += buf[i] == '\n';
            crs += buf[i] == '\r';
        }
        total += got;
    }
    printf("total %d lines %d CRs %d checksum %08x more than one read %d\n", total, lines, crs,
           sum, calls > 1);
    /* At the end of a pipe Windows returns FALSE with ERROR_BROKEN_PIPE and
     * Wine returns TRUE with 0 bytes: only the byte count is checked. */
    printf("end: got %lu\n", got);
    return test_summary();
}
