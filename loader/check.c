/* lvrun --check: what a program imports and what lvrun provides of it. */
#include <stdio.h>
#include <string.h>
#include "check.h"
#include "pe_image.h"

struct tally {
    unsigned total, missing;
};

static const char *import_status(struct module *dep, const char *name, unsigned ordinal)
{
    if (!dep->builtin)
        return module_get_export(dep, name, ordinal) ? "provided by the DLL" : "missing";
    const struct lv_export *e = name ? builtin_export_by_name(dep->builtin, name)
                                     : builtin_export_by_ordinal(dep->builtin, ordinal);
    if (!e)
        return "missing";
    switch (e->kind) {
    case LV_EXPORT_STUB: return "unimplemented";
    case LV_EXPORT_DATA: return "implemented (data)";
    case LV_EXPORT_FORWARD:
        return module_get_export(dep, name, ordinal) ? "implemented (forwarded)" : "missing";
    default: return "implemented";
    }
}

static void report_thunks(struct module *mod, const char *dllname, uint32_t lookup,
                          const char *how, struct tally *t)
{
    struct module *dep = module_by_name(dllname);
    for (uint64_t i = 0;; i++) {
        uint64_t *slot = pe_rva(mod->base, mod->size, lookup + i * 8, 8);
        if (!slot || !*slot)
            break;
        const char *name = NULL;
        unsigned ordinal = 0;
        char ordname[16];
        if (*slot & PE_ORDINAL_FLAG64) {
            ordinal = *slot & 0xffff;
            snprintf(ordname, sizeof ordname, "#%u", ordinal);
        } else {
            name = pe_rva_str(mod->base, mod->size, (*slot & 0x7fffffff) + 2);
            if (!name)
                break;
        }
        const char *status = dep ? import_status(dep, name, ordinal) : "DLL not loaded";
        bool ok = !strncmp(status, "implemented", 11) || !strcmp(status, "provided by the DLL");
        printf("%s: %s!%s%s: %s\n", mod->name, dllname, name ? name : ordname, how, status);
        t->total++;
        t->missing += !ok;
    }
}

static void report_module(struct module *mod, struct tally *t)
{
    uint32_t size;
    struct pe_import_descriptor *d = pe_dir(mod, PE_DIR_IMPORT, &size);
    for (uint32_t n = 0; d && (n + 1) * sizeof *d <= size; n++, d++) {
        if (!d->Name && !d->FirstThunk)
            break;
        const char *dll = pe_rva_str(mod->base, mod->size, d->Name);
        if (dll)
            report_thunks(mod, dll, d->OriginalFirstThunk ? d->OriginalFirstThunk : d->FirstThunk,
                          "", t);
    }
    /* Delay-load imports are bound by the program's own helper on first
     * call; list them so that gaps show before they are hit. */
    struct pe_delay_descriptor *dd = pe_dir(mod, PE_DIR_DELAY_IMPORT, &size);
    for (uint32_t n = 0; dd && (n + 1) * sizeof *dd <= size; n++, dd++) {
        if (!dd->DllNameRVA)
            break;
        const char *dll = pe_rva_str(mod->base, mod->size, dd->DllNameRVA);
        if (!dll)
            break;
        struct module *dep = module_by_name(dll);
        if (!dep)
            dep = module_load_dll(dll, mod);
        if (!dep) {
            printf("%s: %s (delay-load): %s\n", mod->name, dll, loader_error());
            t->total++;
            t->missing++;
            continue;
        }
        report_thunks(mod, dll, dd->ImportNameTableRVA, " (delay-load)", t);
    }
}

int check_report(struct module *exe, const char *path)
{
    if (!exe) {
        fprintf(stderr, "lvrun: %s: %s\n", path, loader_error());
        return 126;
    }
    struct tally t = { 0, 0 };
    for (struct module *m = module_first(); m; m = m->next)
        if (!m->builtin)
            report_module(m, &t);
    printf("%u of %u imports implemented", t.total - t.missing, t.total);
    printf(t.missing ? "; %u missing or unimplemented\n" : "\n", t.missing);
    return t.missing ? 1 : 0;
}
