/* The registry values programs probe to learn the system. Only what every
 * Windows 10 and Wine 8.0 agree on is printed: the version values
 * themselves differ between releases (lvrun seeds Windows 10 22H2's, which
 * tests/registry checks), so of them only the types and forms show. */
#include <windows.h>
#include <stdio.h>

#define NT_CV L"Software\\Microsoft\\Windows NT\\CurrentVersion"
#define WIN_CV L"Software\\Microsoft\\Windows\\CurrentVersion"
#define SM_ENV L"System\\CurrentControlSet\\Control\\Session Manager\\Environment"

static void show_string(HKEY root, const WCHAR *key, const WCHAR *name, DWORD flags)
{
    WCHAR buf[512];
    DWORD type = 0, size = sizeof buf;
    LONG r = RegGetValueW(root, key, name, flags, &type, buf, &size);
    if (r)
        printf("%ls: error %ld\n", name, r);
    else
        printf("%ls: type %lu '%ls'\n", name, type, buf);
}

static void show_type(HKEY root, const WCHAR *key, const WCHAR *name)
{
    DWORD type = 0, size = 0;
    LONG r = RegQueryValueExW(root, name, NULL, &type, NULL, &size);
    HKEY k;
    if (key) {
        r = RegOpenKeyExW(root, key, 0, KEY_QUERY_VALUE, &k);
        if (r) {
            printf("%ls: open error %ld\n", key, r);
            return;
        }
        r = RegQueryValueExW(k, name, NULL, &type, NULL, &size);
        RegCloseKey(k);
    }
    printf("%ls: %ld type %lu non-empty %d\n", name, r, type, size > 2);
}

static void show_digits(const WCHAR *name)
{
    WCHAR buf[64];
    DWORD size = sizeof buf;
    LONG r = RegGetValueW(HKEY_LOCAL_MACHINE, NT_CV, name, RRF_RT_REG_SZ, NULL, buf, &size);
    int digits = r == 0 && buf[0];
    for (WCHAR *p = buf; r == 0 && *p; p++)
        digits &= *p >= '0' && *p <= '9';
    printf("%ls: %ld all digits %d\n", name, r, digits);
}

int main(void)
{
    HKEY k;
    LONG r;

    r = RegOpenKeyExW(HKEY_LOCAL_MACHINE, NT_CV, 0, KEY_READ, &k);
    printf("open Windows NT\\CurrentVersion: %ld\n", r);
    if (!r) {
        show_type(k, NULL, L"ProductName");
        show_type(k, NULL, L"CurrentVersion");
        RegCloseKey(k);
    }
    show_digits(L"CurrentBuildNumber");
    show_digits(L"CurrentBuild");
    show_string(HKEY_LOCAL_MACHINE, NT_CV, L"SystemRoot", RRF_RT_REG_SZ);

    show_string(HKEY_LOCAL_MACHINE, WIN_CV, L"ProgramFilesDir", RRF_RT_REG_SZ);
    show_string(HKEY_LOCAL_MACHINE, WIN_CV, L"ProgramFilesDir (x86)", RRF_RT_REG_SZ);
    show_string(HKEY_LOCAL_MACHINE, WIN_CV, L"CommonFilesDir", RRF_RT_REG_SZ);
    show_string(HKEY_LOCAL_MACHINE, WIN_CV, L"CommonFilesDir (x86)", RRF_RT_REG_SZ);
    show_string(HKEY_LOCAL_MACHINE, WIN_CV, L"ProgramFilesPath", RRF_RT_ANY | RRF_NOEXPAND);
    show_string(HKEY_LOCAL_MACHINE, WIN_CV, L"ProgramFilesPath", RRF_RT_REG_SZ);

    show_string(HKEY_LOCAL_MACHINE, SM_ENV, L"ComSpec", RRF_RT_ANY | RRF_NOEXPAND);
    show_string(HKEY_LOCAL_MACHINE, SM_ENV, L"OS", RRF_RT_ANY);
    show_string(HKEY_LOCAL_MACHINE, SM_ENV, L"PROCESSOR_ARCHITECTURE", RRF_RT_ANY);
    show_string(HKEY_LOCAL_MACHINE, SM_ENV, L"windir", RRF_RT_ANY | RRF_NOEXPAND);
    show_type(HKEY_LOCAL_MACHINE, SM_ENV, L"Path");
    show_type(HKEY_LOCAL_MACHINE, SM_ENV, L"TEMP");

    r = RegOpenKeyExW(HKEY_CURRENT_USER, L"Environment", 0, KEY_READ, &k);
    printf("open HKCU\\Environment: %ld\n", r);
    DWORD size = 0;
    printf("TEMP there: %ld\n", RegQueryValueExW(k, L"TEMP", NULL, NULL, NULL, &size));
    RegCloseKey(k);
    r = RegOpenKeyExW(HKEY_CURRENT_USER, L"Software", 0, KEY_READ, &k);
    printf("open HKCU\\Software: %ld\n", r);
    RegCloseKey(k);
    r = RegOpenKeyExW(HKEY_CLASSES_ROOT, L"", 0, KEY_READ, &k);
    printf("open HKEY_CLASSES_ROOT: %ld\n", r);
    RegCloseKey(k);
    r = RegOpenKeyExW(HKEY_LOCAL_MACHINE, L"Software\\Classes", 0, KEY_READ, &k);
    printf("open HKLM\\Software\\Classes: %ld\n", r);
    RegCloseKey(k);
    r = RegOpenKeyExW(HKEY_CURRENT_CONFIG, L"", 0, KEY_READ, &k);
    printf("open HKEY_CURRENT_CONFIG: %ld\n", r);
    RegCloseKey(k);
    return 0;
}
