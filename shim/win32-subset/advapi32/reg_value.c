/* Reading, writing and deleting values. The A forms see string data in
 * the ANSI code page, converted on the way in and out. */
#include <stdlib.h>
#include <string.h>
#include "advapi32.spec.h"
#include "kernel32.spec.h"
#include "reg_private.h"

#define RRF_RT_REG_NONE 0x00000001
#define RRF_RT_REG_SZ 0x00000002
#define RRF_RT_REG_EXPAND_SZ 0x00000004
#define RRF_RT_REG_BINARY 0x00000008
#define RRF_RT_REG_DWORD 0x00000010
#define RRF_RT_REG_MULTI_SZ 0x00000020
#define RRF_RT_REG_QWORD 0x00000040
#define RRF_RT_DWORD (RRF_RT_REG_BINARY | RRF_RT_REG_DWORD)
#define RRF_RT_QWORD (RRF_RT_REG_BINARY | RRF_RT_REG_QWORD)
#define RRF_RT_ANY 0x0000ffff
#define RRF_NOEXPAND 0x10000000
#define RRF_ZEROONFAILURE 0x20000000

static bool is_string(DWORD type)
{
    return type == REG_SZ || type == REG_EXPAND_SZ || type == REG_MULTI_SZ;
}

/* The value name of h, or of its subkey when subkey names one. */
static DWORD get_value(HKEY h, const char *subkey, const char *name, struct reg_value *v)
{
    struct regkey key;
    DWORD err = reg_begin(false);
    if (err)
        return err;
    err = regkey_resolve(h, subkey && *subkey ? 0 : KEY_QUERY_VALUE, &key);
    if (!err && subkey && *subkey)
        err = reg_key_open(key.id, subkey, &key.id);
    if (!err)
        err = reg_value_get(key.id, name, v);
    return reg_end(err);
}

void reg_value_to_ansi(struct reg_value *v)
{
    if (!is_string(v->type))
        return;
    size_t size;
    char *a = reg_wstr_to_ansi(v->data, v->size / sizeof(WCHAR), &size);
    free(v->data);
    v->data = a;
    v->size = size;
}

LSTATUS reg_give_data(const struct reg_value *v, size_t unit, DWORD *type, BYTE *data,
                      DWORD *count)
{
    if (type)
        *type = v->type;
    if (!count)
        return ERROR_SUCCESS;
    if (data && v->size > *count) {
        *count = (DWORD)v->size;
        return ERROR_MORE_DATA;
    }
    if (data) {
        memcpy(data, v->data, v->size);
        /* A string stored without its terminator gets one where it fits. */
        if (is_string(v->type) && v->size >= unit && v->size + unit <= *count &&
            memcmp((char *)v->data + v->size - unit, "\0\0", unit))
            memset(data + v->size, 0, unit);
    }
    *count = (DWORD)v->size;
    return ERROR_SUCCESS;
}

static LSTATUS query_value(HKEY h, const char *name, DWORD *reserved, DWORD *type,
                           BYTE *data, DWORD *count, bool ansi)
{
    if ((data && !count) || reserved)
        return ERROR_INVALID_PARAMETER;
    struct reg_value v = { 0 };
    DWORD err = get_value(h, NULL, name, &v);
    if (!err) {
        if (ansi)
            reg_value_to_ansi(&v);
        err = reg_give_data(&v, ansi ? 1 : sizeof(WCHAR), type, data, count);
    }
    reg_value_free(&v);
    return err;
}

LSTATUS WINAPI RegQueryValueExW(HKEY h, const WCHAR *name, DWORD *reserved, DWORD *type,
                                BYTE *data, DWORD *count)
{
    char *u = reg_name_w(name);
    LSTATUS err = query_value(h, u, reserved, type, data, count, false);
    free(u);
    return err;
}

LSTATUS WINAPI RegQueryValueExA(HKEY h, const char *name, DWORD *reserved, DWORD *type,
                                BYTE *data, DWORD *count)
{
    char *u = reg_name_a(name);
    LSTATUS err = query_value(h, u, reserved, type, data, count, true);
    free(u);
    return err;
}

static LSTATUS set_value(HKEY h, const char *name, DWORD type, const void *data, size_t size)
{
    struct regkey key;
    DWORD err = reg_begin(true);
    if (err)
        return err;
    err = regkey_resolve(h, KEY_SET_VALUE, &key);
    if (!err)
        err = reg_value_set(key.id, name, type, data, size);
    return reg_end(err);
}

LSTATUS WINAPI RegSetValueExW(HKEY h, const WCHAR *name, DWORD reserved, DWORD type,
                              const BYTE *data, DWORD count)
{
    (void)reserved;
    if (!data && count)
        return ERROR_NOACCESS;
    char *u = reg_name_w(name);
    LSTATUS err = set_value(h, u, type, data, count);
    free(u);
    return err;
}

LSTATUS WINAPI RegSetValueExA(HKEY h, const char *name, DWORD reserved, DWORD type,
                              const BYTE *data, DWORD count)
{
    (void)reserved;
    if (!data && count)
        return ERROR_NOACCESS;
    char *u = reg_name_a(name);
    LSTATUS err;
    if (is_string(type) && count) {
        size_t units;
        WCHAR *w = reg_ansi_to_wstr((const char *)data, count, &units);
        err = set_value(h, u, type, w, units * sizeof(WCHAR));
        free(w);
    } else {
        err = set_value(h, u, type, data, count);
    }
    free(u);
    return err;
}

static LSTATUS delete_value(HKEY h, const char *subkey, const char *name)
{
    struct regkey key;
    DWORD err = reg_begin(true);
    if (err)
        return err;
    err = regkey_resolve(h, subkey && *subkey ? 0 : KEY_SET_VALUE, &key);
    if (!err && subkey && *subkey)
        err = reg_key_open(key.id, subkey, &key.id);
    if (!err)
        err = reg_value_delete(key.id, name);
    return reg_end(err);
}

LSTATUS WINAPI RegDeleteValueW(HKEY h, const WCHAR *name)
{
    char *u = reg_name_w(name);
    LSTATUS err = delete_value(h, NULL, u);
    free(u);
    return err;
}

LSTATUS WINAPI RegDeleteValueA(HKEY h, const char *name)
{
    char *u = reg_name_a(name);
    LSTATUS err = delete_value(h, NULL, u);
    free(u);
    return err;
}

LSTATUS WINAPI RegDeleteKeyValueW(HKEY h, const WCHAR *subkey, const WCHAR *name)
{
    char *s = reg_name_w(subkey), *u = reg_name_w(name);
    LSTATUS err = delete_value(h, s, u);
    free(s);
    free(u);
    return err;
}

LSTATUS WINAPI RegDeleteKeyValueA(HKEY h, const char *subkey, const char *name)
{
    char *s = reg_name_a(subkey), *u = reg_name_a(name);
    LSTATUS err = delete_value(h, s, u);
    free(s);
    free(u);
    return err;
}

LSTATUS WINAPI RegSetKeyValueW(HKEY h, const WCHAR *subkey, const WCHAR *name, DWORD type,
                               const void *data, DWORD count)
{
    if (!subkey || !*subkey)
        return RegSetValueExW(h, name, 0, type, data, count);
    HKEY k;
    LSTATUS err = RegCreateKeyExW(h, subkey, 0, NULL, 0, KEY_SET_VALUE, NULL, &k, NULL);
    if (err)
        return err;
    err = RegSetValueExW(k, name, 0, type, data, count);
    RegCloseKey(k);
    return err;
}

LSTATUS WINAPI RegSetKeyValueA(HKEY h, const char *subkey, const char *name, DWORD type,
                               const void *data, DWORD count)
{
    if (!subkey || !*subkey)
        return RegSetValueExA(h, name, 0, type, data, count);
    HKEY k;
    LSTATUS err = RegCreateKeyExA(h, subkey, 0, NULL, 0, KEY_SET_VALUE, NULL, &k, NULL);
    if (err)
        return err;
    err = RegSetValueExA(k, name, 0, type, data, count);
    RegCloseKey(k);
    return err;
}

static DWORD type_mask(DWORD type)
{
    switch (type) {
    case REG_NONE: return RRF_RT_REG_NONE;
    case REG_SZ: return RRF_RT_REG_SZ;
    case REG_EXPAND_SZ: return RRF_RT_REG_EXPAND_SZ;
    case REG_BINARY: return RRF_RT_REG_BINARY;
    case REG_DWORD: return RRF_RT_REG_DWORD;
    case REG_MULTI_SZ: return RRF_RT_REG_MULTI_SZ;
    case REG_QWORD: return RRF_RT_REG_QWORD;
    default: return 0;
    }
}

static void expand(struct reg_value *v)
{
    size_t units = v->size / sizeof(WCHAR);
    WCHAR *src = calloc(units + 1, sizeof *src);
    memcpy(src, v->data, units * sizeof(WCHAR));
    DWORD n = ExpandEnvironmentStringsW(src, NULL, 0);
    WCHAR *dst = calloc((size_t)n + 1, sizeof *dst);
    n = ExpandEnvironmentStringsW(src, dst, n);
    free(src);
    free(v->data);
    v->data = dst;
    v->size = (size_t)n * sizeof(WCHAR);
    v->type = REG_SZ;
}

/* RegGetValue's checks on a value read: its type among those flags accept,
 * a REG_BINARY the size of the DWORD or QWORD asked for. */
static DWORD check_type(const struct reg_value *v, DWORD flags)
{
    if (!(flags & type_mask(v->type)))
        return ERROR_UNSUPPORTED_TYPE;
    if (v->type == REG_BINARY) {
        if ((flags & RRF_RT_DWORD) == RRF_RT_DWORD && v->size != 4)
            return ERROR_DATATYPE_MISMATCH;
        if ((flags & RRF_RT_QWORD) == RRF_RT_QWORD && v->size != 8)
            return ERROR_DATATYPE_MISMATCH;
    }
    return ERROR_SUCCESS;
}

/* RegGetValue hands back strings terminated, adding what is missing. */
static void terminate(struct reg_value *v, size_t unit)
{
    if (!is_string(v->type) ||
        (v->size >= unit && !memcmp((char *)v->data + v->size - unit, "\0\0", unit)))
        return;
    v->data = realloc(v->data, v->size + unit);
    memset((char *)v->data + v->size, 0, unit);
    v->size += unit;
}

static LSTATUS get_value_flags(HKEY h, const char *subkey, const char *name, DWORD flags,
                               DWORD *type, void *data, DWORD *count, bool ansi)
{
    if ((data && !count) || !(flags & RRF_RT_ANY) ||
        ((flags & RRF_RT_ANY) == RRF_RT_REG_EXPAND_SZ && !(flags & RRF_NOEXPAND)))
        return ERROR_INVALID_PARAMETER;
    DWORD room = count ? *count : 0;
    struct reg_value v = { 0 };
    DWORD err = get_value(h, subkey, name, &v);
    if (!err) {
        if (v.type == REG_EXPAND_SZ && !(flags & RRF_NOEXPAND))
            expand(&v);
        err = check_type(&v, flags);
        if (type)
            *type = v.type;
    }
    if (!err) {
        if (ansi)
            reg_value_to_ansi(&v);
        terminate(&v, ansi ? 1 : sizeof(WCHAR));
        err = reg_give_data(&v, ansi ? 1 : sizeof(WCHAR), type, data, count);
    }
    if (err && data && (flags & RRF_ZEROONFAILURE))
        memset(data, 0, room);
    reg_value_free(&v);
    return err;
}

LSTATUS WINAPI RegGetValueW(HKEY h, const WCHAR *subkey, const WCHAR *name, DWORD flags,
                            DWORD *type, void *data, DWORD *count)
{
    char *s = reg_name_w(subkey), *u = reg_name_w(name);
    LSTATUS err = get_value_flags(h, s, u, flags, type, data, count, false);
    free(s);
    free(u);
    return err;
}

LSTATUS WINAPI RegGetValueA(HKEY h, const char *subkey, const char *name, DWORD flags,
                            DWORD *type, void *data, DWORD *count)
{
    char *s = reg_name_a(subkey), *u = reg_name_a(name);
    LSTATUS err = get_value_flags(h, s, u, flags, type, data, count, true);
    free(s);
    free(u);
    return err;
}
