/* The module list: loading the program and its DLLs, binding imports,
 * exports and forwarders, the PEB loader lists. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lv/module.h"
#include "lv/wstr.h"
#include "lv/path.h"
#include "lv/trace.h"
#include "loader.h"
#include "pe_image.h"

static struct module *g_modules; /* load order; the program first */
static struct module *g_exe;
static PEB_LDR_DATA g_ldr;
static pthread_mutex_t g_loader_lock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP;
static __thread char t_error[512];
static bool g_started; /* the program's own start-up attach has run */

const char *loader_error(void)
{
    return t_error;
}

void loader_fail(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(t_error, sizeof t_error, fmt, ap);
    va_end(ap);
}

void loader_lock(void)
{
    pthread_mutex_lock(&g_loader_lock);
}

void loader_unlock(void)
{
    pthread_mutex_unlock(&g_loader_lock);
}

static void list_init(LIST_ENTRY *head)
{
    head->Flink = head->Blink = head;
}

static void list_append(LIST_ENTRY *head, LIST_ENTRY *e)
{
    e->Flink = head;
    e->Blink = head->Blink;
    head->Blink->Flink = e;
    head->Blink = e;
}

static void list_remove(LIST_ENTRY *e)
{
    if (!e->Flink)
        return;
    e->Blink->Flink = e->Flink;
    e->Flink->Blink = e->Blink;
    e->Flink = e->Blink = NULL;
}

PEB_LDR_DATA *loader_ldr_data(void)
{
    if (!g_ldr.Length) {
        g_ldr.Length = sizeof g_ldr;
        g_ldr.Initialized = TRUE;
        list_init(&g_ldr.InLoadOrderModuleList);
        list_init(&g_ldr.InMemoryOrderModuleList);
        list_init(&g_ldr.InInitializationOrderModuleList);
    }
    return &g_ldr;
}

static void set_unicode(UNICODE_STRING *us, const char *utf8)
{
    us->Buffer = utf8_to_wstr(utf8);
    size_t n = wstr_len(us->Buffer);
    us->Length = (WORD)(n * 2);
    us->MaximumLength = (WORD)(n * 2 + 2);
}

static void module_register(struct module *mod, const char *win_path)
{
    PEB_LDR_DATA *ldr = loader_ldr_data();
    mod->ldr.DllBase = mod->base;
    mod->ldr.SizeOfImage = (ULONG)mod->size;
    mod->ldr.LoadCount = 1;
    set_unicode(&mod->ldr.FullDllName, win_path);
    set_unicode(&mod->ldr.BaseDllName, mod->name);
    list_append(&ldr->InLoadOrderModuleList, &mod->ldr.InLoadOrderLinks);
    list_append(&ldr->InMemoryOrderModuleList, &mod->ldr.InMemoryOrderLinks);
    struct module **pp = &g_modules;
    while (*pp)
        pp = &(*pp)->next;
    *pp = mod;
}

static void module_unregister(struct module *mod)
{
    list_remove(&mod->ldr.InLoadOrderLinks);
    list_remove(&mod->ldr.InMemoryOrderLinks);
    list_remove(&mod->ldr.InInitializationOrderLinks);
    for (struct module **pp = &g_modules; *pp; pp = &(*pp)->next)
        if (*pp == mod) {
            *pp = mod->next;
            break;
        }
    free(mod->ldr.FullDllName.Buffer);
    free(mod->ldr.BaseDllName.Buffer);
}

struct module *module_first(void)
{
    return g_modules;
}

struct module *module_exe(void)
{
    return g_exe;
}

struct module *module_by_handle(HMODULE h)
{
    for (struct module *m = g_modules; m; m = m->next)
        if ((void *)m->base == h)
            return m;
    return NULL;
}

struct module *module_by_address(const void *addr)
{
    for (struct module *m = g_modules; m; m = m->next)
        if ((const uint8_t *)addr >= m->base && (const uint8_t *)addr < m->base + m->size)
            return m;
    return NULL;
}

static const char *base_name(const char *name)
{
    const char *s = name;
    for (const char *p = name; *p; p++)
        if (*p == '\\' || *p == '/')
            s = p + 1;
    return s;
}

/* Windows compares module names case-insensitively, and "foo" means
 * "foo.dll". */
static int module_name_matches(const struct module *m, const char *name)
{
    size_t n = strlen(name);
    if (!strcasecmp(m->name, name))
        return 1;
    return !strchr(name, '.') && !strncasecmp(m->name, name, n) &&
           !strcasecmp(m->name + n, ".dll");
}

struct module *module_by_name(const char *name)
{
    const struct lv_builtin_dll *b = builtin_find(name);
    const char *base = base_name(name);
    for (struct module *m = g_modules; m; m = m->next) {
        if (b && m->builtin == b)
            return m;
        if (!b && module_name_matches(m, base))
            return m;
    }
    return NULL;
}

void *pe_dir(const struct module *mod, enum pe_dir which, uint32_t *size)
{
    if (!mod->nt)
        return NULL;
    const struct pe_optional_header64 *opt = &mod->nt->OptionalHeader;
    if (which >= opt->NumberOfRvaAndSizes)
        return NULL;
    const struct pe_data_dir *d = &opt->DataDirectory[which];
    if (!d->VirtualAddress || !d->Size)
        return NULL;
    void *p = pe_rva(mod->base, mod->size, d->VirtualAddress, d->Size);
    if (p && size)
        *size = d->Size;
    return p;
}

/* Builtins get a header page of their own so that an HMODULE is an
 * address that looks like an image to programs that peek at it. */
static uint8_t *builtin_image(void)
{
    size_t size = 0x1000;
    uint8_t *p = mmap(NULL, 0x20000, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
    uint8_t *base = (uint8_t *)(((uintptr_t)p + 0xffff) & ~(uintptr_t)0xffff);
    struct pe_dos_header *dos = (void *)base;
    dos->e_magic = PE_DOS_MAGIC;
    dos->e_lfanew = 0x40;
    struct pe_nt_headers64 *nt = (void *)(base + 0x40);
    nt->Signature = PE_NT_SIGNATURE;
    nt->FileHeader.Machine = PE_MACHINE_AMD64;
    nt->FileHeader.Characteristics = PE_FILE_DLL | 0x22;
    nt->FileHeader.SizeOfOptionalHeader = sizeof nt->OptionalHeader;
    nt->OptionalHeader.Magic = PE_OPT_MAGIC_PE32PLUS;
    nt->OptionalHeader.ImageBase = (uintptr_t)base;
    nt->OptionalHeader.SectionAlignment = 0x1000;
    nt->OptionalHeader.FileAlignment = 0x200;
    nt->OptionalHeader.SizeOfImage = (uint32_t)size;
    nt->OptionalHeader.SizeOfHeaders = 0x400;
    nt->OptionalHeader.Subsystem = PE_SUBSYSTEM_WINDOWS_CUI;
    nt->OptionalHeader.MajorOperatingSystemVersion = 10;
    nt->OptionalHeader.MajorSubsystemVersion = 10;
    mprotect(base, size, PROT_READ);
    return base;
}

static struct module *builtin_module(const struct lv_builtin_dll *b)
{
    for (struct module *m = g_modules; m; m = m->next)
        if (m->builtin == b) {
            m->refs++;
            return m;
        }
    struct module *mod = calloc(1, sizeof *mod);
    mod->base = builtin_image();
    if (!mod->base) {
        free(mod);
        loader_fail("out of memory");
        return NULL;
    }
    mod->size = 0x1000;
    mod->builtin = b;
    mod->refs = 1;
    mod->tls_index = -1;
    mod->initialized = true;
    mod->name = strdup(b->name);
    char win_path[300];
    snprintf(win_path, sizeof win_path, "C:\\windows\\system32\\%s", b->name);
    trace(module, "%s: builtin, headers at %p", mod->name, (void *)mod->base);
    module_register(mod, win_path);
    return mod;
}

static uint8_t *read_file(const char *path, size_t *size)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        loader_fail("%s", strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
        loader_fail("not a regular file");
        close(fd);
        return NULL;
    }
    uint8_t *data = st.st_size ? mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0)
                               : MAP_FAILED;
    close(fd);
    if (data == MAP_FAILED) {
        loader_fail(st.st_size ? "%s" : "empty file", strerror(errno));
        return NULL;
    }
    *size = st.st_size;
    return data;
}

static bool bind_imports(struct module *mod);

static struct module *pe_module(const char *host_path, bool is_exe)
{
    size_t fsize;
    uint8_t *data = read_file(host_path, &fsize);
    if (!data)
        return NULL;
    struct pe_file pe;
    char err[256];
    struct module *mod = NULL;
    if (pe_parse(data, fsize, &pe, err, sizeof err)) {
        loader_fail("%s", err);
        goto out;
    }
    bool is_dll = pe.nt->FileHeader.Characteristics & PE_FILE_DLL;
    if (is_exe && is_dll) {
        loader_fail("it is a DLL, not a program");
        goto out;
    }
    uint8_t *base = pe_map_image(&pe, err, sizeof err);
    if (!base) {
        loader_fail("%s", err);
        goto out;
    }
    mod = calloc(1, sizeof *mod);
    mod->host_path = realpath(host_path, NULL);
    if (!mod->host_path)
        mod->host_path = strdup(host_path);
    mod->name = strdup(base_name(host_path));
    mod->base = base;
    mod->size = (pe.nt->OptionalHeader.SizeOfImage + 4095) & ~4095u;
    mod->nt = (const void *)(base + ((const uint8_t *)pe.nt - data));
    mod->refs = 1;
    mod->is_exe = is_exe;
    mod->tls_index = -1;
    if (pe.nt->OptionalHeader.AddressOfEntryPoint)
        mod->ldr.EntryPoint = base + pe.nt->OptionalHeader.AddressOfEntryPoint;
    mod->ldr.TimeDateStamp = pe.nt->FileHeader.TimeDateStamp;
    char *win_path = path_host_to_windows(mod->host_path);
    trace(module, "%s: from %s at %p%s%llx", mod->name, mod->host_path, (void *)base,
          (uintptr_t)base == pe.nt->OptionalHeader.ImageBase ? ", its preferred base 0x"
                                                              : ", relocated from 0x",
          (unsigned long long)pe.nt->OptionalHeader.ImageBase);
    module_register(mod, win_path ? win_path : mod->name);
    free(win_path);
    if (is_exe)
        g_exe = mod;
    if (!bind_imports(mod) || !tls_register_module(mod)) {
        module_unregister(mod);
        munmap(mod->base, mod->size);
        free(mod->host_path);
        free(mod->name);
        free(mod->deps);
        free(mod);
        mod = NULL;
        if (is_exe)
            g_exe = NULL;
        goto out;
    }
    mod->page_prot = calloc(mod->size / 4096, sizeof *mod->page_prot);
    pe_protect_image(base, &pe, mod->page_prot);
    mod->initialized = true;
out:
    munmap(data, fsize);
    return mod;
}

/* A file in dir whose name equals name case-insensitively, as Windows
 * would find it. */
static char *find_in_dir(const char *dir, const char *name)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (access(path, F_OK) == 0)
        return strdup(path);
    return path_find_case_insensitive(dir, name);
}

static char *exe_dir(void)
{
    if (!g_exe)
        return NULL;
    char *d = strdup(g_exe->host_path);
    char *slash = strrchr(d, '/');
    if (slash)
        *(slash == d ? slash + 1 : slash) = 0;
    return d;
}

/* Windows' search order for a DLL given by name: the program's folder, the
 * current folder, then PATH. Records where it looked for the error. */
static char *search_dll(const char *name, char *searched, size_t searchedsz)
{
    char *found = NULL;
    char *dir = exe_dir();
    searched[0] = 0;
    if (dir) {
        found = find_in_dir(dir, name);
        snprintf(searched, searchedsz, "%s", dir);
        free(dir);
    }
    if (!found) {
        found = find_in_dir(".", name);
        size_t n = strlen(searched);
        snprintf(searched + n, searchedsz - n, "%s.", n ? ", " : "");
    }
    const char *env = getenv("PATH");
    if (!found && env) {
        char *copy = strdup(env), *save = NULL;
        for (char *d = strtok_r(copy, ":", &save); d && !found; d = strtok_r(NULL, ":", &save))
            found = find_in_dir(d, name);
        free(copy);
        size_t n = strlen(searched);
        snprintf(searched + n, searchedsz - n, ", PATH");
    }
    return found;
}

static bool has_dll_suffix(const char *name)
{
    return strchr(base_name(name), '.') != NULL;
}

static struct module *load_dll(const char *name)
{
    const struct lv_builtin_dll *b = builtin_find(name);
    if (b)
        return builtin_module(b);
    char fname[PATH_MAX];
    snprintf(fname, sizeof fname, "%s%s", name, has_dll_suffix(name) ? "" : ".dll");
    struct module *loaded = module_by_name(fname);
    if (loaded) {
        loaded->refs++;
        return loaded;
    }
    char *host = NULL;
    if (strchr(fname, '\\') || strchr(fname, '/') || strchr(fname, ':')) {
        host = path_windows_to_host_alloc(fname);
        if (!host || access(host, F_OK)) {
            loader_fail("%s not found", fname);
            free(host);
            return NULL;
        }
    } else {
        char searched[PATH_MAX + 64];
        host = search_dll(fname, searched, sizeof searched);
        if (!host) {
            loader_fail("%s not found (searched %s)", fname, searched);
            return NULL;
        }
    }
    struct module *mod = pe_module(host, false);
    if (!mod) {
        char why[512];
        snprintf(why, sizeof why, "%s", loader_error());
        loader_fail("cannot load %s: %s", fname, why);
    }
    free(host);
    return mod;
}

struct module *module_load_dll(const char *name, const struct module *importer)
{
    (void)importer;
    loader_lock();
    struct module *mod = load_dll(name);
    loader_unlock();
    return mod;
}

struct module *module_load_exe(const char *host_path)
{
    loader_lock();
    struct module *mod = pe_module(host_path, true);
    loader_unlock();
    return mod;
}

static void *pe_export(struct module *mod, const char *name, unsigned ordinal,
                       int depth);

/* "DLL.NAME" or "DLL.#ORD" */
static void *forward_target(const char *target, int depth)
{
    const char *dot = strrchr(target, '.');
    if (!dot || depth > 16)
        return NULL;
    char dll[256];
    snprintf(dll, sizeof dll, "%.*s", (int)(dot - target), target);
    struct module *m = load_dll(dll);
    if (!m)
        return NULL;
    if (dot[1] == '#')
        return pe_export(m, NULL, (unsigned)strtoul(dot + 2, NULL, 10), depth + 1);
    return pe_export(m, dot + 1, 0, depth + 1);
}

static void *builtin_export(struct module *mod, const char *name,
                            unsigned ordinal, int depth)
{
    const struct lv_export *e = name ? builtin_export_by_name(mod->builtin, name)
                                     : builtin_export_by_ordinal(mod->builtin, ordinal);
    if (!e || e->kind == LV_EXPORT_STUB)
        return NULL;
    if (e->kind == LV_EXPORT_FORWARD)
        return forward_target(e->target, depth);
    return e->addr;
}

static int cmp_name_rva(uint8_t *base, size_t size, uint32_t rva, const char *name)
{
    const char *s = pe_rva_str(base, size, rva);
    return s ? strcmp(name, s) : -1;
}

static void *pe_export(struct module *mod, const char *name, unsigned ordinal,
                       int depth)
{
    if (mod->builtin)
        return builtin_export(mod, name, ordinal, depth);
    uint32_t dsize;
    struct pe_export_directory *ed = pe_dir(mod, PE_DIR_EXPORT, &dsize);
    if (!ed || dsize < sizeof *ed)
        return NULL;
    uint8_t *b = mod->base;
    size_t sz = mod->size;
    uint32_t *funcs = pe_rva(b, sz, ed->AddressOfFunctions, 4ull * ed->NumberOfFunctions);
    if (!funcs)
        return NULL;
    uint64_t index;
    if (name) {
        uint32_t *names = pe_rva(b, sz, ed->AddressOfNames, 4ull * ed->NumberOfNames);
        uint16_t *ords = pe_rva(b, sz, ed->AddressOfNameOrdinals, 2ull * ed->NumberOfNames);
        if (!names || !ords)
            return NULL;
        /* Names are sorted; binary search, as Windows does. */
        size_t lo = 0, hi = ed->NumberOfNames;
        for (;;) {
            if (lo >= hi)
                return NULL;
            size_t mid = (lo + hi) / 2;
            int c = cmp_name_rva(b, sz, names[mid], name);
            if (c == 0) {
                index = ords[mid];
                break;
            }
            if (c < 0)
                hi = mid;
            else
                lo = mid + 1;
        }
    } else {
        if (ordinal < ed->Base)
            return NULL;
        index = ordinal - ed->Base;
    }
    if (index >= ed->NumberOfFunctions || !funcs[index])
        return NULL;
    uint32_t rva = funcs[index];
    uint32_t dir_rva = (uint32_t)((uint8_t *)ed - b);
    if (rva >= dir_rva && rva < dir_rva + dsize) {
        const char *target = pe_rva_str(b, sz, rva);
        return target ? forward_target(target, depth) : NULL;
    }
    return pe_rva(b, sz, rva, 1);
}

void *module_get_export(struct module *mod, const char *name, unsigned ordinal)
{
    loader_lock();
    void *p = pe_export(mod, name, ordinal, 0);
    loader_unlock();
    return p;
}

static void add_dep(struct module *mod, struct module *dep)
{
    for (size_t i = 0; i < mod->ndeps; i++)
        if (mod->deps[i] == dep)
            return;
    mod->deps = realloc(mod->deps, (mod->ndeps + 1) * sizeof *mod->deps);
    mod->deps[mod->ndeps++] = dep;
}

static bool bind_descriptor(struct module *mod, const struct pe_import_descriptor *d)
{
    uint8_t *b = mod->base;
    size_t sz = mod->size;
    const char *dllname = pe_rva_str(b, sz, d->Name);
    if (!dllname) {
        loader_fail("%s: import descriptor names a DLL outside the image", mod->name);
        return false;
    }
    struct module *dep = load_dll(dllname);
    if (!dep) {
        if (!strstr(loader_error(), dllname)) {
            char why[512];
            snprintf(why, sizeof why, "%s", loader_error());
            loader_fail("%s: %s", dllname, why);
        }
        return false;
    }
    add_dep(mod, dep);
    uint32_t lookup = d->OriginalFirstThunk ? d->OriginalFirstThunk : d->FirstThunk;
    for (uint64_t i = 0;; i++) {
        void *name_slot = pe_rva(b, sz, lookup + i * 8, 8);
        void *iat_slot = pe_rva(b, sz, d->FirstThunk + i * 8, 8);
        if (!name_slot || !iat_slot) {
            loader_fail("%s: import table of %s runs outside the image", mod->name, dllname);
            return false;
        }
        uint64_t v = pe_load64(name_slot);
        if (!v)
            break;
        const char *fname = NULL;
        unsigned ordinal = 0;
        if (v & PE_ORDINAL_FLAG64) {
            ordinal = v & 0xffff;
        } else {
            fname = pe_rva_str(b, sz, (v & 0x7fffffff) + 2);
            if (!fname) {
                loader_fail("%s: import name outside the image", mod->name);
                return false;
            }
        }
        void *addr = pe_export(dep, fname, ordinal, 0);
        if (!addr)
            addr = stub_create(dep->name, fname, ordinal);
        else
            addr = relay_bind(mod, dep, fname, ordinal, addr);
        pe_store64(iat_slot, (uintptr_t)addr);
    }
    return true;
}

static bool bind_imports(struct module *mod)
{
    uint32_t size;
    struct pe_import_descriptor *d = pe_dir(mod, PE_DIR_IMPORT, &size);
    if (!d)
        return true;
    for (uint32_t n = 0; (n + 1) * sizeof *d <= size; n++, d++) {
        if (!d->Name && !d->FirstThunk)
            break;
        if (!bind_descriptor(mod, d))
            return false;
    }
    return true;
}

typedef BOOL (WINAPI *dllmain_fn)(HINSTANCE, DWORD, void *);

#define DLL_PROCESS_DETACH 0
#define DLL_PROCESS_ATTACH 1

static bool attach_one(struct module *mod)
{
    if (mod->attached)
        return true;
    mod->attached = true;
    for (size_t i = 0; i < mod->ndeps; i++)
        if (!attach_one(mod->deps[i]))
            return false;
    if (!mod->is_exe)
        list_append(&loader_ldr_data()->InInitializationOrderModuleList,
                    &mod->ldr.InInitializationOrderLinks);
    if (mod->builtin) {
        if (mod->builtin->attach)
            mod->builtin->attach();
        return true;
    }
    tls_run_callbacks(mod, DLL_PROCESS_ATTACH);
    if (mod->is_exe || !mod->ldr.EntryPoint)
        return true;
    dllmain_fn entry = (dllmain_fn)mod->ldr.EntryPoint;
    /* lpReserved is non-NULL for the DLLs loaded with the program. */
    if (!entry(mod->base, DLL_PROCESS_ATTACH, g_started ? NULL : (void *)1)) {
        loader_fail("initialization of %s failed (DllMain returned FALSE)", mod->name);
        return false;
    }
    return true;
}

bool module_attach_all(void)
{
    loader_lock();
    bool ok = true;
    for (struct module *m = g_modules; m && ok; m = m->next)
        ok = attach_one(m);
    g_started = true;
    loader_unlock();
    return ok;
}

/* lpReserved is non-NULL when the process is ending, NULL for FreeLibrary. */
static void detach_one(struct module *mod, bool process_ending)
{
    if (!mod->attached)
        return;
    mod->attached = false;
    if (mod->builtin) {
        if (mod->builtin->detach)
            mod->builtin->detach();
        return;
    }
    if (!mod->is_exe && mod->ldr.EntryPoint)
        ((dllmain_fn)mod->ldr.EntryPoint)(mod->base, DLL_PROCESS_DETACH,
                                           process_ending ? (void *)1 : NULL);
    tls_run_callbacks(mod, DLL_PROCESS_DETACH);
}

/* Reverse initialization order, as Windows does at exit. */
void module_detach_all(void)
{
    loader_lock();
    if (g_exe)
        detach_one(g_exe, true);
    LIST_ENTRY *head = &loader_ldr_data()->InInitializationOrderModuleList;
    for (LIST_ENTRY *e = head->Blink; e != head;) {
        struct module *m = (struct module *)((uint8_t *)e -
            offsetof(LDR_DATA_TABLE_ENTRY, InInitializationOrderLinks));
        e = e->Blink;
        detach_one(m, true);
    }
    loader_unlock();
}

void module_thread_notify(DWORD reason)
{
    loader_lock();
    for (struct module *m = g_modules; m; m = m->next) {
        if (m->builtin || !m->attached)
            continue;
        tls_run_callbacks(m, reason);
        if (!m->is_exe && m->ldr.EntryPoint)
            ((dllmain_fn)m->ldr.EntryPoint)(m->base, reason, NULL);
    }
    loader_unlock();
}

void module_free(struct module *mod)
{
    loader_lock();
    /* Builtins and the program stay for the life of the process. */
    if (--mod->refs > 0 || mod->is_exe || mod->builtin) {
        loader_unlock();
        return;
    }
    detach_one(mod, false);
    for (size_t i = 0; i < mod->ndeps; i++)
        module_free(mod->deps[i]);
    module_unregister(mod);
    tls_unregister_module(mod);
    munmap(mod->base, mod->size);
    free(mod->host_path);
    free(mod->name);
    free(mod->deps);
    free(mod->page_prot);
    free(mod);
    loader_unlock();
}

void module_set_page_prot(struct module *mod, const void *start, size_t len, uint16_t prot)
{
    if (!mod->page_prot)
        return;
    size_t first = ((const uint8_t *)start - mod->base) / 4096;
    size_t end = ((const uint8_t *)start - mod->base + len + 4095) / 4096;
    for (size_t p = first; p < end && p < mod->size / 4096; p++)
        mod->page_prot[p] = prot;
}
