/* Path names in the CRT's own terms: _fullpath over GetFullPathName, and
 * the purely textual _splitpath and _makepath (drive, folder with its
 * trailing separator, name, extension with its dot). */
#include <stdbool.h>
#include <string.h>
#include "msvcrt.spec.h"
#include "kernel32.spec.h"
#include "lv/wstr.h"

#define MSVCRT_MAX_PATH 260

char *CDECL msvcrt__fullpath(char *buf, const char *path, size_t size)
{
    if (!path || !*path)
        return msvcrt__getcwd(buf, (int)size);
    DWORD need = GetFullPathNameA(path, 0, NULL, NULL);
    if (!need) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return NULL;
    }
    bool owned = !buf;
    if (owned) {
        size = need > MSVCRT_MAX_PATH ? need : MSVCRT_MAX_PATH;
        buf = msvcrt_malloc(size);
        if (!buf) {
            msvcrt_set_errno(MSVCRT_ENOMEM);
            return NULL;
        }
    } else if (size < need) {
        msvcrt_set_errno(MSVCRT_ERANGE);
        return NULL;
    }
    GetFullPathNameA(path, (DWORD)size, buf, NULL);
    return buf;
}

WCHAR *CDECL msvcrt__wfullpath(WCHAR *buf, const WCHAR *path, size_t size)
{
    if (!path || !*path)
        return msvcrt__wgetcwd(buf, (int)size);
    DWORD need = GetFullPathNameW(path, 0, NULL, NULL);
    if (!need) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return NULL;
    }
    if (!buf) {
        size = need > MSVCRT_MAX_PATH ? need : MSVCRT_MAX_PATH;
        buf = msvcrt_malloc(size * sizeof(WCHAR));
        if (!buf) {
            msvcrt_set_errno(MSVCRT_ENOMEM);
            return NULL;
        }
    } else if (size < need) {
        msvcrt_set_errno(MSVCRT_ERANGE);
        return NULL;
    }
    GetFullPathNameW(path, (DWORD)size, buf, NULL);
    return buf;
}

/* The four parts of path as offsets: [0, d) drive, [d, f) folder,
 * [f, e) name, [e, n) extension. One splitter serves both widths. */
#define SPLIT(T)                                                                \
    static void split_##T(const T *p, size_t *d, size_t *f, size_t *e, size_t *n) \
    {                                                                            \
        size_t len = 0;                                                          \
        while (p[len])                                                           \
            len++;                                                               \
        *d = len >= 2 && p[1] == ':' ? 2 : 0;                                    \
        *f = *d;                                                                 \
        for (size_t i = *d; i < len; i++)                                        \
            if (p[i] == '\\' || p[i] == '/')                                     \
                *f = i + 1;                                                      \
        *e = len;                                                                \
        for (size_t i = len; i > *f; i--)                                        \
            if (p[i - 1] == '.') {                                               \
                *e = i - 1;                                                      \
                break;                                                           \
            }                                                                    \
        *n = len;                                                                \
    }

SPLIT(char)
SPLIT(WCHAR)

static void copy_part(char *out, const char *from, size_t len)
{
    if (out) {
        memcpy(out, from, len);
        out[len] = 0;
    }
}

static void wcopy_part(WCHAR *out, const WCHAR *from, size_t len)
{
    if (out) {
        memcpy(out, from, len * sizeof(WCHAR));
        out[len] = 0;
    }
}

void CDECL msvcrt__splitpath(const char *path, char *drive, char *dir, char *fname, char *ext)
{
    size_t d, f, e, n;
    split_char(path, &d, &f, &e, &n);
    copy_part(drive, path, d);
    copy_part(dir, path + d, f - d);
    copy_part(fname, path + f, e - f);
    copy_part(ext, path + e, n - e);
}

void CDECL msvcrt__wsplitpath(const WCHAR *path, WCHAR *drive, WCHAR *dir, WCHAR *fname,
                              WCHAR *ext)
{
    size_t d, f, e, n;
    split_WCHAR(path, &d, &f, &e, &n);
    wcopy_part(drive, path, d);
    wcopy_part(dir, path + d, f - d);
    wcopy_part(fname, path + f, e - f);
    wcopy_part(ext, path + e, n - e);
}

/* _makepath adds what the parts lack: a colon after the drive letter, a
 * backslash after the folder, a dot before the extension. */
void CDECL msvcrt__makepath(char *out, const char *drive, const char *dir, const char *fname,
                            const char *ext)
{
    char *p = out;
    if (drive && *drive) {
        *p++ = drive[0];
        *p++ = ':';
    }
    if (dir && *dir) {
        size_t n = strlen(dir);
        memcpy(p, dir, n);
        p += n;
        if (dir[n - 1] != '\\' && dir[n - 1] != '/')
            *p++ = '\\';
    }
    if (fname && *fname) {
        size_t n = strlen(fname);
        memcpy(p, fname, n);
        p += n;
    }
    if (ext && *ext) {
        if (*ext != '.')
            *p++ = '.';
        size_t n = strlen(ext);
        memcpy(p, ext, n);
        p += n;
    }
    *p = 0;
}

void CDECL msvcrt__wmakepath(WCHAR *out, const WCHAR *drive, const WCHAR *dir,
                             const WCHAR *fname, const WCHAR *ext)
{
    WCHAR *p = out;
    if (drive && *drive) {
        *p++ = drive[0];
        *p++ = ':';
    }
    if (dir && *dir) {
        size_t n = wstr_len(dir);
        memcpy(p, dir, n * sizeof(WCHAR));
        p += n;
        if (dir[n - 1] != '\\' && dir[n - 1] != '/')
            *p++ = '\\';
    }
    if (fname && *fname) {
        size_t n = wstr_len(fname);
        memcpy(p, fname, n * sizeof(WCHAR));
        p += n;
    }
    if (ext && *ext) {
        if (*ext != '.')
            *p++ = '.';
        size_t n = wstr_len(ext);
        memcpy(p, ext, n * sizeof(WCHAR));
        p += n;
    }
    *p = 0;
}
