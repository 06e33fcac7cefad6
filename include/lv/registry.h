/* The registry store: keys and typed values in PREFIX/registry.db (SQLite,
 * WAL), shared by every lvrun process of the prefix without a server.
 * advapi32 and `lvrun reg` sit on it. Names and paths are UTF-8 with "\"
 * between components; value data are Windows' bytes (REG_SZ is UTF-16LE).
 * Every call between reg_begin() and reg_end() is one transaction. */
#ifndef LV_REGISTRY_H
#define LV_REGISTRY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "lv/windef.h"
#include "lv/winerror.h"

typedef HANDLE HKEY;
typedef DWORD REGSAM;
typedef LONG LSTATUS;

#define REG_NONE 0
#define REG_SZ 1
#define REG_EXPAND_SZ 2
#define REG_BINARY 3
#define REG_DWORD 4
#define REG_DWORD_BIG_ENDIAN 5
#define REG_LINK 6
#define REG_MULTI_SZ 7
#define REG_QWORD 11

#define ERROR_REGISTRY_IO_FAILED 1016
#define ERROR_KEY_DELETED 1018
#define ERROR_DATATYPE_MISMATCH 1629
#define ERROR_UNSUPPORTED_TYPE 1630

/* The longest key name component and value name, in UTF-16 units. */
#define REG_MAX_KEY_NAME 255
#define REG_MAX_VALUE_NAME 16383

typedef int64_t reg_id;

/* The roots of the store; the other predefined keys are keys below them. */
#define REG_ROOT_MACHINE ((reg_id)1)
#define REG_ROOT_USERS ((reg_id)2)
#define REG_ROOT_USER ((reg_id)3)

/* Opens the database on first use (creating and seeding it), takes the
 * process's registry lock and starts a transaction; a write transaction
 * holds the database's write lock from the start. */
DWORD reg_begin(bool write);
/* Commits when status is ERROR_SUCCESS, else rolls back; releases the
 * lock. Returns status, or the commit's error. */
DWORD reg_end(DWORD status);
/* Makes committed changes durable on disk (RegFlushKey). */
DWORD reg_flush(void);

/* ERROR_KEY_DELETED when key no longer exists. */
DWORD reg_key_check(reg_id key);
/* The key at path below base ("" or NULL: base itself). ERROR_FILE_NOT_FOUND
 * when a component is missing, ERROR_BAD_PATHNAME for a leading "\". */
DWORD reg_key_open(reg_id base, const char *path, reg_id *out);
/* Opens or creates every missing component; *created says which. */
DWORD reg_key_create(reg_id base, const char *path, reg_id *out, bool *created);
/* Deletes a key without subkeys (ERROR_ACCESS_DENIED otherwise, and for
 * the roots) and its values. */
DWORD reg_key_delete(reg_id key);
/* Deletes the subkeys and values of key, and key itself when self. */
DWORD reg_key_delete_tree(reg_id key, bool self);
/* The index-th subkey in Windows' order (case-insensitive by name):
 * its name (malloc) and id; ERROR_NO_MORE_ITEMS past the last. */
DWORD reg_key_enum(reg_id key, DWORD index, char **name, reg_id *id);
/* The full name from the root ("HKEY_CURRENT_USER\Software"), malloc. */
DWORD reg_key_path(reg_id key, char **path);

struct reg_key_info {
    DWORD subkeys, values;
    DWORD max_subkey_len;      /* UTF-16 units, no terminator */
    DWORD max_value_name_len;  /* UTF-16 units, no terminator */
    DWORD max_subkey_size;     /* UTF-8 bytes, no terminator */
    DWORD max_value_name_size; /* UTF-8 bytes, no terminator */
    DWORD max_value_size;      /* bytes */
    int64_t mtime;             /* FILETIME */
};
DWORD reg_key_info(reg_id key, struct reg_key_info *info);

struct reg_value {
    char *name;
    DWORD type;
    void *data;
    size_t size;
};
void reg_value_free(struct reg_value *v);
/* A value by name ("" is the default value), ERROR_FILE_NOT_FOUND if none. */
DWORD reg_value_get(reg_id key, const char *name, struct reg_value *v);
/* The index-th value in creation order; ERROR_NO_MORE_ITEMS past the last. */
DWORD reg_value_enum(reg_id key, DWORD index, struct reg_value *v);
/* Creates or replaces a value; a replaced value keeps its name and place. */
DWORD reg_value_set(reg_id key, const char *name, DWORD type,
                    const void *data, size_t size);
DWORD reg_value_delete(reg_id key, const char *name);
/* Sets a REG_SZ/REG_EXPAND_SZ value from a UTF-8 string. */
DWORD reg_value_set_string(reg_id key, const char *name, DWORD type,
                           const char *s);

/* A key by its full name: a root in long ("HKEY_LOCAL_MACHINE") or short
 * ("HKLM") form, then a path. HKEY_CLASSES_ROOT is HKLM\Software\Classes
 * and HKEY_CURRENT_CONFIG HKLM\System\CurrentControlSet\Hardware
 * Profiles\Current. ERROR_BAD_PATHNAME for an unknown root. */
DWORD reg_key_by_name(const char *full, bool create, reg_id *out);

/* The host path of the database file (malloc). */
char *reg_db_path(void);

#endif
