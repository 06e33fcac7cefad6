/* Opens each path named on the command line and prints "PATH: ok" or
 * "PATH: error N" (GetLastError), for the view tests. */
#include <stdio.h>
#include <windows.h>

int main(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        HANDLE h = CreateFileA(argv[i], GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING,
                               FILE_ATTRIBUTE_NORMAL, NULL);
        if (h == INVALID_HANDLE_VALUE) {
            printf("%s: error %lu\n", argv[i], GetLastError());
        } else {
            printf("%s: ok\n", argv[i]);
            CloseHandle(h);
        }
    }
    char name[64];
    DWORD n = sizeof name;
    if (GetComputerNameA(name, &n))
        printf("host %s\n", name);
    return 0;
}
