/* dlopen and friends for musl libraries: they are loaded by lvrun's ELF
 * loader into the guest's scope, never by the host's dynamic linker. */
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>
#include "elf/elf_loader.h"
#include "musl.sym.h"
#include "px_surface.h"

static __thread char g_error[600];
static __thread bool g_has_error;

static void *fail(void)
{
    snprintf(g_error, sizeof g_error, "%s", elf_error());
    g_has_error = true;
    return NULL;
}

void *px_dlopen(const char *name, int flags)
{
    (void)flags;
    struct elf_module *exe = elf_modules();
    if (!name)
        return exe;
    if (elf_is_surface_name(name))
        return exe;
    struct elf_module *m = elf_load_needed(exe, name);
    if (!m)
        return fail();
    if (m->relocated)
        return m;
    if (!elf_load_deps(m))
        return fail();
    for (struct elf_module *d = m; d; d = d->next)
        if (!d->relocated && !elf_tls_assign(d))
            return fail();
    /* Newly loaded modules follow m in the list; dependencies first. */
    struct elf_module *todo[256];
    size_t n = 0;
    for (struct elf_module *d = m; d && n < 256; d = d->next)
        if (!d->relocated)
            todo[n++] = d;
    for (size_t i = n; i-- > 0; )
        if (!elf_relocate(todo[i]))
            return fail();
    elf_tls_init_thread();
    for (size_t i = n; i-- > 0; )
        elf_run_init(todo[i]);
    return m;
}

void *px_dlsym(void *handle, const char *name)
{
    struct elf_module *m = handle;
    bool found = false;
    void *p;
    if (handle == RTLD_DEFAULT || handle == RTLD_NEXT || m == elf_modules()) {
        p = elf_symbol(name, NULL, &found);
    } else {
        const Elf64_Sym *s = elf_module_symbol(m, name);
        found = s != NULL;
        p = s ? (void *)(m->bias + s->st_value) : NULL;
    }
    if (!found) {
        snprintf(g_error, sizeof g_error, "Symbol not found: %s", name);
        g_has_error = true;
    }
    return p;
}

/* Libraries stay mapped, as musl's dlclose leaves them. */
int px_dlclose(void *handle)
{
    (void)handle;
    return 0;
}

char *px_dlerror(void)
{
    if (!g_has_error)
        return NULL;
    g_has_error = false;
    return g_error;
}

int px_dladdr(const void *addr, Dl_info *info)
{
    struct elf_module *m = elf_module_at(addr);
    if (!m)
        return 0;
    memset(info, 0, sizeof *info);
    info->dli_fname = m->path;
    info->dli_fbase = m->map;
    uintptr_t best = 0;
    size_t count = elf_symbol_count(m);
    for (size_t i = 1; i < count; i++) {
        const Elf64_Sym *s = &m->symtab[i];
        uintptr_t a = m->bias + s->st_value;
        if (s->st_shndx != SHN_UNDEF && a <= (uintptr_t)addr && a > best
            && ELF64_ST_TYPE(s->st_info) != STT_TLS) {
            best = a;
            info->dli_sname = m->strtab + s->st_name;
            info->dli_saddr = (void *)a;
        }
    }
    return 1;
}

int px_dl_iterate_phdr(px_phdr_fn fn, void *data)
{
    int r = 0;
    for (struct elf_module *m = elf_modules(); m && !r; m = m->next) {
        struct dl_phdr_info info = {
            .dlpi_addr = m->bias,
            .dlpi_name = m->is_exe ? "" : m->path,
            .dlpi_phdr = m->phdr,
            .dlpi_phnum = m->phnum,
        };
        r = fn(&info, sizeof info, data);
    }
    return r;
}
