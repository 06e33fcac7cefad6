/* The musl surface's hook into the view (shim/posix/surface.c). */
#ifndef LV_VIEW_TABLE_H
#define LV_VIEW_TABLE_H

/* The view's wrapper for a libc name the surface would bind to the
 * host, or NULL to bind the host's. */
void *view_symbol(const char *name);

#endif
