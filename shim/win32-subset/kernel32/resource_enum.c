/* EnumResourceTypes, EnumResourceNames, EnumResourceLanguages: one walk
 * of the tree, whose callbacks get names as NUL-terminated strings (or
 * MAKEINTRESOURCE IDs), wide or ANSI. */
#include <stdlib.h>
#include <string.h>
#include "kernel32.spec.h"
#include "kernel32_private.h"
#include "lv/w32error.h"

enum walk_level { WALK_TYPES, WALK_NAMES, WALK_LANGS };

struct walk {
    enum walk_level level;
    bool ansi;
    HMODULE h;
    const void *type, *name; /* as the caller gave them */
    void *callback;
    LONG_PTR param;
};

/* A key as a callback argument: the ID, or a copy of the name (malloc). */
static void *key_arg(const struct pe_res_key *k, bool ansi)
{
    if (!k->name)
        return (void *)(uintptr_t)k->id;
    WCHAR *w = malloc((k->len + 1) * sizeof(WCHAR));
    if (!w)
        return NULL;
    memcpy(w, k->name, k->len * sizeof(WCHAR));
    w[k->len] = 0;
    if (!ansi)
        return w;
    size_t need = wstr_to_ansi_buf(w, NULL, 0) + 1;
    char *a = malloc(need);
    if (a)
        wstr_to_ansi_buf(w, a, need);
    free(w);
    return a;
}

static int walk_one(const struct pe_res_key *k, void *ctx)
{
    struct walk *w = ctx;
    BOOL go;
    if (w->level == WALK_LANGS) {
        go = w->ansi ? ((ENUMRESLANGPROCA)w->callback)(w->h, w->type, w->name, k->id, w->param)
                     : ((ENUMRESLANGPROCW)w->callback)(w->h, w->type, w->name, k->id, w->param);
        return !go;
    }
    void *arg = key_arg(k, w->ansi);
    if (k->name && !arg)
        return 0;
    if (w->level == WALK_TYPES)
        go = w->ansi ? ((ENUMRESTYPEPROCA)w->callback)(w->h, arg, w->param)
                     : ((ENUMRESTYPEPROCW)w->callback)(w->h, arg, w->param);
    else
        go = w->ansi ? ((ENUMRESNAMEPROCA)w->callback)(w->h, w->type, arg, w->param)
                     : ((ENUMRESNAMEPROCW)w->callback)(w->h, w->type, arg, w->param);
    if (k->name)
        free(arg);
    return !go;
}

/* type and name are wide here (converted for the A functions); w keeps
 * what the callback is to see. */
static BOOL walk(struct walk *w, const WCHAR *type, const WCHAR *name)
{
    struct pe_resources r;
    struct pe_res_key path[2];
    if (!w->callback) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!w32_res_tree(w->h, &r)) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    if (w->level >= WALK_NAMES && !w32_res_key(type, &path[0])) {
        SetLastError(ERROR_RESOURCE_TYPE_NOT_FOUND);
        return FALSE;
    }
    if (w->level == WALK_LANGS && !w32_res_key(name, &path[1])) {
        SetLastError(ERROR_RESOURCE_NAME_NOT_FOUND);
        return FALSE;
    }
    int stopped;
    enum pe_res_status st = pe_resource_enum(&r, path, (int)w->level, walk_one, w, &stopped);
    if (st != PE_RES_OK) {
        SetLastError(w32_res_error(st));
        return FALSE;
    }
    if (stopped) {
        SetLastError(ERROR_RESOURCE_ENUM_USER_STOP);
        return FALSE;
    }
    return TRUE;
}

BOOL WINAPI EnumResourceTypesW(HMODULE h, ENUMRESTYPEPROCW cb, LONG_PTR param)
{
    struct walk w = { WALK_TYPES, false, h, NULL, NULL, (void *)cb, param };
    return walk(&w, NULL, NULL);
}

BOOL WINAPI EnumResourceTypesA(HMODULE h, ENUMRESTYPEPROCA cb, LONG_PTR param)
{
    struct walk w = { WALK_TYPES, true, h, NULL, NULL, (void *)cb, param };
    return walk(&w, NULL, NULL);
}

BOOL WINAPI EnumResourceNamesW(HMODULE h, const WCHAR *type, ENUMRESNAMEPROCW cb,
                               LONG_PTR param)
{
    struct walk w = { WALK_NAMES, false, h, type, NULL, (void *)cb, param };
    return walk(&w, type, NULL);
}

BOOL WINAPI EnumResourceNamesA(HMODULE h, const char *type, ENUMRESNAMEPROCA cb,
                               LONG_PTR param)
{
    struct walk w = { WALK_NAMES, true, h, type, NULL, (void *)cb, param };
    WCHAR *wtype = w32_res_name_from_ansi(type);
    BOOL ok = walk(&w, wtype, NULL);
    w32_res_free_name(wtype);
    return ok;
}

BOOL WINAPI EnumResourceLanguagesW(HMODULE h, const WCHAR *type, const WCHAR *name,
                                   ENUMRESLANGPROCW cb, LONG_PTR param)
{
    struct walk w = { WALK_LANGS, false, h, type, name, (void *)cb, param };
    return walk(&w, type, name);
}

BOOL WINAPI EnumResourceLanguagesA(HMODULE h, const char *type, const char *name,
                                   ENUMRESLANGPROCA cb, LONG_PTR param)
{
    struct walk w = { WALK_LANGS, true, h, type, name, (void *)cb, param };
    WCHAR *wtype = w32_res_name_from_ansi(type), *wname = w32_res_name_from_ansi(name);
    BOOL ok = walk(&w, wtype, wname);
    w32_res_free_name(wtype);
    w32_res_free_name(wname);
    return ok;
}
