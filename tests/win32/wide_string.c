/* Wide strings are UTF-16 with a 16-bit wchar_t: wcslen, wcscpy, wcscat,
 * wcscmp, _wcsicmp, wcsncmp, wcschr, wcsstr, wcstol, wcstod, _wtoi,
 * _wcsdup, _wcslwr/_wcsupr, swprintf, and surrogate pairs counted as two. */
#include <stdlib.h>
#include <wchar.h>
#include "test.h"

static void show(const wchar_t *w)
{
    for (; *w; w++)
        printf(*w < 128 ? "%c" : "<%04x>", *w);
    printf("\n");
}

static int sign(int v)
{
    return (v > 0) - (v < 0);
}

int main(void)
{
    wchar_t buf[64], *end, *dup;
    const wchar_t *emoji = L"a\xd83d\xde00z", *num = L"6.25e1 tail";

    printf("sizeof(wchar_t) %d, L'x' size %d\n", (int)sizeof(wchar_t), (int)sizeof(L'x'));
    printf("wcslen: %d %d\n", (int)wcslen(L"hello"), (int)wcslen(emoji));
    wcscpy(buf, L"wide");
    wcscat(buf, L" string");
    show(buf);
    printf("wcscmp: %d %d %d\n", sign(wcscmp(L"abc", L"abd")), sign(wcscmp(L"\x4e2d", L"a")),
           sign(wcscmp(L"x", L"x")));
    printf("_wcsicmp: %d %d\n", sign(_wcsicmp(L"HeLLo", L"hello")), sign(_wcsicmp(L"a", L"B")));
    printf("wcsncmp: %d\n", sign(wcsncmp(L"abcX", L"abcY", 3)));
    printf("wcschr: %d wcsrchr: %d wcsstr: %d\n", (int)(wcschr(buf, L's') - buf),
           (int)(wcsrchr(buf, L'i') - buf), (int)(wcsstr(buf, L"str") - buf));
    printf("wcstol: %ld", wcstol(L"  -0x1A!", &end, 16));
    printf(" rest ");
    show(end);
    printf("wcstod: %g", wcstod(num, &end));
    printf(" used %d\n", (int)(end - num));
    printf("_wtoi: %d %d\n", _wtoi(L"123abc"), _wtoi(L"-9"));
    dup = _wcsdup(L"MiXeD");
    show(_wcslwr(dup));
    show(_wcsupr(dup));
    free(dup);
    printf("swprintf: %d ", swprintf(buf, 64, L"%d-%s", 7, L"x"));
    show(buf);
    printf("wcsspn: %d wcscspn: %d\n", (int)wcsspn(L"aab", L"a"), (int)wcscspn(L"ab,c", L","));
    printf("wmemcmp: %d\n", sign(wmemcmp(L"ab", L"ac", 2)));
    return test_summary();
}
