/* MultiByteToWideChar / WideCharToMultiByte with CP_UTF8: sizes, surrogate
 * pairs, invalid input with MB_ERR_INVALID_CHARS, replacement characters,
 * and that CP_ACP round-trips ASCII (lvrun's ACP is 65001, Wine's is not,
 * so the ACP itself is not printed). */
#include <windows.h>
#include "test.h"

static void show_w(const WCHAR *w, int n)
{
    int i;

    for (i = 0; i < n; i++)
        printf(" %04x", w[i]);
    printf("\n");
}

static void show_a(const char *s, int n)
{
    int i;

    for (i = 0; i < n; i++)
        printf(" %02x", (unsigned char)s[i]);
    printf("\n");
}

int main(void)
{
    const char *utf8 = "A\xc3\xa9\xe4\xb8\xad\xf0\x9f\x98\x80";
    WCHAR w[32];
    char a[32];
    int n;

    n = MultiByteToWideChar(CP_UTF8, 0, utf8, -1, NULL, 0);
    printf("size with nul: %d\n", n);
    n = MultiByteToWideChar(CP_UTF8, 0, utf8, -1, w, 32);
    printf("utf8->utf16 %d:", n);
    show_w(w, n);
    n = WideCharToMultiByte(CP_UTF8, 0, w, -1, NULL, 0, NULL, NULL);
    printf("back size: %d\n", n);
    n = WideCharToMultiByte(CP_UTF8, 0, w, -1, a, sizeof(a), NULL, NULL);
    printf("utf16->utf8 %d:", n);
    show_a(a, n);
    ok(!strcmp(a, utf8), "round trip");

    n = MultiByteToWideChar(CP_UTF8, 0, utf8, 3, w, 32);
    printf("explicit length 3 -> %d\n", n);
    SetLastError(0xdeadbeef);
    n = MultiByteToWideChar(CP_UTF8, 0, utf8, -1, w, 2);
    printf("small buffer: %d error %lu\n", n, GetLastError());

    SetLastError(0xdeadbeef);
    n = MultiByteToWideChar(CP_UTF8, MB_ERR_INVALID_CHARS, "a\xff" "b", 3, w, 32);
    printf("invalid strict: %d error %lu\n", n, GetLastError());
    n = MultiByteToWideChar(CP_UTF8, 0, "a\xff" "b", 3, w, 32);
    printf("invalid lax %d:", n);
    show_w(w, n);
    n = MultiByteToWideChar(CP_UTF8, 0, "\xc0\xaf", 2, w, 32);
    printf("overlong %d:", n);
    show_w(w, n);

    w[0] = 'x';
    w[1] = 0xd800; /* lone high surrogate */
    w[2] = 'y';
    n = WideCharToMultiByte(CP_UTF8, 0, w, 3, a, sizeof(a), NULL, NULL);
    printf("lone surrogate %d:", n);
    show_a(a, n);

    n = MultiByteToWideChar(CP_ACP, 0, "plain ASCII", -1, w, 32);
    n = WideCharToMultiByte(CP_ACP, 0, w, n, a, sizeof(a), NULL, NULL);
    printf("ACP ASCII round trip: %d %s\n", n, a);
    printf("IsValidCodePage(65001) %d\n", IsValidCodePage(CP_UTF8));
    return test_summary();
}
