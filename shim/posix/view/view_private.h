/* The view's state, shared by its files (not by its users). */
#ifndef LV_VIEW_PRIVATE_H
#define LV_VIEW_PRIVATE_H

#include "view.h"

struct view_mount {
    char *guest;
    size_t guest_len;
    char *host;
    size_t host_len;
    bool ro;
};

/* Sorted by decreasing guest_len: the first match is the longest. */
extern struct view_mount *g_view_mounts;
extern size_t g_view_mount_count;
extern bool g_view_confine;
extern bool g_view_any_ro;

/* path made absolute against base (an absolute guest path) when
 * relative, with ".", ".." and repeated slashes removed ("/.." is "/");
 * false when it does not fit. */
bool view_normalize(const char *base, const char *path, char *out, size_t size);
/* The mount holding an absolute, normalized guest path, or NULL;
 * *rest is the remainder, starting with '/' or empty. */
const struct view_mount *view_lookup(const char *guest, const char **rest);

#endif
