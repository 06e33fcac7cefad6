/* Path names as Windows computes them, without touching the file system:
 * GetFullPathName resolves "." and ".." against the current folder. */
#include <stdlib.h>
#include <string.h>
#include "kernel32.spec.h"
#include "kernel32_private.h"
#include "lv/w32error.h"
#include "lv/wstr.h"

static bool is_sep(WCHAR c)
{
    return c == '\\' || c == '/';
}

/* The absolute form of path (malloc), or NULL. */
WCHAR *full_path_name(const WCHAR *path)
{
    size_t n = wstr_len(path);
    WCHAR cwd[32768];
    DWORD clen = GetCurrentDirectoryW(32768, cwd);
    if (!clen || clen >= 32768)
        return NULL;
    WCHAR *buf = malloc((n + clen + 8) * sizeof(WCHAR));
    size_t len = 0, root;
    const WCHAR *p = path;
    if (n >= 4 && is_sep(p[0]) && is_sep(p[1]) && (p[2] == '?' || p[2] == '.') && is_sep(p[3])) {
        /* \\?\ and \\.\ paths are taken as they are. */
        memcpy(buf, path, (n + 1) * sizeof(WCHAR));
        return buf;
    }
    if (n >= 2 && p[1] == ':') {
        buf[0] = wchar_upper(p[0]);
        buf[1] = ':';
        len = 2;
        p += 2;
        if (!is_sep(*p)) {
            /* "C:foo" is relative to the drive's current folder: ours only
             * when the drive is the current one. */
            if (wchar_upper(cwd[0]) == buf[0]) {
                memcpy(buf, cwd, clen * sizeof(WCHAR));
                len = clen;
            }
            buf[len++] = '\\';
        }
    } else if (n >= 2 && is_sep(p[0]) && is_sep(p[1])) {
        buf[len++] = '\\';
        buf[len++] = '\\';
        p += 2;
    } else if (is_sep(p[0])) {
        buf[0] = cwd[0];
        buf[1] = ':';
        len = 2;
    } else {
        memcpy(buf, cwd, clen * sizeof(WCHAR));
        len = clen;
        buf[len++] = '\\';
    }
    root = len >= 2 && buf[1] == ':' ? 3 : len;
    for (; *p; p++) {
        if (is_sep(*p)) {
            if (len == 0 || buf[len - 1] != '\\')
                buf[len++] = '\\';
            continue;
        }
        const WCHAR *e = p;
        while (*e && !is_sep(*e))
            e++;
        size_t clen2 = e - p;
        if (clen2 == 1 && p[0] == '.') {
            p = e - 1;
            continue;
        }
        if (clen2 == 2 && p[0] == '.' && p[1] == '.') {
            if (len > root && buf[len - 1] == '\\')
                len--;
            while (len > root && buf[len - 1] != '\\')
                len--;
            if (len < root)
                len = root;
            p = e - 1;
            continue;
        }
        memcpy(buf + len, p, clen2 * sizeof(WCHAR));
        len += clen2;
        p = e - 1;
    }
    if (len == 2 && buf[1] == ':')
        buf[len++] = '\\';
    /* Trailing dots and spaces of the last component go, as on Windows. */
    while (len > root && (buf[len - 1] == '.' || buf[len - 1] == ' ') && buf[len - 2] != '\\')
        len--;
    buf[len] = 0;
    return buf;
}

DWORD WINAPI GetFullPathNameW(const WCHAR *name, DWORD size, WCHAR *buf, WCHAR **file_part)
{
    if (!name || !*name) {
        SetLastError(ERROR_INVALID_NAME);
        return 0;
    }
    WCHAR *full = full_path_name(name);
    if (!full) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return 0;
    }
    DWORD n = (DWORD)wstr_len(full);
    if (!buf || size <= n) {
        free(full);
        return n + 1;
    }
    memcpy(buf, full, (n + 1) * sizeof(WCHAR));
    free(full);
    if (file_part) {
        WCHAR *last = NULL;
        for (WCHAR *c = buf; *c; c++)
            if (*c == '\\')
                last = c + 1;
        *file_part = last && *last ? last : NULL;
    }
    return n;
}

DWORD WINAPI GetFullPathNameA(const char *name, DWORD size, char *buf, char **file_part)
{
    if (!name || !*name) {
        SetLastError(ERROR_INVALID_NAME);
        return 0;
    }
    WCHAR *w = ansi_to_wstr(name);
    WCHAR *full = full_path_name(w);
    free(w);
    if (!full) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return 0;
    }
    DWORD need = (DWORD)wstr_to_ansi_buf(full, NULL, 0);
    if (buf && size > need)
        wstr_to_ansi_buf(full, buf, size);
    free(full);
    if (!buf || size <= need)
        return need + 1;
    if (file_part) {
        char *last = strrchr(buf, '\\');
        *file_part = last && last[1] ? last + 1 : NULL;
    }
    return need;
}

/* There are no 8.3 names: the long name is the short name. Both check
 * that the file exists, as Windows does. */
DWORD WINAPI GetLongPathNameW(const WCHAR *name, WCHAR *buf, DWORD size)
{
    if (!name) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (GetFileAttributesW(name) == INVALID_FILE_ATTRIBUTES)
        return 0;
    DWORD n = (DWORD)wstr_len(name);
    if (!buf || size <= n)
        return n + 1;
    memmove(buf, name, (n + 1) * sizeof(WCHAR));
    return n;
}

DWORD WINAPI GetShortPathNameW(const WCHAR *name, WCHAR *buf, DWORD size)
{
    return GetLongPathNameW(name, buf, size);
}

DWORD WINAPI GetLongPathNameA(const char *name, char *buf, DWORD size)
{
    if (GetFileAttributesA(name) == INVALID_FILE_ATTRIBUTES)
        return 0;
    DWORD n = (DWORD)strlen(name);
    if (!buf || size <= n)
        return n + 1;
    memmove(buf, name, n + 1);
    return n;
}

DWORD WINAPI GetShortPathNameA(const char *name, char *buf, DWORD size)
{
    return GetLongPathNameA(name, buf, size);
}
