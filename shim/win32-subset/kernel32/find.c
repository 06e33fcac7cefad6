/* FindFirstFile and friends: a folder's entries filtered by a Windows
 * wildcard pattern, compared case-insensitively. There are no 8.3 short
 * names, so "*.htm" does not match "x.html" as it can on Windows volumes
 * that keep short names. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "kernel32.spec.h"
#include "kernel32_private.h"
#include "lv/path.h"
#include "lv/w32error.h"
#include "lv/wstr.h"

struct find_object {
    struct object obj;
    DIR *dir;
    char *folder;   /* host path */
    WCHAR *pattern;
    bool is_root;   /* a drive's root lists no "." and ".." */
};

static void find_destroy(struct object *obj)
{
    struct find_object *f = (struct find_object *)obj;
    if (f->dir)
        closedir(f->dir);
    free(f->folder);
    free(f->pattern);
    free(f);
}

static bool wcs_has_dot(const WCHAR *s)
{
    for (; *s; s++)
        if (*s == '.')
            return true;
    return false;
}

/* Windows wildcards: '*' any run, '?' one character (or none at the end
 * of the name, DOS-style), and a final ".*" also matches a name without
 * a dot ("foo.*" finds "foo"). */
static bool wild_match(const WCHAR *p, const WCHAR *s)
{
    for (; *p; p++, s++) {
        if (*p == '*') {
            while (*p == '*')
                p++;
            if (!*p)
                return true;
            if (p[0] == '.' && p[1] == '*' && !p[2] && !wcs_has_dot(s))
                return true;
            for (; *s; s++)
                if (wild_match(p, s))
                    return true;
            return wild_match(p, s);
        }
        if (*p == '?') {
            if (!*s) {
                while (*p == '?')
                    p++;
                return !*p;
            }
            continue;
        }
        if (!*s) {
            /* "name.*" and "name." match "name". */
            return (p[0] == '.' && (!p[1] || (p[1] == '*' && !p[2])));
        }
        if (wchar_upper(*p) != wchar_upper(*s))
            return false;
    }
    return !*s;
}

static bool is_all_pattern(const WCHAR *p)
{
    return !wstr_cmp(p, u"*") || !wstr_cmp(p, u"*.*");
}

static void fill_data(WIN32_FIND_DATAW *data, const struct stat *st, FILETIME creation,
                      const char *name)
{
    memset(data, 0, sizeof *data);
    data->dwFileAttributes = file_attributes_from_stat(st);
    data->ftCreationTime = creation;
    data->ftLastAccessTime = filetime_from_timespec(st->st_atim);
    data->ftLastWriteTime = filetime_from_timespec(st->st_mtim);
    if (!S_ISDIR(st->st_mode)) {
        data->nFileSizeHigh = (DWORD)((uint64_t)st->st_size >> 32);
        data->nFileSizeLow = (DWORD)st->st_size;
    }
    utf8_to_utf16(name, strlen(name) + 1, data->cFileName, MAX_PATH, NULL);
    data->cFileName[MAX_PATH - 1] = 0;
}

static bool find_next(struct find_object *f, WIN32_FIND_DATAW *data)
{
    struct dirent *e;
    while ((e = readdir(f->dir))) {
        if (f->is_root && (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")))
            continue;
        /* A name is at most NAME_MAX bytes, so as many UTF-16 units. */
        WCHAR wname[NAME_MAX + 1];
        utf8_to_utf16(e->d_name, strlen(e->d_name) + 1, wname, NAME_MAX + 1, NULL);
        wname[NAME_MAX] = 0;
        if (!is_all_pattern(f->pattern) && !wild_match(f->pattern, wname))
            continue;
        struct stat st;
        FILETIME creation;
        /* Looked up in the folder being read, by its fd: no path to walk.
         * A dangling symlink is still listed, with its own attributes. */
        int r = file_stat_with_creation(dirfd(f->dir), e->d_name, 0, &st, &creation);
        if (r)
            r = file_stat_with_creation(dirfd(f->dir), e->d_name, AT_SYMLINK_NOFOLLOW, &st,
                                        &creation);
        if (r)
            continue;
        fill_data(data, &st, creation, e->d_name);
        return true;
    }
    return false;
}

HANDLE WINAPI FindFirstFileExW(const WCHAR *name, int level, void *out, int search_op,
                               void *filter, DWORD flags)
{
    (void)level, (void)search_op, (void)filter, (void)flags;
    if (!name || !*name) {
        SetLastError(ERROR_FILE_NOT_FOUND);
        return INVALID_HANDLE_VALUE;
    }
    /* Split into the folder (with its separator) and the pattern. */
    size_t n = wstr_len(name), cut = n;
    while (cut > 0 && name[cut - 1] != '\\' && name[cut - 1] != '/')
        cut--;
    if (cut == 0 && n >= 2 && name[1] == ':')
        cut = 2;
    const WCHAR *pattern = name + cut;
    if (!*pattern) {
        /* "dir\\" names no entry. */
        SetLastError(ERROR_FILE_NOT_FOUND);
        return INVALID_HANDLE_VALUE;
    }
    WCHAR *folder = malloc((cut + 2) * sizeof(WCHAR));
    memcpy(folder, name, cut * sizeof(WCHAR));
    if (cut == 0)
        folder[cut++] = '.';
    folder[cut] = 0;
    char *host = path_windows_to_host_w(folder);
    free(folder);
    struct stat st;
    if (!host || stat(host, &st) || !S_ISDIR(st.st_mode)) {
        free(host);
        SetLastError(ERROR_PATH_NOT_FOUND);
        return INVALID_HANDLE_VALUE;
    }
    struct find_object *f = calloc(1, sizeof *f);
    object_init(&f->obj, OBJ_FIND, find_destroy);
    f->folder = host;
    f->pattern = wstr_dup(pattern);
    f->is_root = !strcmp(host, "/") || path_is_drive_root(host);
    f->dir = opendir(host);
    WIN32_FIND_DATAW *data = out;
    if (!f->dir || !find_next(f, data)) {
        DWORD err = f->dir ? ERROR_FILE_NOT_FOUND : w32_error_from_errno(errno);
        object_release(&f->obj);
        SetLastError(err);
        return INVALID_HANDLE_VALUE;
    }
    HANDLE h = handle_table_insert(&f->obj, false);
    object_release(&f->obj);
    if (!h)
        return INVALID_HANDLE_VALUE;
    return h;
}

HANDLE WINAPI FindFirstFileW(const WCHAR *name, WIN32_FIND_DATAW *data)
{
    return FindFirstFileExW(name, 0, data, 0, NULL, 0);
}

BOOL WINAPI FindNextFileW(HANDLE h, WIN32_FIND_DATAW *data)
{
    struct find_object *f = (struct find_object *)handle_table_get(h, OBJ_FIND);
    if (!f)
        return FALSE;
    bool found = find_next(f, data);
    object_release(&f->obj);
    if (!found) {
        SetLastError(ERROR_NO_MORE_FILES);
        return FALSE;
    }
    return TRUE;
}

BOOL WINAPI FindClose(HANDLE h)
{
    struct object *obj = handle_table_get(h, OBJ_FIND);
    if (!obj)
        return FALSE;
    object_release(obj);
    return handle_table_close(h);
}

static void data_to_ansi(const WIN32_FIND_DATAW *w, WIN32_FIND_DATAA *a)
{
    memcpy(a, w, offsetof(WIN32_FIND_DATAA, cFileName));
    wstr_to_ansi_buf(w->cFileName, a->cFileName, sizeof a->cFileName);
    a->cAlternateFileName[0] = 0;
}

HANDLE WINAPI FindFirstFileA(const char *name, WIN32_FIND_DATAA *data)
{
    WIN32_FIND_DATAW w;
    WCHAR *wname = ansi_to_wstr(name);
    HANDLE h = FindFirstFileW(wname, &w);
    free(wname);
    if (h != INVALID_HANDLE_VALUE)
        data_to_ansi(&w, data);
    return h;
}

HANDLE WINAPI FindFirstFileExA(const char *name, int level, void *data, int search_op,
                               void *filter, DWORD flags)
{
    WIN32_FIND_DATAW w;
    WCHAR *wname = ansi_to_wstr(name);
    HANDLE h = FindFirstFileExW(wname, level, &w, search_op, filter, flags);
    free(wname);
    if (h != INVALID_HANDLE_VALUE)
        data_to_ansi(&w, data);
    return h;
}

BOOL WINAPI FindNextFileA(HANDLE h, WIN32_FIND_DATAA *data)
{
    WIN32_FIND_DATAW w;
    if (!FindNextFileW(h, &w))
        return FALSE;
    data_to_ansi(&w, data);
    return TRUE;
}
