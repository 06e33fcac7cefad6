/* Listing subkeys and values, and what RegQueryInfoKey tells of a key. */
#include <stdlib.h>
#include <string.h>
#include "advapi32.spec.h"
#include "lv/wstr.h"
#include "reg_private.h"

/* A name to a caller's buffer of *len characters (terminator included);
 * *len becomes the characters copied, without the terminator. */
static LSTATUS give_name(const char *name, void *buf, DWORD *len, bool ansi)
{
    WCHAR *w = utf8_to_wstr(name);
    size_t n = wstr_len(w), size = n * sizeof(WCHAR);
    void *src = w;
    char *a = NULL;
    if (ansi)
        src = a = reg_wstr_to_ansi(w, n, &size);
    size_t chars = ansi ? size : n;
    LSTATUS err = ERROR_MORE_DATA;
    if (chars < *len) {
        memcpy(buf, src, size);
        memset((char *)buf + size, 0, ansi ? 1 : sizeof(WCHAR));
        *len = (DWORD)chars;
        err = ERROR_SUCCESS;
    }
    free(w);
    free(a);
    return err;
}

static LSTATUS enum_key(HKEY h, DWORD index, void *name, DWORD *len, DWORD *reserved,
                        void *cls, DWORD *cls_len, FILETIME *ft, bool ansi)
{
    if (!name || !len || reserved)
        return ERROR_INVALID_PARAMETER;
    struct regkey key;
    struct reg_key_info info = { 0 };
    char *sub = NULL;
    reg_id id;
    DWORD err = reg_begin(false);
    if (err)
        return err;
    err = regkey_resolve(h, KEY_ENUMERATE_SUB_KEYS, &key);
    if (!err)
        err = reg_key_enum(key.id, index, &sub, &id);
    if (!err && ft)
        err = reg_key_info(id, &info);
    err = reg_end(err);
    if (!err)
        err = give_name(sub, name, len, ansi);
    if (!err && cls_len) {
        if (cls && *cls_len)
            memset(cls, 0, ansi ? 1 : sizeof(WCHAR));
        *cls_len = 0;
    }
    if (!err && ft) {
        ft->dwLowDateTime = (DWORD)info.mtime;
        ft->dwHighDateTime = (DWORD)((uint64_t)info.mtime >> 32);
    }
    free(sub);
    return err;
}

LSTATUS WINAPI RegEnumKeyExW(HKEY h, DWORD index, WCHAR *name, DWORD *len, DWORD *reserved,
                             WCHAR *cls, DWORD *cls_len, FILETIME *ft)
{
    return enum_key(h, index, name, len, reserved, cls, cls_len, ft, false);
}

LSTATUS WINAPI RegEnumKeyExA(HKEY h, DWORD index, char *name, DWORD *len, DWORD *reserved,
                             char *cls, DWORD *cls_len, FILETIME *ft)
{
    return enum_key(h, index, name, len, reserved, cls, cls_len, ft, true);
}

LSTATUS WINAPI RegEnumKeyW(HKEY h, DWORD index, WCHAR *name, DWORD len)
{
    return enum_key(h, index, name, &len, NULL, NULL, NULL, NULL, false);
}

LSTATUS WINAPI RegEnumKeyA(HKEY h, DWORD index, char *name, DWORD len)
{
    return enum_key(h, index, name, &len, NULL, NULL, NULL, NULL, true);
}

/* As Windows, a name or data too small for the buffer gives ERROR_MORE_DATA
 * with the type and the data size still told. */
static LSTATUS enum_value(HKEY h, DWORD index, void *name, DWORD *len, DWORD *reserved,
                          DWORD *type, BYTE *data, DWORD *count, bool ansi)
{
    if (!len || (data && !count) || reserved)
        return ERROR_INVALID_PARAMETER;
    struct regkey key;
    struct reg_value v = { 0 };
    DWORD err = reg_begin(false);
    if (err)
        return err;
    err = regkey_resolve(h, KEY_QUERY_VALUE, &key);
    if (!err)
        err = reg_value_enum(key.id, index, &v);
    err = reg_end(err);
    if (!err && ansi)
        reg_value_to_ansi(&v);
    if (!err && name)
        err = give_name(v.name, name, len, ansi);
    if (!err) {
        err = reg_give_data(&v, ansi ? 1 : sizeof(WCHAR), type, data, count);
    } else if (err == ERROR_MORE_DATA) {
        if (type)
            *type = v.type;
        if (count)
            *count = (DWORD)v.size;
    }
    reg_value_free(&v);
    return err;
}

LSTATUS WINAPI RegEnumValueW(HKEY h, DWORD index, WCHAR *name, DWORD *len, DWORD *reserved,
                             DWORD *type, BYTE *data, DWORD *count)
{
    return enum_value(h, index, name, len, reserved, type, data, count, false);
}

LSTATUS WINAPI RegEnumValueA(HKEY h, DWORD index, char *name, DWORD *len, DWORD *reserved,
                             DWORD *type, BYTE *data, DWORD *count)
{
    return enum_value(h, index, name, len, reserved, type, data, count, true);
}

/* Keys have no class and lvrun keeps no security descriptors: both are
 * told as empty. The A form tells name lengths in UTF-8 bytes, enough for
 * the names in any ANSI code page lvrun has. */
static LSTATUS query_info(HKEY h, void *cls, DWORD *cls_len, DWORD *reserved, DWORD *subkeys,
                          DWORD *max_subkey, DWORD *max_class, DWORD *values,
                          DWORD *max_value_name, DWORD *max_value, DWORD *security,
                          FILETIME *ft, bool ansi)
{
    if (reserved || (cls && !cls_len))
        return ERROR_INVALID_PARAMETER;
    struct regkey key;
    struct reg_key_info info;
    DWORD err = reg_begin(false);
    if (err)
        return err;
    err = regkey_resolve(h, KEY_QUERY_VALUE, &key);
    if (!err)
        err = reg_key_info(key.id, &info);
    err = reg_end(err);
    if (err)
        return err;
    if (cls_len) {
        if (cls && *cls_len)
            memset(cls, 0, ansi ? 1 : sizeof(WCHAR));
        *cls_len = 0;
    }
    if (subkeys)
        *subkeys = info.subkeys;
    if (max_subkey)
        *max_subkey = ansi ? info.max_subkey_size : info.max_subkey_len;
    if (max_class)
        *max_class = 0;
    if (values)
        *values = info.values;
    if (max_value_name)
        *max_value_name = ansi ? info.max_value_name_size : info.max_value_name_len;
    if (max_value)
        *max_value = info.max_value_size;
    if (security)
        *security = 0;
    if (ft) {
        ft->dwLowDateTime = (DWORD)info.mtime;
        ft->dwHighDateTime = (DWORD)((uint64_t)info.mtime >> 32);
    }
    return ERROR_SUCCESS;
}

LSTATUS WINAPI RegQueryInfoKeyW(HKEY h, WCHAR *cls, DWORD *cls_len, DWORD *reserved,
                                DWORD *subkeys, DWORD *max_subkey, DWORD *max_class,
                                DWORD *values, DWORD *max_value_name, DWORD *max_value,
                                DWORD *security, FILETIME *ft)
{
    return query_info(h, cls, cls_len, reserved, subkeys, max_subkey, max_class, values,
                      max_value_name, max_value, security, ft, false);
}

LSTATUS WINAPI RegQueryInfoKeyA(HKEY h, char *cls, DWORD *cls_len, DWORD *reserved,
                                DWORD *subkeys, DWORD *max_subkey, DWORD *max_class,
                                DWORD *values, DWORD *max_value_name, DWORD *max_value,
                                DWORD *security, FILETIME *ft)
{
    return query_info(h, cls, cls_len, reserved, subkeys, max_subkey, max_class, values,
                      max_value_name, max_value, security, ft, true);
}
