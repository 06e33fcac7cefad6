/* The keys and values a new prefix starts with: what programs read to
 * learn the Windows version, the standard folders and the environment. */
#include <stdio.h>
#include <unistd.h>
#include "reg_private.h"

struct seed {
    const char *key, *name;
    DWORD type;
    const char *text;  /* REG_SZ, REG_EXPAND_SZ */
    DWORD number;      /* REG_DWORD */
};

#define SZ(k, n, s) { k, n, REG_SZ, s, 0 }
#define EXPAND(k, n, s) { k, n, REG_EXPAND_SZ, s, 0 }
#define DWORD_(k, n, v) { k, n, REG_DWORD, NULL, v }
#define KEY(k) { k, NULL, REG_NONE, NULL, 0 }

#define NT_CV "HKLM\\Software\\Microsoft\\Windows NT\\CurrentVersion"
#define WIN_CV "HKLM\\Software\\Microsoft\\Windows\\CurrentVersion"
#define SM_ENV "HKLM\\System\\CurrentControlSet\\Control\\Session Manager\\Environment"

static const struct seed g_seeds[] = {
    KEY("HKLM\\Software\\Classes"),
    KEY("HKLM\\System\\CurrentControlSet\\Hardware Profiles\\Current"),
    KEY("HKU\\.DEFAULT\\Software"),
    KEY("HKCU\\Software"),
    SZ(NT_CV, "ProductName", "Windows 10 Pro"),
    SZ(NT_CV, "EditionID", "Professional"),
    SZ(NT_CV, "InstallationType", "Client"),
    SZ(NT_CV, "CurrentVersion", "6.3"),
    DWORD_(NT_CV, "CurrentMajorVersionNumber", 10),
    DWORD_(NT_CV, "CurrentMinorVersionNumber", 0),
    SZ(NT_CV, "CurrentBuildNumber", "19045"),
    SZ(NT_CV, "CurrentBuild", "19045"),
    DWORD_(NT_CV, "UBR", 0),
    SZ(NT_CV, "ReleaseId", "2009"),
    SZ(NT_CV, "DisplayVersion", "22H2"),
    SZ(NT_CV, "CurrentType", "Multiprocessor Free"),
    SZ(NT_CV, "SystemRoot", "C:\\windows"),
    SZ(NT_CV, "PathName", "C:\\windows"),
    SZ(NT_CV, "RegisteredOwner", ""),
    SZ(NT_CV, "RegisteredOrganization", ""),
    SZ(WIN_CV, "ProgramFilesDir", "C:\\Program Files"),
    SZ(WIN_CV, "ProgramFilesDir (x86)", "C:\\Program Files (x86)"),
    SZ(WIN_CV, "ProgramW6432Dir", "C:\\Program Files"),
    SZ(WIN_CV, "CommonFilesDir", "C:\\Program Files\\Common Files"),
    SZ(WIN_CV, "CommonFilesDir (x86)", "C:\\Program Files (x86)\\Common Files"),
    SZ(WIN_CV, "CommonW6432Dir", "C:\\Program Files\\Common Files"),
    EXPAND(WIN_CV, "ProgramFilesPath", "%ProgramFiles%"),
    SZ(WIN_CV, "DevicePath", "C:\\windows\\inf"),
    SZ(WIN_CV, "MediaPathUnexpanded", "C:\\windows\\Media"),
    EXPAND(SM_ENV, "ComSpec", "%SystemRoot%\\system32\\cmd.exe"),
    SZ(SM_ENV, "OS", "Windows_NT"),
    EXPAND(SM_ENV, "Path", "%SystemRoot%\\system32;%SystemRoot%;%SystemRoot%\\System32\\Wbem"),
    SZ(SM_ENV, "PATHEXT", ".COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH;.MSC"),
    SZ(SM_ENV, "PROCESSOR_ARCHITECTURE", "AMD64"),
    EXPAND(SM_ENV, "TEMP", "%SystemRoot%\\TEMP"),
    EXPAND(SM_ENV, "TMP", "%SystemRoot%\\TEMP"),
    SZ(SM_ENV, "USERNAME", "SYSTEM"),
    EXPAND(SM_ENV, "windir", "%SystemRoot%"),
    EXPAND("HKCU\\Environment", "TEMP", "%USERPROFILE%\\AppData\\Local\\Temp"),
    EXPAND("HKCU\\Environment", "TMP", "%USERPROFILE%\\AppData\\Local\\Temp"),
};

DWORD reg_seed_defaults(void)
{
    for (size_t i = 0; i < sizeof g_seeds / sizeof g_seeds[0]; i++) {
        const struct seed *s = &g_seeds[i];
        reg_id key;
        DWORD err = reg_key_by_name(s->key, true, &key);
        if (!err && s->name) {
            if (s->type == REG_DWORD)
                err = reg_value_set(key, s->name, REG_DWORD, &s->number, sizeof s->number);
            else
                err = reg_value_set_string(key, s->name, s->type, s->text);
        }
        if (err)
            return err;
    }
    char cpus[16];
    snprintf(cpus, sizeof cpus, "%ld", sysconf(_SC_NPROCESSORS_ONLN));
    reg_id env;
    DWORD err = reg_key_by_name(SM_ENV, false, &env);
    return err ? err : reg_value_set_string(env, "NUMBER_OF_PROCESSORS", REG_SZ, cpus);
}
