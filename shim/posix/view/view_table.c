/* The wrappers lvrun binds for musl programs, by name: where musl.sym
 * binds an import to the host's symbol, the view's wrapper of that name
 * takes its place. */
#include <dirent.h>
#include <ftw.h>
#include <pwd.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <sys/xattr.h>
#include <unistd.h>
#include <utime.h>
#include "view_table.h"
#include "wrap.h"
#include "wrap_list.h"

#define DECLARE(f) extern __typeof__(f) view_w_##f;
VIEW_WRAPPED(DECLARE)
#undef DECLARE

static const struct {
    const char *name;
    void *addr;
} g_table[] = {
#define ENTRY(f) { #f, (void *)view_w_##f },
    VIEW_WRAPPED(ENTRY)
#undef ENTRY
};

/* Without mounts or confinement only the names that tell the program
 * about itself are wrapped; every other import stays bound straight to
 * the host. */
void *view_symbol(const char *name)
{
    if (!view_active() && strcmp(name, "readlink") && strcmp(name, "readlinkat") &&
        strncmp(name, "open", 4) && strncmp(name, "fopen", 5))
        return NULL;
    for (size_t i = 0; i < sizeof g_table / sizeof *g_table; i++)
        if (!strcmp(g_table[i].name, name))
            return g_table[i].addr;
    return NULL;
}
