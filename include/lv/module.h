/* Loaded modules: the program, the PE DLLs it ships and the builtin DLLs. */
#ifndef LV_MODULE_H
#define LV_MODULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "lv/builtin.h"
#include "lv/teb.h"
#include "lv/pe.h"

struct module {
    LDR_DATA_TABLE_ENTRY ldr;  /* first, so a PEB list entry is the module */
    char *host_path;           /* NULL for a builtin */
    char *name;                /* base name as Windows sees it */
    uint8_t *base;
    size_t size;
    const struct pe_nt_headers64 *nt; /* inside the mapped image */
    const struct lv_builtin_dll *builtin;
    int refs;
    bool is_exe;
    bool attached;             /* DllMain(PROCESS_ATTACH) done */
    bool initialized;          /* imports bound */
    int tls_index;             /* -1 when the image has no TLS */
    struct module *next;       /* load order */
    struct module **deps;      /* modules its imports bound to */
    size_t ndeps;
    uint16_t *page_prot;       /* each page's Windows protection (PE images) */
};

/* The last loader error, for the caller to report (thread-local). */
const char *loader_error(void);
void loader_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Map the program and everything it imports; NULL with loader_error(). */
struct module *module_load_exe(const char *host_path);
/* LoadLibrary: a builtin or a PE DLL by Windows name or path. */
struct module *module_load_dll(const char *name, const struct module *importer);
void module_free(struct module *mod);
/* Run DllMain(PROCESS_ATTACH) and TLS callbacks, dependencies first. */
bool module_attach_all(void);
/* DllMain(PROCESS_DETACH), reverse order; at process exit. */
void module_detach_all(void);

struct module *module_by_handle(HMODULE h);
struct module *module_by_name(const char *name);
struct module *module_by_address(const void *addr);
struct module *module_exe(void);
struct module *module_first(void);

/* An export's address, following forwarders; NULL when absent. ordinal is
 * used when name is NULL. */
void *module_get_export(struct module *mod, const char *name, unsigned ordinal);

/* An entry point that reports "DLL!NAME" as unimplemented when called. */
void *stub_create(const char *dll, const char *name, unsigned ordinal);

/* DLL_THREAD_ATTACH or DLL_THREAD_DETACH for the calling thread: DllMain
 * of each DLL and the TLS callbacks of every image. */
void module_thread_notify(DWORD reason);

/* The TLS directory's per-thread blocks: set up the calling thread's
 * ThreadLocalStoragePointer for every module with TLS. */
void module_tls_init_thread(TEB *teb);

/* VirtualProtect on an image's pages: keep the recorded protections true. */
void module_set_page_prot(struct module *mod, const void *start, size_t len, uint16_t prot);

/* The image's data directory entry when its range lies in the image. */
void *pe_dir(const struct module *mod, enum pe_dir which, uint32_t *size);

#endif
