/* The Win32 environment: Set/GetEnvironmentVariable (sizes, errors, case),
 * GetEnvironmentStringsW walk, ExpandEnvironmentStrings, and the variables
 * every Windows process has (values vary, so only their presence is shown). */
#include <windows.h>
#include "test.h"

static const char *const standard[] = {
    "SystemRoot", "windir", "TEMP", "TMP", "USERPROFILE", "COMSPEC", "PATHEXT",
    "COMPUTERNAME", "USERNAME", "ProgramFiles", "PATH", "SystemDrive", "APPDATA",
};

int main(void)
{
    char buf[64];
    WCHAR *block, *p;
    DWORD n;
    int i, seen = 0;

    ok(SetEnvironmentVariableA("LVRUN_W", "value1"), "Set failed");
    n = GetEnvironmentVariableA("LVRUN_W", buf, sizeof(buf));
    printf("get: %lu [%s]\n", n, buf);
    n = GetEnvironmentVariableA("lvrun_w", buf, 3);
    printf("small buffer: %lu\n", n);
    n = GetEnvironmentVariableA("LVRUN_W", NULL, 0);
    printf("size query: %lu\n", n);
    SetLastError(0xdeadbeef);
    n = GetEnvironmentVariableA("LVRUN_MISSING", buf, sizeof(buf));
    printf("missing: %lu err %lu\n", n, GetLastError());
    ok(SetEnvironmentVariableA("LVRUN_EMPTY", ""), "Set empty failed");
    n = GetEnvironmentVariableA("LVRUN_EMPTY", buf, sizeof(buf));
    printf("empty: %lu\n", n);
    ok(SetEnvironmentVariableW(L"LVRUN_WIDE", L"w\x00e9"), "SetW failed");

    block = GetEnvironmentStringsW();
    for (p = block; *p; p += wcslen(p) + 1) {
        if (!wcscmp(p, L"LVRUN_W=value1"))
            seen |= 1;
        if (!wcscmp(p, L"LVRUN_WIDE=w\x00e9"))
            seen |= 2;
    }
    printf("block has ours: %d\n", seen);
    FreeEnvironmentStringsW(block);

    n = ExpandEnvironmentStringsA("<%LVRUN_W%> <%LVRUN_NOPE%>", buf, sizeof(buf));
    printf("expand: %lu [%s]\n", n, buf);
    ok(SetEnvironmentVariableA("LVRUN_W", NULL), "delete failed");
    printf("deleted: %lu\n", GetEnvironmentVariableA("LVRUN_W", buf, sizeof(buf)));

    for (i = 0; i < (int)(sizeof(standard) / sizeof(standard[0])); i++)
        printf("%s %s\n", standard[i],
               GetEnvironmentVariableA(standard[i], NULL, 0) ? "exists" : "MISSING");
    return test_summary();
}
