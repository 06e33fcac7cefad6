/* GetCommandLineW split by CommandLineToArgvW, and CommandLineToArgvW's rules
 * on fixed command lines (quotes, backslashes, doubled quotes, argv[0]). */
#include <windows.h>
#include <shellapi.h>
#include "test.h"

static void print_w(const WCHAR *w)
{
    printf("[");
    for (; *w; w++)
        printf(*w >= 32 && *w < 127 ? "%c" : "<%04x>", *w);
    printf("]");
}

static void split(const WCHAR *cmdline)
{
    int argc, i;
    WCHAR **argv = CommandLineToArgvW(cmdline, &argc);

    ok(argv != NULL, "CommandLineToArgvW failed");
    if (!argv)
        return;
    printf("%d:", argc);
    for (i = 0; i < argc; i++) {
        printf(" ");
        print_w(argv[i]);
    }
    printf("\n");
    LocalFree(argv);
}

int main(void)
{
    int argc, i;
    WCHAR **argv = CommandLineToArgvW(GetCommandLineW(), &argc);

    ok(argv != NULL, "CommandLineToArgvW(GetCommandLineW()) failed");
    printf("argc %d\n", argc);
    for (i = 1; argv && i < argc; i++) {
        print_w(argv[i]);
        printf("\n");
    }
    LocalFree(argv);

    split(L"prog one two");
    split(L"\"C:\\Program Files\\x.exe\" arg");
    split(L"prog \"a b\" c\\\\d e\\\\\"f g\" h\\\"i");
    split(L"prog \"\" x \"\"\"\"");
    split(L"C:\\dir\\prog\\ \"tail");
    split(L"prog   spaced\t\ttabs  ");
    return test_summary();
}
