/* The builtin DLLs and the names that map to them (API sets, aliases). */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "lv/builtin.h"

extern const struct lv_builtin_dll lv_builtin_kernel32, lv_builtin_ntdll,
    lv_builtin_msvcrt, lv_builtin_ucrtbase, lv_builtin_shell32,
    lv_builtin_user32, lv_builtin_advapi32, lv_builtin_oleaut32,
    lv_builtin_ole32, lv_builtin_vcruntime140, lv_builtin_version;

static const struct lv_builtin_dll *const builtins[] = {
    &lv_builtin_kernel32, &lv_builtin_ntdll, &lv_builtin_msvcrt,
    &lv_builtin_ucrtbase, &lv_builtin_shell32, &lv_builtin_user32,
    &lv_builtin_advapi32, &lv_builtin_oleaut32, &lv_builtin_ole32,
    &lv_builtin_vcruntime140, &lv_builtin_version,
};

/* Names resolved to another builtin: API sets by prefix (the contract
 * versions do not matter to us), DLLs whose surface lives in another. */
static const struct {
    const char *prefix;
    const struct lv_builtin_dll *dll;
} redirects[] = {
    { "api-ms-win-crt-", &lv_builtin_ucrtbase },
    { "api-ms-win-core-", &lv_builtin_kernel32 },
    { "api-ms-win-security-", &lv_builtin_advapi32 },
    { "kernelbase.", &lv_builtin_kernel32 },
};

/* "KERNEL32.dll", "kernel32" and "C:\\windows\\system32\\kernel32.dll"
 * all name kernel32. */
static const char *base_name(const char *name)
{
    const char *s = name;
    for (const char *p = name; *p; p++)
        if (*p == '\\' || *p == '/')
            s = p + 1;
    return s;
}

static int same_dll_name(const char *a, const char *b)
{
    size_t la = strcspn(a, "."), lb = strcspn(b, ".");
    if (la != lb || strncasecmp(a, b, la))
        return 0;
    /* A name without extension means .dll. */
    const char *ea = a[la] ? a + la : ".dll", *eb = b[lb] ? b + lb : ".dll";
    return !strcasecmp(ea, eb);
}

const struct lv_builtin_dll *builtin_find(const char *name)
{
    name = base_name(name);
    for (size_t i = 0; i < sizeof redirects / sizeof redirects[0]; i++)
        if (!strncasecmp(name, redirects[i].prefix, strlen(redirects[i].prefix)))
            return redirects[i].dll;
    for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++)
        if (same_dll_name(name, builtins[i]->name))
            return builtins[i];
    return NULL;
}

static int cmp_export(const void *key, const void *elem)
{
    return strcmp(key, ((const struct lv_export *)elem)->name);
}

const struct lv_export *builtin_export_by_name(const struct lv_builtin_dll *dll,
                                               const char *name)
{
    return bsearch(name, dll->exports, dll->count, sizeof *dll->exports, cmp_export);
}

const struct lv_export *builtin_export_by_ordinal(const struct lv_builtin_dll *dll,
                                                  unsigned ordinal)
{
    for (unsigned i = 0; i < dll->count; i++)
        if (dll->exports[i].ordinal == ordinal)
            return &dll->exports[i];
    return NULL;
}
