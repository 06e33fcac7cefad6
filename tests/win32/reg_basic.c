/* Registry basics on a key of the test's own (HKCU\Software\lvrun-test):
 * every value type created, read, listed and deleted; the sizes told with
 * ERROR_MORE_DATA; case-insensitive names; subkey order; error codes.
 * Values are created in name order: Windows lists them in creation order
 * and Wine 8.0 in name order, so this order reads the same on both. The A
 * data is ASCII: Wine's ANSI code page is 1252, lvrun's UTF-8. */
#include <windows.h>
#include <stdio.h>

#define TEST_KEY L"Software\\lvrun-test"

static void show(const char *what, LONG r)
{
    printf("%s: %ld\n", what, r);
}

static void dump(const BYTE *p, DWORD n)
{
    for (DWORD i = 0; i < n; i++)
        printf("%02x", p[i]);
    printf("\n");
}

static void query(HKEY k, const WCHAR *name)
{
    BYTE buf[64];
    DWORD type = 0xdead, size = sizeof buf;
    LONG r = RegQueryValueExW(k, name, NULL, &type, buf, &size);
    printf("query %ls: %ld type %lu size %lu ", name, r, type, size);
    if (r == 0)
        dump(buf, size);
    else
        printf("\n");
}

int main(void)
{
    HKEY k, k2, sub;
    DWORD disp, type, size, n;
    LONG r;
    BYTE buf[256];
    WCHAR name[64];
    char aname[64];

    RegDeleteTreeW(HKEY_CURRENT_USER, TEST_KEY);
    SetEnvironmentVariableW(L"LVTEST", L"abc");

    r = RegCreateKeyExW(HKEY_CURRENT_USER, TEST_KEY, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k, &disp);
    printf("create: %ld disp %lu\n", r, disp);
    r = RegCreateKeyExW(HKEY_CURRENT_USER, TEST_KEY, 0, NULL, 0, KEY_ALL_ACCESS, NULL, &k2, &disp);
    printf("create again: %ld disp %lu\n", r, disp);
    printf("handles differ: %d\n", k != k2);
    show("close", RegCloseKey(k2));

    show("set default", RegSetValueExW(k, NULL, 0, REG_SZ, (const BYTE *)L"def", 8));
    show("set binary", RegSetValueExW(k, L"Bin", 0, REG_BINARY, (const BYTE *)"\x01\x02\x03", 3));
    DWORD dw = 0x12345678;
    show("set dword", RegSetValueExW(k, L"Dword", 0, REG_DWORD, (const BYTE *)&dw, 4));
    show("set expand", RegSetValueExW(k, L"Exp", 0, REG_EXPAND_SZ, (const BYTE *)L"%LVTEST%\\x", 22));
    show("set multi", RegSetValueExW(k, L"Multi", 0, REG_MULTI_SZ, (const BYTE *)L"a\0bc\0", 12));
    show("set none", RegSetValueExW(k, L"None", 0, REG_NONE, NULL, 0));
    ULONGLONG qw = 0x1122334455667788ULL;
    show("set qword", RegSetValueExW(k, L"Qword", 0, REG_QWORD, (const BYTE *)&qw, 8));
    show("set sz", RegSetValueExW(k, L"Str", 0, REG_SZ, (const BYTE *)L"hello", 12));

    query(k, L"Str");
    query(k, L"STR");
    query(k, L"Exp");
    query(k, L"Multi");
    query(k, L"dword");
    query(k, L"Qword");
    query(k, L"Bin");
    query(k, L"None");
    query(k, L"");
    query(k, L"missing");

    type = 0; size = 4;
    r = RegQueryValueExW(k, L"Str", NULL, &type, buf, &size);
    printf("small buffer: %ld type %lu size %lu\n", r, type, size);
    size = 0;
    r = RegQueryValueExW(k, L"Str", NULL, NULL, NULL, &size);
    printf("size only: %ld size %lu\n", r, size);
    r = RegQueryValueExW(k, L"Str", NULL, NULL, buf, NULL);
    printf("data without size: %ld\n", r);

    show("replace with other case", RegSetValueExW(k, L"STR", 0, REG_SZ, (const BYTE *)L"world", 12));
    for (DWORD i = 0;; i++) {
        n = 64;
        size = sizeof buf;
        r = RegEnumValueW(k, i, name, &n, NULL, &type, buf, &size);
        if (r) {
            printf("enum value %lu: %ld\n", i, r);
            break;
        }
        printf("enum value %lu: '%ls' len %lu type %lu size %lu\n", i, name, n, type, size);
    }
    n = 2;
    size = sizeof buf;
    r = RegEnumValueW(k, 1, name, &n, NULL, &type, buf, &size);
    printf("enum small name: %ld\n", r);
    n = 64;
    size = 2;
    type = 0;
    r = RegEnumValueW(k, 0, name, &n, NULL, &type, buf, &size);
    printf("enum small data: %ld type %lu size %lu\n", r, type, size);

    show("sub b", RegCreateKeyW(k, L"b", &sub));
    RegCloseKey(sub);
    show("sub A", RegCreateKeyW(k, L"A", &sub));
    RegCloseKey(sub);
    show("sub c\\deep", RegCreateKeyW(k, L"c\\deep", &sub));
    RegCloseKey(sub);
    show("sub B again", RegCreateKeyExW(k, L"B", 0, NULL, 0, KEY_READ, NULL, &sub, &disp));
    printf("disp %lu\n", disp);
    RegCloseKey(sub);
    for (DWORD i = 0;; i++) {
        n = 64;
        r = RegEnumKeyExW(k, i, name, &n, NULL, NULL, NULL, NULL);
        if (r) {
            printf("enum key %lu: %ld\n", i, r);
            break;
        }
        printf("enum key %lu: '%ls' len %lu\n", i, name, n);
    }
    n = 1;
    r = RegEnumKeyExW(k, 0, name, &n, NULL, NULL, NULL, NULL);
    printf("enum key small: %ld\n", r);
    show("enum key old", RegEnumKeyW(k, 3, name, 64));

    DWORD subkeys, maxsub, maxcls, values, maxname, maxdata;
    r = RegQueryInfoKeyW(k, NULL, NULL, NULL, &subkeys, &maxsub, &maxcls, &values, &maxname,
                         &maxdata, NULL, NULL);
    printf("info: %ld subkeys %lu maxsub %lu values %lu maxname %lu maxdata %lu\n", r,
           subkeys, maxsub, values, maxname, maxdata);

    show("open upper case", RegOpenKeyExW(HKEY_CURRENT_USER, L"SOFTWARE\\LVRUN-TEST\\C\\DEEP", 0, KEY_READ, &sub));
    RegCloseKey(sub);
    show("open trailing backslash", RegOpenKeyExW(HKEY_CURRENT_USER, L"Software\\lvrun-test\\", 0, KEY_READ, &sub));
    RegCloseKey(sub);
    show("open leading backslash", RegOpenKeyExW(HKEY_CURRENT_USER, L"\\Software\\lvrun-test", 0, KEY_READ, &sub));
    show("open missing", RegOpenKeyExW(k, L"nope", 0, KEY_READ, &sub));
    show("open bad handle", RegOpenKeyExW((HKEY)(ULONG_PTR)0x1234, L"x", 0, KEY_READ, &sub));
    show("create leading backslash", RegCreateKeyExW(k, L"\\x", 0, NULL, 0, KEY_READ, NULL, &sub, NULL));

    show("open read-only", RegOpenKeyExW(HKEY_CURRENT_USER, TEST_KEY, 0, KEY_READ, &k2));
    show("set on read-only", RegSetValueExW(k2, L"x", 0, REG_DWORD, (const BYTE *)&dw, 4));
    show("query on read-only", RegQueryValueExW(k2, L"Dword", NULL, NULL, NULL, NULL));
    printf("CloseHandle on a key: %d\n", CloseHandle(k2));
    show("close closed", RegCloseKey(k2));

    size = sizeof buf;
    r = RegGetValueW(k, NULL, L"Exp", RRF_RT_REG_SZ, &type, buf, &size);
    printf("get expanded: %ld type %lu size %lu '%ls'\n", r, type, size, (WCHAR *)buf);
    size = sizeof buf;
    r = RegGetValueW(k, NULL, L"Exp", RRF_RT_ANY | RRF_NOEXPAND, &type, buf, &size);
    printf("get noexpand: %ld type %lu size %lu '%ls'\n", r, type, size, (WCHAR *)buf);
    size = sizeof buf;
    r = RegGetValueW(k, NULL, L"Exp", RRF_RT_REG_EXPAND_SZ, &type, buf, &size);
    printf("get expand_sz without noexpand: %ld\n", r);
    size = sizeof buf;
    r = RegGetValueW(k, NULL, L"Dword", RRF_RT_REG_SZ, &type, buf, &size);
    printf("get dword as sz: %ld type %lu\n", r, type);
    size = sizeof buf;
    r = RegGetValueW(k, NULL, L"Dword", RRF_RT_DWORD, &type, buf, &size);
    printf("get dword: %ld type %lu size %lu %08lx\n", r, type, size, *(DWORD *)buf);
    size = sizeof buf;
    r = RegGetValueW(k, NULL, L"Bin", RRF_RT_DWORD, &type, buf, &size);
    printf("get 3-byte binary as dword: %ld\n", r);
    size = sizeof buf;
    r = RegGetValueW(HKEY_CURRENT_USER, TEST_KEY L"\\c", L"x", RRF_RT_ANY, &type, buf, &size);
    printf("get missing value in subkey: %ld\n", r);
    size = 2;
    r = RegGetValueW(k, NULL, L"Str", RRF_RT_REG_SZ, &type, buf, &size);
    printf("get small: %ld size %lu\n", r, size);
    size = 0;
    r = RegGetValueW(k, NULL, L"Qword", RRF_RT_QWORD, &type, NULL, &size);
    printf("get qword size: %ld type %lu size %lu\n", r, type, size);

    show("set A", RegSetValueExA(k, "Ansi", 0, REG_SZ, (const BYTE *)"plain", 6));
    size = sizeof buf;
    r = RegQueryValueExW(k, L"Ansi", NULL, &type, buf, &size);
    printf("ansi as W: %ld size %lu ", r, size);
    dump(buf, size);
    size = sizeof buf;
    r = RegQueryValueExA(k, "ANSI", NULL, &type, buf, &size);
    printf("ansi as A: %ld size %lu '%s'\n", r, size, (char *)buf);
    n = sizeof aname;
    r = RegEnumKeyExA(k, 1, aname, &n, NULL, NULL, NULL, NULL);
    printf("enum key A: %ld '%s' len %lu\n", r, aname, n);

    show("delete key with subkeys", RegDeleteKeyW(k, L"c"));
    show("delete missing key", RegDeleteKeyW(k, L"zz"));
    show("delete leaf", RegDeleteKeyW(k, L"c\\deep"));
    show("delete now empty", RegDeleteKeyW(k, L"C"));
    show("delete value", RegDeleteValueW(k, L"bin"));
    show("delete value again", RegDeleteValueW(k, L"bin"));
    show("delete default", RegDeleteValueW(k, NULL));
    query(k, L"");

    show("open b", RegOpenKeyExW(k, L"b", 0, KEY_ALL_ACCESS, &sub));
    show("delete b", RegDeleteKeyW(k, L"b"));
    show("set in deleted", RegSetValueExW(sub, L"x", 0, REG_DWORD, (const BYTE *)&dw, 4));
    show("query in deleted", RegQueryValueExW(sub, L"x", NULL, NULL, NULL, NULL));
    RegCloseKey(sub);

    show("delete tree of values", RegDeleteTreeW(k, NULL));
    r = RegQueryInfoKeyW(k, NULL, NULL, NULL, &subkeys, NULL, NULL, &values, NULL, NULL, NULL, NULL);
    printf("info after: %ld subkeys %lu values %lu\n", r, subkeys, values);
    show("close", RegCloseKey(k));
    show("close predefined", RegCloseKey(HKEY_CURRENT_USER));
    show("delete tree", RegDeleteTreeW(HKEY_CURRENT_USER, TEST_KEY));
    show("open deleted", RegOpenKeyExW(HKEY_CURRENT_USER, TEST_KEY, 0, KEY_READ, &k));
    show("delete tree missing", RegDeleteTreeW(HKEY_CURRENT_USER, TEST_KEY));
    return 0;
}
