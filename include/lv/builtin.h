/* Builtin DLLs: the export tables generated from the declaration files. */
#ifndef LV_BUILTIN_H
#define LV_BUILTIN_H

#include <stdint.h>

enum lv_export_kind {
    LV_EXPORT_FUNC,    /* implemented here, or a generated entry to the host */
    LV_EXPORT_DATA,
    LV_EXPORT_FORWARD, /* "DLL.NAME" in target */
    LV_EXPORT_STUB     /* declared, not implemented */
};

struct lv_export {
    const char *name;
    uint16_t ordinal;
    uint8_t kind;
    void *addr;
    const char *target;
    const char *ret;  /* declared C types, for relay tracing */
    const char *args; /* "|"-separated */
};

struct lv_builtin_dll {
    const char *name;               /* "KERNEL32.dll" */
    const struct lv_export *exports; /* sorted by name */
    unsigned count;
    void (*attach)(void); /* process attach/detach, as DllMain; may be NULL */
    void (*detach)(void);
};

/* The builtin named NAME ("kernel32", "KERNEL32.DLL", an API-set name...),
 * or NULL. */
const struct lv_builtin_dll *builtin_find(const char *name);
const struct lv_export *builtin_export_by_name(const struct lv_builtin_dll *dll,
                                               const char *name);
const struct lv_export *builtin_export_by_ordinal(const struct lv_builtin_dll *dll,
                                                  unsigned ordinal);

#endif
