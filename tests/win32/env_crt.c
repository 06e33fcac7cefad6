/* The CRT environment: getenv, _putenv (set, replace, remove), _putenv_s,
 * _environ, and that CRT changes reach the Win32 environment. */
#include <stdlib.h>
#include <windows.h>
#include "test.h"

int main(void)
{
    char buf[64];
    DWORD n;
    int i, found = 0;

    ok(getenv("LVRUN_TEST_UNSET") == NULL, "unset variable found");
    ok(_putenv("LVRUN_TEST_A=alpha") == 0, "_putenv failed");
    printf("A=%s\n", getenv("LVRUN_TEST_A"));
    printf("a=%s\n", getenv("lvrun_test_a")); /* names are case-insensitive */
    ok(_putenv("LVRUN_TEST_A=beta gamma") == 0, "_putenv replace failed");
    printf("A=%s\n", getenv("LVRUN_TEST_A"));
    n = GetEnvironmentVariableA("LVRUN_TEST_A", buf, sizeof(buf));
    printf("Win32 sees %lu [%s]\n", n, buf);
    ok(_putenv_s("LVRUN_TEST_B", "x=y") == 0, "_putenv_s failed");
    printf("B=%s\n", getenv("LVRUN_TEST_B"));
    for (i = 0; _environ[i]; i++)
        if (!strcmp(_environ[i], "LVRUN_TEST_B=x=y"))
            found++;
    printf("in _environ: %d\n", found);
    ok(_putenv("LVRUN_TEST_A=") == 0, "_putenv remove failed");
    printf("removed: %s\n", getenv("LVRUN_TEST_A") ? "no" : "yes");
    SetLastError(0xdeadbeef);
    n = GetEnvironmentVariableA("LVRUN_TEST_A", buf, sizeof(buf));
    printf("Win32 after remove: %lu %lu\n", n, GetLastError());
    return test_summary();
}
