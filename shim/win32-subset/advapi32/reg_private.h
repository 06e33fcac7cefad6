/* Shared between the files of advapi32's registry. */
#ifndef REG_PRIVATE_H
#define REG_PRIVATE_H

#include <sqlite3.h>
#include "lv/handle.h"
#include "lv/registry.h"

#define KEY_QUERY_VALUE 0x0001
#define KEY_SET_VALUE 0x0002
#define KEY_CREATE_SUB_KEY 0x0004
#define KEY_ENUMERATE_SUB_KEYS 0x0008
#define KEY_NOTIFY 0x0010
#define KEY_CREATE_LINK 0x0020
#define KEY_WOW64_64KEY 0x0100
#define KEY_WOW64_32KEY 0x0200
#define KEY_DELETE 0x00010000
#define KEY_READ_CONTROL 0x00020000
#define KEY_READ 0x00020019
#define KEY_WRITE 0x00020006
#define KEY_ALL_ACCESS 0x000F003F
#define KEY_MAXIMUM_ALLOWED 0x02000000
#define KEY_GENERIC_ALL 0x10000000
#define KEY_GENERIC_EXECUTE 0x20000000
#define KEY_GENERIC_WRITE 0x40000000
#define KEY_GENERIC_READ 0x80000000

#define REG_CREATED_NEW_KEY 1
#define REG_OPENED_EXISTING_KEY 2

/* The open database, with the registry lock held (between reg_begin and
 * reg_end). */
sqlite3 *reg_db(void);
/* Stamps key as written now (its last-write time). */
DWORD reg_key_touch(reg_id key);
/* Fills a new database with the keys and values programs probe. */
DWORD reg_seed_defaults(void);
/* s in upper case as Windows compares names (malloc); *wlen gets its
 * length in UTF-16 units. */
char *reg_fold(const char *s, size_t *wlen);

/* An open key: what an HKEY stands for. */
struct regkey {
    reg_id id;
    DWORD access;   /* KEY_* rights granted */
};
/* The key behind h (a predefined key or a handle) needing the rights in
 * need; call inside a transaction. ERROR_INVALID_HANDLE, ERROR_ACCESS_DENIED,
 * ERROR_KEY_DELETED. */
DWORD regkey_resolve(HKEY h, DWORD need, struct regkey *out);
/* A new handle for key with the access asked for (generic rights mapped). */
DWORD regkey_new_handle(reg_id key, REGSAM access, HKEY *out);

bool regkey_is_predefined(HKEY h);

/* String data (REG_SZ, REG_EXPAND_SZ, REG_MULTI_SZ) in the ANSI code page. */
void reg_value_to_ansi(struct reg_value *v);
/* v's type and data to a caller's buffer as RegQueryValueEx hands them:
 * ERROR_MORE_DATA with the size needed when data is too small. unit is the
 * size of a character (for the terminator added to strings stored without
 * one, where it fits). */
LSTATUS reg_give_data(const struct reg_value *v, size_t unit, DWORD *type, BYTE *data,
                      DWORD *count);

/* Names as the store keeps them (UTF-8) from a W or an A caller: malloc'd,
 * NULL for NULL. The A forms use the ANSI code page (UTF-8 in lvrun). */
char *reg_name_w(const WCHAR *s);
char *reg_name_a(const char *s);
/* len bytes of ANSI text as UTF-16 with a terminator added (malloc);
 * *units gets the units converted. */
WCHAR *reg_ansi_to_wstr(const char *s, size_t len, size_t *units);
/* units UTF-16 units as ANSI text with a terminator added (malloc);
 * *size gets the bytes converted. */
char *reg_wstr_to_ansi(const WCHAR *w, size_t units, size_t *size);

#endif
