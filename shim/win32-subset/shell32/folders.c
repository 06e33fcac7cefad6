/* The shell's special folders: SHGetFolderPath (CSIDL numbers),
 * SHGetSpecialFolderPath and SHGetKnownFolderPath (FOLDERID GUIDs). The
 * user's folders are in the profile USERPROFILE names (lv/path.h), the
 * others where GetWindowsDirectory and the environment put them, so
 * every way a program asks gets the same answer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kernel32.spec.h"
#include "ole32.spec.h"
#include "shell32.spec.h"
#include "lv/path.h"
#include "lv/w32error.h"
#include "lv/w32file.h"
#include "lv/wstr.h"

#define CP_ACP 0
#define CSIDL_FLAG_DONT_VERIFY 0x4000
#define CSIDL_FLAG_CREATE 0x8000
#define CSIDL_FLAG_MASK 0xff00
#define KF_FLAG_DONT_VERIFY 0x4000
#define KF_FLAG_CREATE 0x8000

/* in_profile: name is below the user's profile, else a full path. */
static const struct folder {
    int csidl;
    GUID id;
    bool in_profile;
    const char *name;
} g_folders[] = {
    { 0x0000 /* CSIDL_DESKTOP */, { 0 }, true, "Desktop" },
    { 0x0005 /* CSIDL_PERSONAL */, { 0xfdd39ad0, 0x238f, 0x46af,
      { 0xad, 0xb4, 0x6c, 0x85, 0x48, 0x03, 0x69, 0xc7 } }, true, "Documents" },
    { 0x0010 /* CSIDL_DESKTOPDIRECTORY */, { 0xb4bfcc3a, 0xdb2c, 0x424c,
      { 0xb0, 0x29, 0x7f, 0xe9, 0x9a, 0x87, 0xc6, 0x41 } }, true, "Desktop" },
    { 0x001a /* CSIDL_APPDATA */, { 0x3eb685db, 0x65f9, 0x4cf6,
      { 0xa0, 0x3a, 0xe3, 0xef, 0x65, 0x72, 0x9f, 0x3d } }, true, "AppData\\Roaming" },
    { 0x001c /* CSIDL_LOCAL_APPDATA */, { 0xf1b32785, 0x6fba, 0x4fcf,
      { 0x9d, 0x55, 0x7b, 0x8e, 0x7f, 0x15, 0x70, 0x91 } }, true, "AppData\\Local" },
    { 0x0023 /* CSIDL_COMMON_APPDATA */, { 0x62ab5d82, 0xfdc1, 0x4dc3,
      { 0xa9, 0xdd, 0x07, 0x0d, 0x1d, 0x49, 0x5d, 0x97 } }, false, "C:\\ProgramData" },
    { 0x0024 /* CSIDL_WINDOWS */, { 0xf38bf404, 0x1d43, 0x42f2,
      { 0x93, 0x05, 0x67, 0xde, 0x0b, 0x28, 0xfc, 0x23 } }, false, "C:\\windows" },
    { 0x0025 /* CSIDL_SYSTEM */, { 0x1ac14e77, 0x02e7, 0x4e5d,
      { 0xb7, 0x44, 0x2e, 0xb1, 0xae, 0x51, 0x98, 0xb7 } }, false, "C:\\windows\\system32" },
    { 0x0026 /* CSIDL_PROGRAM_FILES */, { 0x905e63b6, 0xc1bf, 0x494e,
      { 0xb2, 0x9c, 0x65, 0xb7, 0x32, 0xd3, 0xd2, 0x1a } }, false, "C:\\Program Files" },
    { 0x0028 /* CSIDL_PROFILE */, { 0x5e6c858f, 0x0e22, 0x4760,
      { 0x9a, 0xfe, 0xea, 0x33, 0x17, 0xb6, 0x71, 0x73 } }, true, "" },
};

static const struct folder *by_csidl(int csidl)
{
    for (size_t i = 0; i < sizeof g_folders / sizeof *g_folders; i++)
        if (g_folders[i].csidl == csidl)
            return &g_folders[i];
    return NULL;
}

/* CSIDL_DESKTOP has no FOLDERID of its own: its zero id is none. */
static const struct folder *by_id(const GUID *id)
{
    static const GUID none;
    for (size_t i = 0; id && memcmp(id, &none, sizeof none) &&
                       i < sizeof g_folders / sizeof *g_folders; i++)
        if (!memcmp(&g_folders[i].id, id, sizeof *id))
            return &g_folders[i];
    return NULL;
}

/* The folder's path into out (MAX_PATH units), checked or made as flags
 * (the CSIDL and KF flags share their values) say. */
static HRESULT folder_path(const struct folder *f, DWORD flags, WCHAR *out)
{
    char win[MAX_PATH];
    const char *profile = path_user_profile();
    if (!f->in_profile)
        snprintf(win, sizeof win, "%s", f->name);
    else
        snprintf(win, sizeof win, "%s%s%s", profile, *f->name ? "\\" : "", f->name);
    WCHAR *w = utf8_to_wstr(win);
    if (!w)
        return E_OUTOFMEMORY;
    HRESULT hr = S_OK;
    if (wstr_len(w) >= MAX_PATH) {
        hr = HRESULT_FROM_WIN32(ERROR_FILENAME_EXCED_RANGE);
    } else if (!(flags & CSIDL_FLAG_DONT_VERIFY) &&
               GetFileAttributesW(w) == INVALID_FILE_ATTRIBUTES) {
        if (flags & CSIDL_FLAG_CREATE)
            path_create_folder(win);
        if (GetFileAttributesW(w) == INVALID_FILE_ATTRIBUTES)
            hr = HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND);
    }
    if (hr == S_OK)
        memcpy(out, w, (wstr_len(w) + 1) * sizeof(WCHAR));
    free(w);
    return hr;
}

HRESULT WINAPI SHGetFolderPathW(HANDLE window, int csidl, HANDLE token, DWORD flags,
                                WCHAR *path)
{
    /* One user, and no folder is redirected: the token and the current or
     * default location (flags) make no difference. */
    (void)window, (void)token, (void)flags;
    const struct folder *f = by_csidl(csidl & ~CSIDL_FLAG_MASK);
    if (!path || !f)
        return E_INVALIDARG;
    return folder_path(f, (DWORD)csidl & CSIDL_FLAG_MASK, path);
}

HRESULT WINAPI SHGetFolderPathA(HANDLE window, int csidl, HANDLE token, DWORD flags,
                                char *path)
{
    WCHAR w[MAX_PATH];
    if (!path)
        return E_INVALIDARG;
    HRESULT hr = SHGetFolderPathW(window, csidl, token, flags, w);
    if (hr == S_OK)
        WideCharToMultiByte(CP_ACP, 0, w, -1, path, MAX_PATH, NULL, NULL);
    return hr;
}

BOOL WINAPI SHGetSpecialFolderPathW(HANDLE window, WCHAR *path, int csidl, BOOL create)
{
    return SHGetFolderPathW(window, csidl | (create ? CSIDL_FLAG_CREATE : 0), NULL, 0,
                            path) == S_OK;
}

BOOL WINAPI SHGetSpecialFolderPathA(HANDLE window, char *path, int csidl, BOOL create)
{
    return SHGetFolderPathA(window, csidl | (create ? CSIDL_FLAG_CREATE : 0), NULL, 0,
                            path) == S_OK;
}

/* The path is the caller's to free with CoTaskMemFree; NULL on failure.
 * A FOLDERID not known here is a folder not on this system, as Windows
 * says (ERROR_FILE_NOT_FOUND). */
HRESULT WINAPI SHGetKnownFolderPath(const GUID *id, DWORD flags, HANDLE token, WCHAR **path)
{
    (void)token;
    if (!path)
        return E_INVALIDARG;
    *path = NULL;
    const struct folder *f = by_id(id);
    if (!f)
        return HRESULT_FROM_WIN32(ERROR_FILE_NOT_FOUND);
    WCHAR w[MAX_PATH];
    HRESULT hr = folder_path(f, flags & (KF_FLAG_CREATE | KF_FLAG_DONT_VERIFY), w);
    if (hr != S_OK)
        return hr;
    size_t size = (wstr_len(w) + 1) * sizeof(WCHAR);
    *path = CoTaskMemAlloc(size);
    if (!*path)
        return E_OUTOFMEMORY;
    memcpy(*path, w, size);
    return S_OK;
}
