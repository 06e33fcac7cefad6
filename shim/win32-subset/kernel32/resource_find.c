/* Resources of loaded modules: FindResource, LoadResource, SizeofResource.
 * An HRSRC is the resource's data entry in the image, an HGLOBAL its
 * bytes, as on Windows. */
#include <stdlib.h>
#include <string.h>
#include "kernel32.spec.h"
#include "kernel32_private.h"
#include "lv/module.h"
#include "lv/w32error.h"
#include "lv/wstr.h"

#define IS_INTRESOURCE(p) ((uintptr_t)(p) < 0x10000)
/* MAKELANGID(primary, SUBLANG_NEUTRAL) is the primary language alone. */
#define PRIMARY_LANG(l) ((l) & 0x3ff)
#define LANG_ENGLISH_US 0x0409
#define LANG_ENGLISH 0x0009

bool w32_res_tree(HMODULE h, struct pe_resources *r)
{
    struct module *mod = h ? module_by_handle(h) : module_exe();
    if (!mod)
        return false;
    uint32_t size = 0;
    const void *dir = pe_dir(mod, PE_DIR_RESOURCE, &size);
    pe_resources_of_image(r, mod->base, mod->size, dir, size);
    return true;
}

bool w32_res_key(const WCHAR *s, struct pe_res_key *key)
{
    memset(key, 0, sizeof *key);
    if (IS_INTRESOURCE(s)) {
        key->id = (uint16_t)(uintptr_t)s;
        return true;
    }
    if (s[0] != '#') {
        key->name = (const uint16_t *)s;
        key->len = (uint32_t)wstr_len(s);
        return true;
    }
    uint32_t id = 0;
    const WCHAR *p = s + 1;
    for (; *p >= '0' && *p <= '9' && id <= 0xffff; p++)
        id = id * 10 + (*p - '0');
    if (p == s + 1 || *p || id > 0xffff)
        return false;
    key->id = (uint16_t)id;
    return true;
}

/* A malformed tree answers as one without the resource would. */
DWORD w32_res_error(enum pe_res_status st)
{
    switch (st) {
    case PE_RES_NO_TYPE: return ERROR_RESOURCE_TYPE_NOT_FOUND;
    case PE_RES_NO_NAME: return ERROR_RESOURCE_NAME_NOT_FOUND;
    case PE_RES_NO_LANG: return ERROR_RESOURCE_LANG_NOT_FOUND;
    default: return ERROR_RESOURCE_DATA_NOT_FOUND;
    }
}

WCHAR *w32_res_name_from_ansi(const char *s)
{
    return IS_INTRESOURCE(s) ? (WCHAR *)s : ansi_to_wstr(s);
}

void w32_res_free_name(WCHAR *w)
{
    if (!IS_INTRESOURCE(w))
        free(w);
}

/* The languages tried in order before the first one present: the one
 * asked for, its neutral sublanguage, neutral; for a neutral request the
 * thread's and user's language, then English. */
static size_t language_order(WORD lang, uint16_t *out)
{
    size_t n = 0;
    out[n++] = lang;
    out[n++] = PRIMARY_LANG(lang);
    out[n++] = 0;
    if (PRIMARY_LANG(lang) == 0) {
        WORD user = (WORD)GetThreadLocale();
        out[n++] = user;
        out[n++] = PRIMARY_LANG(user);
        out[n++] = GetUserDefaultLangID();
        out[n++] = LANG_ENGLISH_US;
        out[n++] = LANG_ENGLISH;
    }
    return n;
}

void *WINAPI FindResourceExW(HMODULE h, const WCHAR *type, const WCHAR *name, WORD lang)
{
    struct pe_resources r;
    struct pe_res_key tkey, nkey;
    if (!w32_res_tree(h, &r)) {
        SetLastError(ERROR_INVALID_HANDLE);
        return NULL;
    }
    if (!w32_res_key(type, &tkey)) {
        SetLastError(ERROR_RESOURCE_TYPE_NOT_FOUND);
        return NULL;
    }
    if (!w32_res_key(name, &nkey)) {
        SetLastError(ERROR_RESOURCE_NAME_NOT_FOUND);
        return NULL;
    }
    uint16_t langs[8];
    size_t nlangs = language_order(lang, langs);
    const struct pe_resource_data_entry *entry;
    enum pe_res_status st = pe_resource_find(&r, &tkey, &nkey, langs, nlangs, &entry);
    if (st != PE_RES_OK) {
        SetLastError(w32_res_error(st));
        return NULL;
    }
    return (void *)entry;
}

void *WINAPI FindResourceExA(HMODULE h, const char *type, const char *name, WORD lang)
{
    WCHAR *wtype = w32_res_name_from_ansi(type), *wname = w32_res_name_from_ansi(name);
    void *res = FindResourceExW(h, wtype, wname, lang);
    w32_res_free_name(wtype);
    w32_res_free_name(wname);
    return res;
}

/* FindResource takes the name before the type, FindResourceEx after. */
void *WINAPI FindResourceW(HMODULE h, const WCHAR *name, const WCHAR *type)
{
    return FindResourceExW(h, type, name, 0);
}

void *WINAPI FindResourceA(HMODULE h, const char *name, const char *type)
{
    return FindResourceExA(h, type, name, 0);
}

static const void *resource_bytes(HMODULE h, void *res, uint32_t *size)
{
    struct pe_resources r;
    const void *data = NULL;
    if (res && w32_res_tree(h, &r))
        data = pe_resource_data(&r, res, size);
    if (!data)
        SetLastError(ERROR_RESOURCE_DATA_NOT_FOUND);
    return data;
}

void *WINAPI LoadResource(HMODULE h, void *res)
{
    return (void *)resource_bytes(h, res, NULL);
}

void *WINAPI LockResource(void *loaded)
{
    return loaded;
}

DWORD WINAPI SizeofResource(HMODULE h, void *res)
{
    uint32_t size = 0;
    resource_bytes(h, res, &size);
    return size;
}

/* Resources live as long as their module: nothing to free. Windows
 * answers FALSE here too. */
BOOL WINAPI FreeResource(void *loaded)
{
    (void)loaded;
    return FALSE;
}
