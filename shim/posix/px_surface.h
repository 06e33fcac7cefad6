/* The musl surface: what a guest's libc.so imports bind to. */
#ifndef PX_SURFACE_H
#define PX_SURFACE_H

#include <stdbool.h>
#include <stddef.h>

enum px_kind { PX_HOST, PX_FUNC, PX_DATA, PX_STUB };

struct px_symbol {
    const char *name;
    enum px_kind kind;
    const char *host;
    void *addr;
};

extern const struct px_symbol px_symbols[];
extern const size_t px_symbol_count;

/* The address NAME binds to; *found is false for names not provided
 * (a declared stub is reported as missing, so that calls to it stop). */
void *px_surface_symbol(const char *name, bool *found);

/* The guest's copy of a data object it imports (after a copy relocation,
 * in the program), or the surface's own. */
void *px_guest_data(const char *name);

#endif
