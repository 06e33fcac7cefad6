/* Standard handles when redirected to pipes: GetStdHandle, GetFileType,
 * WriteFile (no newline translation), WriteConsoleA failing with
 * ERROR_INVALID_HANDLE on a non-console handle, GetConsoleMode failing,
 * and the CRT's stdout and WriteFile sharing one stream in order. */
#include <io.h>
#include <windows.h>
#include "test.h"

int main(void)
{
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE), in = GetStdHandle(STD_INPUT_HANDLE);
    DWORD done = 0, mode;
    BOOL r;

    printf("stdout valid: %d, type pipe: %d\n", out != INVALID_HANDLE_VALUE && out != NULL,
           GetFileType(out) == FILE_TYPE_PIPE);
    printf("stdin type pipe: %d\n", GetFileType(in) == FILE_TYPE_PIPE);
    printf("_get_osfhandle(1) == STD_OUTPUT_HANDLE: %d\n", (HANDLE)_get_osfhandle(1) == out);
    fflush(stdout);

    ok(WriteFile(out, "WriteFile line\n", 15, &done, NULL), "WriteFile");
    printf("written %lu\n", done);
    fflush(stdout);

    SetLastError(0xdeadbeef);
    r = WriteConsoleA(out, "console?\n", 9, &done, NULL);
    printf("WriteConsoleA: %d error %lu\n", r, GetLastError());
    SetLastError(0xdeadbeef);
    r = GetConsoleMode(out, &mode);
    printf("GetConsoleMode: %d error %lu\n", r, GetLastError());
    fflush(stdout);

    ok(WriteFile(GetStdHandle(STD_ERROR_HANDLE), "to stderr\n", 10, &done, NULL), "stderr");
    ok(WriteFile(out, "crlf\r\n", 6, &done, NULL), "WriteFile crlf");
    return test_summary();
}
