/* Looking up the musl surface: declared names, bound to the host's
 * libc.so.6/libm.so.6 symbols or to the wrappers of shim/posix. */
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include "lv/libm.h"
#include "px_surface.h"
#include "view_table.h"
#include "elf/elf_loader.h"

static int compare(const void *key, const void *entry)
{
    return strcmp(key, ((const struct px_symbol *)entry)->name);
}

/* libm is opened only for a program that imports from it (lv/libm.h). */
static void *host_symbol(const char *name)
{
    static void *libc;
    if (!libc)
        libc = dlopen("libc.so.6", RTLD_NOW | RTLD_NOLOAD);
    void *p = libc ? dlsym(libc, name) : NULL;
    return p ? p : lv_libm_find(name);
}

void *px_surface_symbol(const char *name, bool *found)
{
    const struct px_symbol *s = bsearch(name, px_symbols, px_symbol_count,
                                        sizeof *px_symbols, compare);
    *found = false;
    if (!s || s->kind == PX_STUB)
        return NULL;
    /* The view's wrapper, where it has one, stands in for the host's. */
    void *p = s->kind == PX_HOST ? view_symbol(name) : s->addr;
    if (s->kind == PX_HOST && !p)
        p = host_symbol(s->host);
    *found = p != NULL;
    return p;
}

void *px_guest_data(const char *name)
{
    bool found;
    return elf_symbol(name, NULL, &found);
}
