/* Resources of the program (resources.rc) and of a DLL without any:
 * FindResource by ID, name and "#ID", languages, SizeofResource and
 * LockResource, the errors for what is missing, enumeration, string
 * tables through LoadStringW/A, and the version block through
 * GetFileVersionInfo and VerQueryValue. The neutral-language answers are
 * those of an en-US user. Checked with Wine 8.0, which differs twice from
 * Microsoft's documentation followed here: an enumeration stopped by its
 * callback leaves ERROR_RESOURCE_ENUM_USER_STOP (Wine leaves the last error
 * alone), and LoadStringW into a buffer of one character writes the NUL
 * (Wine writes nothing). */
#include <windows.h>
#include "test.h"

static void print_name(const char *what, LPCWSTR name)
{
    if (IS_INTRESOURCE(name))
        printf("%s %u", what, (unsigned)(ULONG_PTR)name);
    else
        printf("%s \"%ls\"", what, name);
}

static BOOL CALLBACK each_type(HMODULE h, LPWSTR type, LONG_PTR param)
{
    (void)h, (void)param;
    print_name(" type", type);
    return TRUE;
}

static BOOL CALLBACK each_name(HMODULE h, LPCWSTR type, LPWSTR name, LONG_PTR param)
{
    (void)h, (void)type;
    print_name(" name", name);
    return param != 1;
}

static BOOL CALLBACK each_name_a(HMODULE h, LPCSTR type, LPSTR name, LONG_PTR param)
{
    (void)h, (void)type, (void)param;
    if (IS_INTRESOURCE(name))
        printf(" %u", (unsigned)(ULONG_PTR)name);
    else
        printf(" \"%s\"", name);
    return TRUE;
}

static BOOL CALLBACK each_lang(HMODULE h, LPCWSTR type, LPCWSTR name, WORD lang, LONG_PTR param)
{
    (void)h, (void)type, (void)name, (void)param;
    printf(" %04x", lang);
    return TRUE;
}

static void show_data(const char *what, HMODULE h, HRSRC res)
{
    DWORD size = SizeofResource(h, res);
    const char *p = LockResource(LoadResource(h, res));
    printf("%s: found %d size %lu data \"%.*s\"\n", what, res != NULL, size,
           p ? (int)size : 0, p ? p : "");
}

static void missing(const char *what, HMODULE h, LPCWSTR name, LPCWSTR type)
{
    SetLastError(0xdeadbeef);
    HRSRC res = FindResourceW(h, name, type);
    printf("%s: %p error %lu\n", what, (void *)res, GetLastError());
}

static void resources(void)
{
    HRSRC by_id = FindResourceW(NULL, MAKEINTRESOURCEW(10), (LPCWSTR)RT_RCDATA);
    show_data("RCDATA 10", NULL, by_id);
    printf("\"#10\" is the same: %d\n",
           FindResourceW(NULL, L"#10", (LPCWSTR)RT_RCDATA) == by_id);
    printf("FindResourceA \"#10\" \"#10\": %d\n", FindResourceA(NULL, "#10", "#10") == by_id);
    show_data("RCDATA \"mydata\"", NULL, FindResourceW(NULL, L"mydata", (LPCWSTR)RT_RCDATA));
    show_data("RCDATA \"MyData\" (A)", NULL, FindResourceA(NULL, "MyData", (LPCSTR)RT_RCDATA));
    show_data("RCDATA 20", NULL, FindResourceW(NULL, MAKEINTRESOURCEW(20), (LPCWSTR)RT_RCDATA));
    show_data("RCDATA 20 German", NULL,
              FindResourceExW(NULL, (LPCWSTR)RT_RCDATA, MAKEINTRESOURCEW(20),
                              MAKELANGID(LANG_GERMAN, SUBLANG_GERMAN)));
    show_data("RCDATA 20 English", NULL,
              FindResourceExA(NULL, (LPCSTR)RT_RCDATA, MAKEINTRESOURCEA(20),
                              MAKELANGID(LANG_ENGLISH, SUBLANG_ENGLISH_US)));
    HMODULE self = GetModuleHandleW(NULL);
    printf("module handle same as NULL: %d\n",
           FindResourceW(self, MAKEINTRESOURCEW(10), (LPCWSTR)RT_RCDATA) == by_id);
    printf("FreeResource: %d\n", FreeResource(LoadResource(NULL, by_id)));

    missing("missing name", NULL, MAKEINTRESOURCEW(99), (LPCWSTR)RT_RCDATA);
    missing("missing named", NULL, L"nosuch", (LPCWSTR)RT_RCDATA);
    missing("missing type", NULL, MAKEINTRESOURCEW(10), MAKEINTRESOURCEW(200));
    fflush(stdout);
    HMODULE dll = LoadLibraryA("testdll.dll");
    ok(dll != NULL, "LoadLibrary testdll failed %lu", GetLastError());
    missing("DLL without resources", dll, MAKEINTRESOURCEW(10), (LPCWSTR)RT_RCDATA);
    SetLastError(0xdeadbeef);
    printf("EnumResourceTypes in it: %d", EnumResourceTypesW(dll, each_type, 0));
    printf(" error %lu\n", GetLastError());
    fflush(stdout);
    FreeLibrary(dll);
}

static void enumeration(void)
{
    printf("types:");
    printf(" -> %d\n", EnumResourceTypesW(NULL, each_type, 0));
    printf("RCDATA names:");
    printf(" -> %d\n", EnumResourceNamesW(NULL, (LPCWSTR)RT_RCDATA, each_name, 0));
    printf("RCDATA names (A):");
    printf(" -> %d\n", EnumResourceNamesA(NULL, (LPCSTR)RT_RCDATA, each_name_a, 0));
    SetLastError(0xdeadbeef);
    printf("stopped after the first:");
    printf(" -> %d", EnumResourceNamesW(NULL, (LPCWSTR)RT_RCDATA, each_name, 1));
    printf(" error %lu\n", GetLastError());
    SetLastError(0xdeadbeef);
    printf("names of a missing type: %d",
           EnumResourceNamesW(NULL, MAKEINTRESOURCEW(200), each_name, 0));
    printf(" error %lu\n", GetLastError());
    printf("languages of RCDATA 20:");
    printf(" -> %d\n", EnumResourceLanguagesW(NULL, (LPCWSTR)RT_RCDATA, MAKEINTRESOURCEW(20),
                                              each_lang, 0));
}

static void strings(void)
{
    WCHAR w[64];
    char a[64];
    const WCHAR *ro = NULL;
    int n;

    n = LoadStringW(NULL, 1, w, 64);
    printf("LoadStringW 1: %d \"%ls\"\n", n, w);
    w[0] = 'x';
    n = LoadStringW(NULL, 2, w, 64);
    printf("LoadStringW 2 (empty): %d first unit %#x\n", n, w[0]);
    n = LoadStringW(NULL, 3, w, 64);
    printf("LoadStringW 3: %d units", n);
    for (int i = 0; i <= n; i++)
        printf(" %04x", w[i]);
    printf("\n");
    n = LoadStringW(NULL, 17, w, 64);
    printf("LoadStringW 17 (second block): %d \"%ls\"\n", n, w);
    n = LoadStringW(NULL, 40, w, 8);
    printf("LoadStringW 40 into 8: %d \"%ls\"\n", n, w);
    w[0] = 'x';
    n = LoadStringW(NULL, 40, w, 1);
    printf("LoadStringW 40 into 1: %d first unit %#x\n", n, w[0]);
    n = LoadStringW(NULL, 40, (LPWSTR)&ro, 0);
    printf("LoadStringW 40 read-only: %d \"%.*ls\"\n", n, n, ro ? ro : L"");
    printf("read-only string is in the image: %d\n",
           ro && ro[-1] == n && FindResourceW(NULL, MAKEINTRESOURCEW(3), (LPCWSTR)RT_STRING));
    SetLastError(0xdeadbeef);
    n = LoadStringW(NULL, 99, w, 64);
    printf("LoadStringW 99 (no such block): %d error %lu\n", n, GetLastError());

    n = LoadStringA(NULL, 1, a, 64);
    printf("LoadStringA 1: %d \"%s\"\n", n, a);
    n = LoadStringA(NULL, 17, a, 64);
    printf("LoadStringA 17: %d \"%s\"\n", n, a);
    n = LoadStringA(NULL, 40, a, 5);
    printf("LoadStringA 40 into 5: %d \"%s\"\n", n, a);
}

static void version(void)
{
    WCHAR self[MAX_PATH];
    char self_a[MAX_PATH];
    DWORD handle = 0xdeadbeef;
    VS_FIXEDFILEINFO *fixed;
    WORD *trans;
    WCHAR *text;
    char *text_a;
    UINT len;

    GetModuleFileNameW(NULL, self, MAX_PATH);
    GetModuleFileNameA(NULL, self_a, MAX_PATH);
    HRSRC res = FindResourceW(NULL, MAKEINTRESOURCEW(1), (LPCWSTR)RT_VERSION);
    DWORD size = GetFileVersionInfoSizeW(self, &handle);
    printf("GetFileVersionInfoSizeW: holds the resource %d, handle %lu\n",
           size >= SizeofResource(NULL, res), handle);
    printf("GetFileVersionInfoSizeA agrees: %d\n", GetFileVersionInfoSizeA(self_a, NULL) == size);
    void *block = malloc(size);
    printf("GetFileVersionInfoW: %d\n", GetFileVersionInfoW(self, 0, size, block));
    printf("same bytes as the resource: %d\n",
           !memcmp(block, LockResource(LoadResource(NULL, res)), SizeofResource(NULL, res)));

    if (VerQueryValueW(block, L"\\", (void **)&fixed, &len))
        printf("\\: len %u signature %#lx file %u.%u.%u.%u product %u.%u.%u.%u "
               "type %lu os %#lx\n", len, fixed->dwSignature,
               HIWORD(fixed->dwFileVersionMS), LOWORD(fixed->dwFileVersionMS),
               HIWORD(fixed->dwFileVersionLS), LOWORD(fixed->dwFileVersionLS),
               HIWORD(fixed->dwProductVersionMS), LOWORD(fixed->dwProductVersionMS),
               HIWORD(fixed->dwProductVersionLS), LOWORD(fixed->dwProductVersionLS),
               fixed->dwFileType, fixed->dwFileOS);
    else
        printf("\\: failed\n");
    if (VerQueryValueW(block, L"\\VarFileInfo\\Translation", (void **)&trans, &len))
        printf("Translation: len %u %04x %04x\n", len, trans[0], trans[1]);
    else
        printf("Translation: failed\n");
    if (VerQueryValueW(block, L"\\StringFileInfo\\040904b0\\FileVersion", (void **)&text, &len))
        printf("FileVersion: \"%ls\"\n", text);
    else
        printf("FileVersion: failed\n");
    if (VerQueryValueW(block, L"\\stringfileinfo\\040904B0\\productname", (void **)&text, &len))
        printf("productname (any case): \"%ls\"\n", text);
    else
        printf("productname: failed\n");
    printf("missing value: %d\n",
           VerQueryValueW(block, L"\\StringFileInfo\\040904b0\\Nope", (void **)&text, &len));
    free(block);

    size = GetFileVersionInfoSizeA(self_a, NULL);
    block = malloc(size);
    printf("GetFileVersionInfoA: %d\n", GetFileVersionInfoA(self_a, 0, size, block));
    if (VerQueryValueA(block, "\\StringFileInfo\\040904b0\\ProductName", (void **)&text_a, &len))
        printf("ProductName (A): \"%s\"\n", text_a);
    else
        printf("ProductName (A): failed\n");
    if (VerQueryValueA(block, "\\", (void **)&fixed, &len))
        printf("\\ (A): len %u signature %#lx\n", len, fixed->dwSignature);
    free(block);

    SetLastError(0xdeadbeef);
    printf("missing file: %lu", GetFileVersionInfoSizeW(L"lvrun_no_such_file.dll", &handle));
    printf(" error %lu\n", GetLastError());
}

int main(void)
{
    resources();
    enumeration();
    strings();
    version();
    return test_summary();
}
