/* Finding the libraries a module needs. musl's own libraries are the
 * surface lvrun provides; the others are found beside the program, in
 * the module's RUNPATH (or RPATH, $ORIGIN expanded) and in
 * LVRUN_LIBRARY_PATH, in that order. */
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "elf_loader.h"

static const char *const g_surface_names[] = {
    "libc.so", "libc.musl-x86_64.so.1", "ld-musl-x86_64.so.1", "libm.so",
    "libpthread.so", "libdl.so", "librt.so", "libutil.so", "libxnet.so",
    "libresolv.so", "libcrypt.so",
};

bool elf_is_surface_name(const char *name)
{
    const char *base = strrchr(name, '/') ? strrchr(name, '/') + 1 : name;
    for (size_t i = 0; i < sizeof g_surface_names / sizeof *g_surface_names; i++)
        if (!strcmp(base, g_surface_names[i]))
            return true;
    return false;
}

static char *dir_of(const char *path)
{
    char *copy = strdup(path);
    char *dir = strdup(dirname(copy));
    free(copy);
    return dir;
}

/* Appends DIR (with $ORIGIN expanded) to the searched list. */
static void add_dir(char *looked, size_t size, const char *dir, size_t len,
                    const char *origin)
{
    char buf[PATH_MAX];
    size_t n = 0;
    for (size_t i = 0; i < len && n < sizeof buf - 1; ) {
        if (!strncmp(dir + i, "$ORIGIN", 7) || !strncmp(dir + i, "${ORIGIN}", 9)) {
            n += snprintf(buf + n, sizeof buf - n, "%s", origin);
            i += dir[i + 1] == '{' ? 9 : 7;
        } else {
            buf[n++] = dir[i++];
        }
    }
    buf[n < sizeof buf ? n : sizeof buf - 1] = 0;
    for (const char *p = looked; *p; ) {
        size_t len = strcspn(p, ":");
        if (len == strlen(buf) && !strncmp(p, buf, len))
            return;
        p += len + (p[len] == ':');
    }
    size_t used = strlen(looked);
    snprintf(looked + used, size - used, "%s%s", used ? ":" : "", buf);
}

static char *search(const char *looked, const char *name)
{
    char path[PATH_MAX];
    for (const char *p = looked; *p; ) {
        size_t len = strcspn(p, ":");
        snprintf(path, sizeof path, "%.*s/%s", (int)len, p, name);
        if (len && access(path, R_OK) == 0)
            return strdup(path);
        p += len + (p[len] == ':');
    }
    return NULL;
}

struct elf_module *elf_load_needed(struct elf_module *from, const char *name)
{
    for (struct elf_module *m = elf_modules(); m; m = m->next)
        if (!strcmp(m->name, name) || !strcmp(m->path, name)) {
            m->refcount++;
            return m;
        }
    char *found = NULL;
    char looked[4096] = "";
    if (strchr(name, '/')) {
        found = strdup(name);
    } else {
        char *origin = dir_of(from->path);
        struct elf_module *exe = elf_modules();
        char *exe_dir = dir_of(exe ? exe->path : from->path);
        add_dir(looked, sizeof looked, exe_dir, strlen(exe_dir), origin);
        for (const char *p = from->runpath; p && *p; ) {
            size_t len = strcspn(p, ":");
            add_dir(looked, sizeof looked, p, len, origin);
            p += len + (p[len] == ':');
        }
        const char *env = getenv("LVRUN_LIBRARY_PATH");
        for (const char *p = env; p && *p; ) {
            size_t len = strcspn(p, ":");
            add_dir(looked, sizeof looked, p, len, origin);
            p += len + (p[len] == ':');
        }
        found = search(looked, name);
        free(origin);
        free(exe_dir);
    }
    if (!found) {
        elf_set_error("%s: library %s not found (looked in %s; set LVRUN_LIBRARY_PATH "
                      "to add folders)", from->path, name, looked);
        return NULL;
    }
    struct elf_module *m = elf_map_file(found, name, false);
    free(found);
    return m;
}

/* Breadth first, so that the lookup order is the one musl's loader uses. */
bool elf_load_deps(struct elf_module *first)
{
    for (struct elf_module *m = first; m; m = m->next) {
        for (const Elf64_Dyn *d = m->dynamic; d->d_tag != DT_NULL; d++) {
            if (d->d_tag != DT_NEEDED)
                continue;
            const char *name = m->strtab + d->d_un.d_val;
            if (elf_is_surface_name(name))
                continue;
            if (!strcmp(name, "libc.so.6")) {
                elf_set_error("%s: linked against glibc (needs libc.so.6): lvrun runs "
                              "musl programs and libraries", m->path);
                return false;
            }
            if (!elf_load_needed(m, name))
                return false;
        }
    }
    return true;
}
