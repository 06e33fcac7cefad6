/* HKEYs: the predefined keys (0x80000000 + n, sign-extended as winreg.h
 * writes them) and handles in the process's handle table, so that
 * CloseHandle and handle values behave as on Windows. */
#include <stdlib.h>
#include <string.h>
#include "advapi32.spec.h"
#include "kernel32.spec.h"
#include "lv/wstr.h"
#include "reg_private.h"

#define CP_ACP 0

struct regkey_object {
    struct object obj;
    struct regkey key;
};

static void regkey_destroy(struct object *obj)
{
    free(obj);
}

static const char *predefined_name(HKEY h)
{
    static const char *const names[] = {
        "HKEY_CLASSES_ROOT", "HKEY_CURRENT_USER", "HKEY_LOCAL_MACHINE",
        "HKEY_USERS", NULL, "HKEY_CURRENT_CONFIG",
    };
    uint64_t v = (uintptr_t)h;
    if (v >> 32 && v >> 32 != 0xffffffffu)
        return NULL;
    v &= 0xffffffffu;
    return v >= 0x80000000u && v <= 0x80000005u ? names[v - 0x80000000u] : NULL;
}

bool regkey_is_predefined(HKEY h)
{
    uint64_t v = (uintptr_t)h & 0xffffffffu;
    return v >= 0x80000000u && v <= 0x80000006u &&
           (!((uintptr_t)h >> 32) || (uintptr_t)h >> 32 == 0xffffffffu);
}

DWORD regkey_resolve(HKEY h, DWORD need, struct regkey *out)
{
    const char *root = predefined_name(h);
    if (root) {
        out->access = KEY_ALL_ACCESS;
        return reg_key_by_name(root, false, &out->id);
    }
    if (regkey_is_predefined(h))
        return ERROR_INVALID_HANDLE;
    struct object *obj = handle_table_get(h, OBJ_REGKEY);
    if (!obj)
        return ERROR_INVALID_HANDLE;
    *out = ((struct regkey_object *)obj)->key;
    object_release(obj);
    return (out->access & need) == need ? ERROR_SUCCESS : ERROR_ACCESS_DENIED;
}

static DWORD map_access(REGSAM access)
{
    DWORD a = access & ~(KEY_WOW64_64KEY | KEY_WOW64_32KEY);
    if (a & (KEY_MAXIMUM_ALLOWED | KEY_GENERIC_ALL))
        a |= KEY_ALL_ACCESS;
    if (a & (KEY_GENERIC_READ | KEY_GENERIC_EXECUTE))
        a |= KEY_READ;
    if (a & KEY_GENERIC_WRITE)
        a |= KEY_WRITE;
    return a & KEY_ALL_ACCESS;
}

DWORD regkey_new_handle(reg_id key, REGSAM access, HKEY *out)
{
    struct regkey_object *k = malloc(sizeof *k);
    if (!k)
        return ERROR_NOT_ENOUGH_MEMORY;
    object_init(&k->obj, OBJ_REGKEY, regkey_destroy);
    k->key.id = key;
    k->key.access = map_access(access);
    HKEY h = handle_table_insert(&k->obj, false);
    object_release(&k->obj);
    if (!h)
        return ERROR_TOO_MANY_OPEN_FILES;
    *out = h;
    return ERROR_SUCCESS;
}

char *reg_name_w(const WCHAR *s)
{
    return wstr_to_utf8(s);
}

WCHAR *reg_ansi_to_wstr(const char *s, size_t len, size_t *units)
{
    if (!s)
        return NULL;
    int n = len ? MultiByteToWideChar(CP_ACP, 0, s, (int)len, NULL, 0) : 0;
    WCHAR *w = calloc((size_t)n + 1, sizeof *w);
    if (n)
        MultiByteToWideChar(CP_ACP, 0, s, (int)len, w, n);
    if (units)
        *units = (size_t)n;
    return w;
}

char *reg_name_a(const char *s)
{
    if (!s)
        return NULL;
    WCHAR *w = reg_ansi_to_wstr(s, strlen(s), NULL);
    char *u = wstr_to_utf8(w);
    free(w);
    return u;
}

char *reg_wstr_to_ansi(const WCHAR *w, size_t units, size_t *size)
{
    int n = units ? WideCharToMultiByte(CP_ACP, 0, w, (int)units, NULL, 0, NULL, NULL) : 0;
    char *a = malloc((size_t)n + 1);
    if (n)
        WideCharToMultiByte(CP_ACP, 0, w, (int)units, a, n, NULL, NULL);
    a[n] = 0;
    *size = (size_t)n;
    return a;
}

LSTATUS WINAPI RegCloseKey(HKEY h)
{
    if (regkey_is_predefined(h))
        return ERROR_SUCCESS;
    struct object *obj = handle_table_get(h, OBJ_REGKEY);
    if (!obj)
        return ERROR_INVALID_HANDLE;
    object_release(obj);
    return handle_table_close(h) ? ERROR_SUCCESS : ERROR_INVALID_HANDLE;
}

LSTATUS WINAPI RegFlushKey(HKEY h)
{
    struct regkey key;
    DWORD err = reg_begin(false);
    if (err)
        return err;
    err = reg_end(regkey_resolve(h, 0, &key));
    return err ? err : reg_flush();
}
