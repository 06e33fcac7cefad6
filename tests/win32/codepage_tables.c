/* Windows' code pages 1252, 437, 936 and 932, named explicitly: round trips
 * of known characters, bytes Python's codecs leave out, lone lead bytes with
 * and without MB_ERR_INVALID_CHARS, unmappable characters with a default
 * character, GetCPInfo(Ex), lead bytes, CharNextExA/CharPrevExA; and GetACP
 * on a Windows set to code page 1252 (codepage_tables.lvrun-args).
 * Unmappable characters are converted with WC_NO_BEST_FIT_CHARS: without it
 * Windows may give a look-alike ("best fit") character. Written from
 * Microsoft's documentation, CPython's tests of its Windows code page codec
 * and Wine's conformance tests as run on Windows. Wine 8.0 agrees on every
 * line but the code page names of GetCPInfoExW, where it says "ANSI Latin
 * 1" and Windows "1252  (ANSI - Latin I)". */
#include <windows.h>
#include "test.h"

static void show_a(const char *s, int n)
{
    int i;

    for (i = 0; i < n; i++)
        printf(" %02x", (unsigned char)s[i]);
    printf("\n");
}

static void show_w(const WCHAR *w, int n)
{
    int i;

    for (i = 0; i < n; i++)
        printf(" %04x", w[i]);
    printf("\n");
}

static void round_trip(UINT cp, const WCHAR *w)
{
    char a[32];
    WCHAR back[32];
    int len = lstrlenW(w), n, m;

    n = WideCharToMultiByte(cp, 0, w, len, a, sizeof(a), NULL, NULL);
    printf("%u: %d bytes:", cp, n);
    show_a(a, n);
    m = MultiByteToWideChar(cp, MB_ERR_INVALID_CHARS, a, n, back, 32);
    ok(m == len && !memcmp(back, w, len * sizeof(WCHAR)), "%u: round trip gave %d", cp, m);
}

static void cp_info(UINT cp)
{
    CPINFO info;
    CPINFOEXW ex;
    char name[MAX_PATH];
    int i;

    ok(IsValidCodePage(cp), "IsValidCodePage(%u)", cp);
    ok(GetCPInfo(cp, &info), "GetCPInfo(%u)", cp);
    printf("%u: max %u default %02x %02x lead bytes", cp, info.MaxCharSize,
           info.DefaultChar[0], info.DefaultChar[1]);
    for (i = 0; i < MAX_LEADBYTES && info.LeadByte[i]; i += 2)
        printf(" %02x-%02x", info.LeadByte[i], info.LeadByte[i + 1]);
    printf("\n");
    ok(GetCPInfoExW(cp, 0, &ex), "GetCPInfoExW(%u)", cp);
    for (i = 0; ex.CodePageName[i]; i++)
        name[i] = (char)ex.CodePageName[i];
    name[i] = 0;
    printf("%u: code page %u unicode default %04x name \"%s\"\n", cp, ex.CodePage,
           ex.UnicodeDefaultChar, name);
}

static void unmappable(UINT cp, const WCHAR *w, const char *defchar)
{
    char a[32];
    BOOL used = 2;
    int n;

    n = WideCharToMultiByte(cp, WC_NO_BEST_FIT_CHARS, w, lstrlenW(w), a, sizeof(a),
                            defchar, &used);
    printf("%u unmappable, default %s: used %d, %d bytes:", cp, defchar ? defchar : "NULL",
           used, n);
    show_a(a, n);
}

static void lone_lead(UINT cp, const char *s, int len)
{
    WCHAR w[8];
    int n;

    n = MultiByteToWideChar(cp, 0, s, len, w, 8);
    printf("%u lone lead, lax %d:", cp, n);
    show_w(w, n);
    SetLastError(0xdeadbeef);
    n = MultiByteToWideChar(cp, MB_ERR_INVALID_CHARS, s, len, w, 8);
    printf("%u lone lead, strict %d error %lu\n", cp, n, GetLastError());
}

int main(void)
{
    /* 0x835c is a katakana letter whose trail byte is a backslash. */
    const char so[] = "\x83\x5c\x5c", zh[] = "\xd6\xd0";
    WCHAR w[8];
    char a[8];
    BOOL used = 2;
    int n;

    printf("GetACP %u\n", GetACP());
    printf("IsDBCSLeadByte(0x81) %d\n", IsDBCSLeadByte(0x81));

    cp_info(1252);
    cp_info(437);
    cp_info(936);
    cp_info(932);

    round_trip(1252, L"A\u00e9\u20ac\u00ff");
    round_trip(437, L"\u00e9\u03a9\u2500\u2554\u2588");
    round_trip(936, L"\u4e2d\u6587\u20ac");
    round_trip(932, L"\u65e5\u672c\u8a9e\uff71\uff9f");

    /* Undefined in Python's cp1252; Windows gives the C1 controls. */
    n = MultiByteToWideChar(1252, MB_ERR_INVALID_CHARS, "\x81\x8d\x8f\x90\x9d", 5, w, 8);
    printf("1252 C1 bytes %d:", n);
    show_w(w, n);
    n = MultiByteToWideChar(936, 0, "\x80", 1, w, 8);
    printf("936 0x80 %d:", n);
    show_w(w, n);

    /* A lead byte at the end, and before a NUL: '?' (936), or an error. */
    lone_lead(936, "\xbf\xb4\xc7", 3);
    lone_lead(936, "\xbf\xb4\xc7\0x", 5);
    SetLastError(0xdeadbeef);
    n = MultiByteToWideChar(932, MB_ERR_INVALID_CHARS, "\x81\0abc", 5, w, 8);
    printf("932 lead before NUL, strict %d error %lu\n", n, GetLastError());

    unmappable(1252, L"a\u4e2db", "*");
    unmappable(437, L"\u20ac", NULL);
    unmappable(936, L"\ud55c", NULL);
    unmappable(932, L"[\u20ac]", NULL);
    n = WideCharToMultiByte(932, 0, L"\u65e5", 1, a, sizeof(a), NULL, &used);
    printf("932 mappable: used %d, %d bytes\n", used, n);
    SetLastError(0xdeadbeef);
    n = WideCharToMultiByte(932, 0, L"a\u65e5", 2, a, 2, NULL, NULL);
    printf("932 no room for a double byte: %d error %lu\n", n, GetLastError());

    printf("lead bytes: 932 81 %d a1 %d e0 %d; 936 80 %d fe %d; 1252 81 %d\n",
           IsDBCSLeadByteEx(932, 0x81), IsDBCSLeadByteEx(932, 0xa1),
           IsDBCSLeadByteEx(932, 0xe0), IsDBCSLeadByteEx(936, 0x80),
           IsDBCSLeadByteEx(936, 0xfe), IsDBCSLeadByteEx(1252, 0x81));
    printf("CharNextExA 932 %d 936 %d 1252 %d\n", (int)(CharNextExA(932, so, 0) - so),
           (int)(CharNextExA(936, zh, 0) - zh),
           (int)(CharNextExA(1252, so, 0) - so));
    printf("CharPrevExA 932 from 2: %d, from 3: %d; 1252 from 2: %d\n",
           (int)(CharPrevExA(932, so, so + 2, 0) - so), (int)(CharPrevExA(932, so, so + 3, 0) - so),
           (int)(CharPrevExA(1252, so, so + 2, 0) - so));
    return test_summary();
}
