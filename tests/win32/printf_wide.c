/* Wide-character conversions: %ls %S %hs %lc %C %wc %ws in printf, and the
 * wide printf family, where %s takes a wide string (Microsoft's rule). */
#include <wchar.h>
#include "test.h"

#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-extra-args"

static void dump(const wchar_t *w)
{
    for (; *w; w++)
        printf(*w < 128 ? "%c" : "<%04x>", *w);
    printf("\n");
}

int main(void)
{
    wchar_t wbuf[64];
    char buf[64];
    int n;

    printf("[%ls] [%S] [%hs] [%ws]\n", L"wide", L"wide2", "narrow", L"wide3");
    printf("[%lc] [%C] [%wc] [%hc] [%5ls] [%-5.2ls]\n", L'x', L'y', L'z', 'q', L"ab", L"abcd");

    n = _snwprintf(wbuf, 64, L"%s|%S|%hs|%ls|%d|%c|%C", L"w", "n", "h", L"l", 42, L'c', 'C');
    ok(n == 14, "_snwprintf returned %d", n);
    dump(wbuf);
    n = _snwprintf(wbuf, 4, L"%s", L"abcdef");
    ok(n == -1, "_snwprintf truncation returned %d", n);
    ok(!wcsncmp(wbuf, L"abcd", 4), "truncated text");
    n = _snwprintf(wbuf, 64, L"[%5.1f] [%x] [%08.3f]", 3.14159, 255, -1.5);
    dump(wbuf);
    n = _snwprintf(wbuf, 64, L"%s", L"\x00e9\x4e2d");
    ok(n == 2 && wbuf[0] == 0xe9 && wbuf[1] == 0x4e2d, "non-ASCII copied, n=%d", n);
    n = sprintf(buf, "%ls", L"plain");
    ok(n == 5 && !strcmp(buf, "plain"), "sprintf %%ls gave %d %s", n, buf);
    n = wprintf(L"%s and %S\n", L"wprintf", "narrow");
    ok(n == 19, "wprintf returned %d", n);
    return test_summary();
}
