/* Opening, creating and deleting keys. The A forms convert their names
 * and share the W forms' code. */
#include <stdlib.h>
#include "advapi32.spec.h"
#include "reg_private.h"

static bool is_classes_root(HKEY h)
{
    return ((uintptr_t)h & 0xffffffffu) == 0x80000000u && regkey_is_predefined(h);
}

static LSTATUS open_key(HKEY h, const char *name, REGSAM access, HKEY *out)
{
    if (!out)
        return ERROR_INVALID_PARAMETER;
    /* HKEY_CLASSES_ROOT alone takes a leading backslash, as on Windows. */
    if (name && *name == '\\' && is_classes_root(h))
        name++;
    struct regkey base;
    reg_id id;
    DWORD err = reg_begin(false);
    if (err)
        return err;
    err = regkey_resolve(h, 0, &base);
    if (!err)
        err = reg_key_open(base.id, name, &id);
    err = reg_end(err);
    return err ? err : regkey_new_handle(id, access, out);
}

static LSTATUS create_key(HKEY h, const char *name, DWORD reserved, REGSAM access,
                          HKEY *out, DWORD *disposition)
{
    if (reserved || !out)
        return ERROR_INVALID_PARAMETER;
    struct regkey base = { 0, 0 };
    reg_id id;
    bool created = false;
    DWORD err = reg_begin(true);
    if (err)
        return err;
    err = regkey_resolve(h, 0, &base);
    if (!err)
        err = reg_key_open(base.id, name, &id);
    if (err == ERROR_FILE_NOT_FOUND)
        err = (base.access & KEY_CREATE_SUB_KEY) ? reg_key_create(base.id, name, &id, &created)
                                                 : ERROR_ACCESS_DENIED;
    err = reg_end(err);
    if (!err)
        err = regkey_new_handle(id, access, out);
    if (!err && disposition)
        *disposition = created ? REG_CREATED_NEW_KEY : REG_OPENED_EXISTING_KEY;
    return err;
}

static LSTATUS delete_key(HKEY h, const char *name)
{
    if (!name)
        return ERROR_INVALID_PARAMETER;
    struct regkey base;
    reg_id id;
    DWORD err = reg_begin(true);
    if (err)
        return err;
    err = regkey_resolve(h, 0, &base);
    if (!err)
        err = reg_key_open(base.id, name, &id);
    if (!err)
        err = reg_key_delete(id);
    return reg_end(err);
}

static LSTATUS delete_tree(HKEY h, const char *name)
{
    struct regkey base;
    reg_id id;
    DWORD err = reg_begin(true);
    if (err)
        return err;
    err = regkey_resolve(h, name ? 0 : KEY_ENUMERATE_SUB_KEYS | KEY_QUERY_VALUE, &base);
    if (!err)
        err = reg_key_open(base.id, name, &id);
    if (!err)
        err = reg_key_delete_tree(id, name != NULL);
    return reg_end(err);
}

LSTATUS WINAPI RegOpenKeyExW(HKEY h, const WCHAR *name, DWORD options, REGSAM access, HKEY *out)
{
    (void)options;
    char *u = reg_name_w(name);
    LSTATUS err = open_key(h, u, access, out);
    free(u);
    return err;
}

LSTATUS WINAPI RegOpenKeyExA(HKEY h, const char *name, DWORD options, REGSAM access, HKEY *out)
{
    (void)options;
    char *u = reg_name_a(name);
    LSTATUS err = open_key(h, u, access, out);
    free(u);
    return err;
}

/* The old form hands back the same handle for an empty name. */
LSTATUS WINAPI RegOpenKeyW(HKEY h, const WCHAR *name, HKEY *out)
{
    if (!out)
        return ERROR_INVALID_PARAMETER;
    if (!name || !*name) {
        *out = h;
        return ERROR_SUCCESS;
    }
    return RegOpenKeyExW(h, name, 0, KEY_MAXIMUM_ALLOWED, out);
}

LSTATUS WINAPI RegOpenKeyA(HKEY h, const char *name, HKEY *out)
{
    if (!out)
        return ERROR_INVALID_PARAMETER;
    if (!name || !*name) {
        *out = h;
        return ERROR_SUCCESS;
    }
    return RegOpenKeyExA(h, name, 0, KEY_MAXIMUM_ALLOWED, out);
}

LSTATUS WINAPI RegOpenCurrentUser(REGSAM access, HKEY *out)
{
    return open_key((HKEY)(intptr_t)(int32_t)0x80000001u, NULL, access, out);
}

LSTATUS WINAPI RegCreateKeyExW(HKEY h, const WCHAR *name, DWORD reserved, WCHAR *cls,
                               DWORD options, REGSAM access, SECURITY_ATTRIBUTES *sa,
                               HKEY *out, DWORD *disposition)
{
    (void)cls, (void)options, (void)sa;
    char *u = reg_name_w(name);
    LSTATUS err = create_key(h, u, reserved, access, out, disposition);
    free(u);
    return err;
}

LSTATUS WINAPI RegCreateKeyExA(HKEY h, const char *name, DWORD reserved, char *cls,
                               DWORD options, REGSAM access, SECURITY_ATTRIBUTES *sa,
                               HKEY *out, DWORD *disposition)
{
    (void)cls, (void)options, (void)sa;
    char *u = reg_name_a(name);
    LSTATUS err = create_key(h, u, reserved, access, out, disposition);
    free(u);
    return err;
}

LSTATUS WINAPI RegCreateKeyW(HKEY h, const WCHAR *name, HKEY *out)
{
    return RegCreateKeyExW(h, name, 0, NULL, 0, KEY_MAXIMUM_ALLOWED, NULL, out, NULL);
}

LSTATUS WINAPI RegCreateKeyA(HKEY h, const char *name, HKEY *out)
{
    return RegCreateKeyExA(h, name, 0, NULL, 0, KEY_MAXIMUM_ALLOWED, NULL, out, NULL);
}

LSTATUS WINAPI RegDeleteKeyW(HKEY h, const WCHAR *name)
{
    char *u = reg_name_w(name);
    LSTATUS err = delete_key(h, u);
    free(u);
    return err;
}

LSTATUS WINAPI RegDeleteKeyA(HKEY h, const char *name)
{
    char *u = reg_name_a(name);
    LSTATUS err = delete_key(h, u);
    free(u);
    return err;
}

/* One registry view: the WOW64 flags choose nothing. */
LSTATUS WINAPI RegDeleteKeyExW(HKEY h, const WCHAR *name, REGSAM access, DWORD reserved)
{
    (void)access, (void)reserved;
    return RegDeleteKeyW(h, name);
}

LSTATUS WINAPI RegDeleteKeyExA(HKEY h, const char *name, REGSAM access, DWORD reserved)
{
    (void)access, (void)reserved;
    return RegDeleteKeyA(h, name);
}

LSTATUS WINAPI RegDeleteTreeW(HKEY h, const WCHAR *name)
{
    char *u = reg_name_w(name);
    LSTATUS err = delete_tree(h, u);
    free(u);
    return err;
}

LSTATUS WINAPI RegDeleteTreeA(HKEY h, const char *name)
{
    char *u = reg_name_a(name);
    LSTATUS err = delete_tree(h, u);
    free(u);
    return err;
}
