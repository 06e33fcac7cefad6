#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

int main(void)
{
    wchar_t w[32];
    size_t n = mbstowcs(w, "ascii text", 32);
    printf("mbstowcs %zu wcslen %zu\n", n, wcslen(w));
    char back[32];
    printf("wcstombs %zu %s\n", wcstombs(back, L"wide", sizeof back), back);
    wchar_t buf[64];
    swprintf(buf, 64, L"%d-%ls-%s", 5, L"w", "n");
    printf("swprintf %ls\n", buf);
    printf("wcscmp %d wcschr %ls\n", wcscmp(L"a", L"b") < 0, wcschr(L"hello", L'l'));
    printf("wcstol %ld\n", wcstol(L"  123xyz", NULL, 10));
    printf("sizeof wchar_t %zu\n", sizeof(wchar_t));
    setlocale(LC_CTYPE, "C.UTF-8");
    const char *utf8 = "h\xc3\xa9llo \xe2\x82\xac";
    printf("mbstowcs utf8 %zu\n", mbstowcs(w, utf8, 32));
    printf("first wide %x %x\n", (unsigned)w[1], (unsigned)w[6]);
    mbstate_t st;
    memset(&st, 0, sizeof st);
    printf("mbrlen %zu\n", mbrlen("\xe2\x82\xac", 3, &st));
    char mb[8];
    printf("wctomb %d\n", wctomb(mb, 0x20ac));
    printf("wcwidth %d\n", wcwidth(L'a'));
    return 0;
}
