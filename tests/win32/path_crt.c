/* The CRT's path names: _splitpath/_wsplitpath into drive, folder, name
 * and extension; _makepath/_wmakepath adding the missing separators;
 * _fullpath resolving "." and ".." against the current folder. */
#include <direct.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "test.h"

static void split(const char *p)
{
    char d[8], f[260], n[260], e[260];
    _splitpath(p, d, f, n, e);
    printf("[%s] -> [%s] [%s] [%s] [%s]\n", p, d, f, n, e);
}

int main(void)
{
    char buf[260], cwd[260], *full;
    wchar_t wd[8], wf[260], wn[260], we[260], wbuf[260];

    split("C:\\dir\\sub\\file.tar.gz");
    split("relative/file");
    split("\\\\server\\share\\x.y");
    split("noext.");
    split(".hidden");
    split("D:");
    split("");
    _wsplitpath(L"Z:\\a\\b.c", wd, wf, wn, we);
    printf("wide: %d %d %d %d\n", !wcscmp(wd, L"Z:"), !wcscmp(wf, L"\\a\\"),
           !wcscmp(wn, L"b"), !wcscmp(we, L".c"));
    _makepath(buf, "c", "dir", "name", "txt");
    printf("makepath: %s\n", buf);
    _makepath(buf, "C:", "dir\\", "name", ".txt");
    printf("makepath: %s\n", buf);
    _makepath(buf, NULL, NULL, "name", NULL);
    printf("makepath: %s\n", buf);
    _wmakepath(wbuf, L"d", L"x/", L"y", L"z");
    printf("wmakepath: %d\n", !wcscmp(wbuf, L"d:x/y.z"));

    ok(_getcwd(cwd, sizeof cwd) != NULL, "_getcwd");
    ok(_fullpath(buf, "a\\..\\b\\.\\c.txt", sizeof buf) != NULL, "_fullpath");
    printf("fullpath under cwd: %d tail %s\n", !strncmp(buf, cwd, strlen(cwd)),
           buf + strlen(cwd));
    full = _fullpath(NULL, "x", 0);
    printf("allocated: %d\n", full && !strncmp(full, cwd, strlen(cwd)));
    free(full);
    printf("too small: %p\n", (void *)_fullpath(buf, "some\\name", 3));
    printf("root: %s\n", _fullpath(buf, "C:\\x\\..\\..\\y", sizeof buf));
    return test_summary();
}
