/* reg_writer NAME COUNT: writes COUNT values NAME-00000... (REG_SZ) under
 * HKCU\Software\lvrun-stress, one RegSetValueExW each, printing the count
 * written every 100 values. */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    if (argc != 3)
        return 2;
    HKEY k;
    LONG r = RegCreateKeyExA(HKEY_CURRENT_USER, "Software\\lvrun-stress", 0, NULL, 0,
                             KEY_ALL_ACCESS, NULL, &k, NULL);
    if (r) {
        printf("create: %ld\n", r);
        return 1;
    }
    long count = atol(argv[2]);
    for (long i = 0; i < count; i++) {
        char name[64], data[128];
        snprintf(name, sizeof name, "%s-%05ld", argv[1], i);
        int n = snprintf(data, sizeof data, "value %ld of %s, written whole", i, argv[1]);
        r = RegSetValueExA(k, name, 0, REG_SZ, (const BYTE *)data, n + 1);
        if (r) {
            printf("set %s: %ld\n", name, r);
            return 1;
        }
        if ((i + 1) % 100 == 0) {
            printf("%ld\n", i + 1);
            fflush(stdout);
        }
    }
    RegCloseKey(k);
    printf("done\n");
    return 0;
}
