/* The shell's special folders: SHGetFolderPath, SHGetSpecialFolderPath and
 * SHGetKnownFolderPath agree with each other and with the environment
 * (USERPROFILE, APPDATA, LOCALAPPDATA, GetTempPath). Profile paths are
 * printed relative to USERPROFILE, which differs between machines. */
#define COBJMACROS
#include <windows.h>
#include <shlobj.h>
#include <knownfolders.h>
#include "test.h"

static WCHAR profile[MAX_PATH];

static void print_path(const WCHAR *w)
{
    size_t n = wcslen(profile);
    if (!_wcsnicmp(w, profile, n) && (!w[n] || w[n] == '\\')) {
        printf("%%USERPROFILE%%");
        w += n;
    }
    printf("%ls", w);
}

static const struct {
    int csidl;
    const KNOWNFOLDERID *id;
    const char *name;
} folders[] = {
    { CSIDL_APPDATA, &FOLDERID_RoamingAppData, "APPDATA" },
    { CSIDL_LOCAL_APPDATA, &FOLDERID_LocalAppData, "LOCAL_APPDATA" },
    { CSIDL_PERSONAL, &FOLDERID_Documents, "PERSONAL" },
    { CSIDL_DESKTOPDIRECTORY, &FOLDERID_Desktop, "DESKTOPDIRECTORY" },
    { CSIDL_PROFILE, &FOLDERID_Profile, "PROFILE" },
    { CSIDL_WINDOWS, &FOLDERID_Windows, "WINDOWS" },
    { CSIDL_SYSTEM, &FOLDERID_System, "SYSTEM" },
    { CSIDL_PROGRAM_FILES, &FOLDERID_ProgramFiles, "PROGRAM_FILES" },
    { CSIDL_COMMON_APPDATA, &FOLDERID_ProgramData, "COMMON_APPDATA" },
};

static void same_as_env(int csidl, const WCHAR *var)
{
    WCHAR path[MAX_PATH], env[MAX_PATH];
    ok(SHGetFolderPathW(NULL, csidl, NULL, SHGFP_TYPE_CURRENT, path) == S_OK, "csidl %#x", csidl);
    ok(GetEnvironmentVariableW(var, env, MAX_PATH) > 0, "%ls unset", var);
    ok(!lstrcmpiW(path, env), "csidl %#x: %ls, %ls=%ls", csidl, path, var, env);
}

int main(void)
{
    WCHAR path[MAX_PATH], special[MAX_PATH], *known;
    char path_a[MAX_PATH], env_a[MAX_PATH];
    HRESULT hr;
    size_t i;

    ok(GetEnvironmentVariableW(L"USERPROFILE", profile, MAX_PATH) > 0, "USERPROFILE unset");
    for (i = 0; i < sizeof folders / sizeof *folders; i++) {
        hr = SHGetFolderPathW(NULL, folders[i].csidl, NULL, SHGFP_TYPE_CURRENT, path);
        printf("%s: %#lx ", folders[i].name, hr);
        print_path(path);
        printf("\n");
        ok(GetFileAttributesW(path) & FILE_ATTRIBUTE_DIRECTORY, "%s is no folder", folders[i].name);

        memset(special, 0, sizeof special);
        ok(SHGetSpecialFolderPathW(NULL, special, folders[i].csidl, FALSE) == TRUE,
           "SHGetSpecialFolderPathW %s", folders[i].name);
        ok(!wcscmp(special, path), "SHGetSpecialFolderPathW %s: %ls", folders[i].name, special);

        hr = SHGetFolderPathW(NULL, folders[i].csidl | CSIDL_FLAG_CREATE, NULL, 0, special);
        ok(hr == S_OK && !wcscmp(special, path), "CSIDL_FLAG_CREATE %s: %#lx", folders[i].name, hr);

        known = (WCHAR *)0xdeadbeef;
        hr = SHGetKnownFolderPath(folders[i].id, 0, NULL, &known);
        ok(hr == S_OK && known && !wcscmp(known, path), "SHGetKnownFolderPath %s: %#lx %ls",
           folders[i].name, hr, hr == S_OK ? known : L"");
        CoTaskMemFree(known);
    }

    same_as_env(CSIDL_PROFILE, L"USERPROFILE");
    same_as_env(CSIDL_APPDATA, L"APPDATA");
    same_as_env(CSIDL_LOCAL_APPDATA, L"LOCALAPPDATA");
    same_as_env(CSIDL_COMMON_APPDATA, L"ProgramData");
    same_as_env(CSIDL_WINDOWS, L"SystemRoot");
    GetTempPathW(MAX_PATH, path);
    printf("temp folder in the profile: %s\n",
           !_wcsnicmp(path, profile, wcslen(profile)) ? "yes" : "no");

    /* The ANSI forms give the same text. */
    ok(SHGetFolderPathA(NULL, CSIDL_APPDATA, NULL, 0, path_a) == S_OK, "SHGetFolderPathA");
    GetEnvironmentVariableA("APPDATA", env_a, MAX_PATH);
    ok(!lstrcmpiA(path_a, env_a), "SHGetFolderPathA: %s, APPDATA=%s", path_a, env_a);
    ok(SHGetSpecialFolderPathA(NULL, path_a, CSIDL_APPDATA, TRUE) == TRUE, "SHGetSpecialFolderPathA");
    ok(!lstrcmpiA(path_a, env_a), "SHGetSpecialFolderPathA: %s", path_a);

    /* CSIDL_FLAG_DONT_VERIFY answers without looking. */
    ok(SHGetFolderPathW(NULL, CSIDL_DESKTOPDIRECTORY | CSIDL_FLAG_DONT_VERIFY, NULL, 0, path) == S_OK,
       "CSIDL_FLAG_DONT_VERIFY");

    /* Unknown folders. */
    hr = SHGetFolderPathW(NULL, 0x7e, NULL, 0, path);
    printf("unknown CSIDL: %#lx\n", hr);
    hr = SHGetFolderPathA(NULL, 0x7e, NULL, 0, path_a);
    printf("unknown CSIDL (A): %#lx\n", hr);
    ok(SHGetSpecialFolderPathW(NULL, path, 0x7e, FALSE) == FALSE, "SHGetSpecialFolderPathW of 0x7e");
    known = (WCHAR *)0xdeadbeef;
    hr = SHGetKnownFolderPath(&IID_IUnknown, 0, NULL, &known);
    printf("unknown FOLDERID: %#lx %s\n", hr, known ? "path set" : "NULL");
    return test_summary();
}
