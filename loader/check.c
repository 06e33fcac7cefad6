/* lvrun --check: what a program imports and what lvrun provides of it,
 * as text (one line per import) or as one JSON document. */
#include <stdio.h>
#include <string.h>
#include "check.h"
#include "pe_image.h"

struct report {
    bool json;
    unsigned total, missing;
    bool first_module, first_import;
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

/* Lengths of the UTF-8 sequence starting at s, 0 when it is not one. */
static size_t utf8_seq(const unsigned char *s)
{
    size_t n = s[0] >= 0xf0 && s[0] < 0xf5 ? 4 : s[0] >= 0xe0 ? 3 : s[0] >= 0xc2 ? 2 : 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xc0) != 0x80)
            return 0;
    return n;
}

static void json_string(const char *s)
{
    putchar('"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') {
            printf("\\%c", *p);
        } else if (*p < 0x20) {
            printf("\\u%04x", *p);
        } else if (*p < 0x80) {
            putchar(*p);
        } else {
            size_t n = utf8_seq(p);
            if (!n) {
                printf("\\ufffd");
                continue;
            }
            fwrite(p, 1, n, stdout);
            p += n - 1;
        }
    }
    putchar('"');
}

static void emit_import(struct report *r, struct module *mod, const char *dll,
                        const char *name, int ordinal, bool delay, const char *status,
                        bool ok)
{
    /* ordinal -1: a delay-loaded DLL that cannot be loaded, one entry. */
    bool dll_loaded = ordinal >= 0;
    r->total++;
    r->missing += !ok;
    if (!r->json) {
        if (!dll_loaded)
            printf("%s: %s (delay-load): %s\n", mod->name, dll, status);
        else if (name)
            printf("%s: %s!%s%s: %s\n", mod->name, dll, name, delay ? " (delay-load)" : "", status);
        else
            printf("%s: %s!#%d%s: %s\n", mod->name, dll, ordinal, delay ? " (delay-load)" : "",
                   status);
        return;
    }
    printf(r->first_import ? "\n      {\"dll\": " : ",\n      {\"dll\": ");
    r->first_import = false;
    json_string(dll);
    if (name) {
        printf(", \"name\": ");
        json_string(name);
    } else if (dll_loaded) {
        printf(", \"ordinal\": %d", ordinal);
    }
    printf(", \"delay_load\": %s, \"status\": ", delay ? "true" : "false");
    json_string(status);
    printf(", \"ok\": %s}", ok ? "true" : "false");
}

static void report_thunks(struct report *r, struct module *mod, const char *dllname,
                          uint32_t lookup, bool delay)
{
    struct module *dep = module_by_name(dllname);
    for (uint64_t i = 0;; i++) {
        void *entry = pe_rva(mod->base, mod->size, lookup + i * 8, 8);
        uint64_t v = entry ? pe_load64(entry) : 0;
        if (!v)
            break;
        const char *name = NULL;
        unsigned ordinal = 0;
        if (v & PE_ORDINAL_FLAG64) {
            ordinal = v & 0xffff;
        } else {
            name = pe_rva_str(mod->base, mod->size, (v & 0x7fffffff) + 2);
            if (!name)
                break;
        }
        const char *status = dep ? import_status(dep, name, ordinal) : "DLL not loaded";
        bool ok = !strncmp(status, "implemented", 11) || !strcmp(status, "provided by the DLL");
        emit_import(r, mod, dllname, name, (int)ordinal, delay, status, ok);
    }
}

static void report_module(struct report *r, struct module *mod)
{
    if (r->json) {
        printf(r->first_module ? "\n    {\"name\": " : ",\n    {\"name\": ");
        r->first_module = false;
        json_string(mod->name);
        printf(", \"path\": ");
        json_string(mod->host_path ? mod->host_path : "");
        printf(", \"imports\": [");
        r->first_import = true;
    }
    uint32_t size;
    struct pe_import_descriptor *d = pe_dir(mod, PE_DIR_IMPORT, &size);
    for (uint32_t n = 0; d && (n + 1) * sizeof *d <= size; n++, d++) {
        if (!d->Name && !d->FirstThunk)
            break;
        const char *dll = pe_rva_str(mod->base, mod->size, d->Name);
        if (dll)
            report_thunks(r, mod, dll, d->OriginalFirstThunk ? d->OriginalFirstThunk : d->FirstThunk,
                          false);
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
            emit_import(r, mod, dll, NULL, -1, true, loader_error(), false);
            continue;
        }
        report_thunks(r, mod, dll, dd->ImportNameTableRVA, true);
    }
    if (r->json)
        printf(r->first_import ? "]}" : "\n    ]}");
}

int check_report(struct module *exe, const char *path, bool json)
{
    if (!exe) {
        fprintf(stderr, "lvrun: %s: %s\n", path, loader_error());
        return 126;
    }
    struct report r = { .json = json, .first_module = true };
    if (json) {
        printf("{\n  \"program\": ");
        json_string(path);
        printf(",\n  \"modules\": [");
    }
    for (struct module *m = module_first(); m; m = m->next)
        if (!m->builtin)
            report_module(&r, m);
    if (json) {
        printf("\n  ],\n  \"summary\": {\"imports\": %u, \"implemented\": %u, "
               "\"missing\": %u}\n}\n", r.total, r.total - r.missing, r.missing);
        return r.missing ? 1 : 0;
    }
    printf("%u of %u imports implemented", r.total - r.missing, r.total);
    printf(r.missing ? "; %u missing or unimplemented\n" : "\n", r.missing);
    return r.missing ? 1 : 0;
}
