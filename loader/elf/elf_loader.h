/* The ELF loader's interface to the lvrun driver and to shim/posix. */
#ifndef LV_ELF_LOADER_H
#define LV_ELF_LOADER_H

#include <elf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define ELF_MAX_LOADS 16

struct elf_module {
    struct elf_module *next;    /* load order, which is lookup order */
    struct {
        uintptr_t start;        /* bias + p_vaddr */
        uintptr_t file_end;     /* start + p_filesz: the part read from the file */
        uintptr_t end;          /* start + p_memsz */
        bool readable;
    } loads[ELF_MAX_LOADS];     /* the PT_LOAD segments, as mapped */
    unsigned nloads;
    char *path;
    char *name;                 /* the DT_NEEDED name it was loaded as */
    uintptr_t bias;
    void *map;
    size_t map_size;
    const Elf64_Phdr *phdr;
    unsigned phnum;
    const Elf64_Dyn *dynamic;
    size_t dyn_count;           /* entries before DT_NULL (checked: elf_validate.c) */
    const Elf64_Sym *symtab;
    size_t nsyms;
    const char *strtab;
    size_t strsz;
    const uint32_t *hash;
    const uint32_t *gnu_hash;
    uintptr_t entry;
    const char *runpath;
    const void *tls_image;
    size_t tls_filesz, tls_memsz, tls_align;
    size_t tls_offset;          /* its TLS block starts at TP - tls_offset */
    int refcount;
    bool is_exe;
    bool is_static;             /* a program without interpreter: syscalls/ runs it */
    bool relocated;
    bool initialized;
};

/* lvrun's entry for ELF files; returns only on failure (a status). */
bool elf_is_elf(const char *path);
int elf_run(const char *path, int argc, char **argv);
int elf_check(const char *path);

/* Error text of the last failure of the functions below. */
const char *elf_error(void);
void elf_set_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The one report of a malformed file (elf_validate.c): false, the error set. */
bool elf_malformed(const struct elf_module *m, const char *what);

struct elf_module *elf_modules(void);
struct elf_module *elf_map_file(const char *path, const char *name, bool is_exe);
/* Takes a module that was only mapped (never run) off the list and out of
 * memory (the ELF fuzzer). */
void elf_unmap(struct elf_module *m);
/* Whether [addr, addr + size) lies in one loaded segment; when readable
 * is asked, in the part of a readable segment that comes from the file
 * (where the loader's tables are: this also bounds their size by the
 * file's). */
bool elf_in_segment(const struct elf_module *m, uintptr_t addr, size_t size, bool readable);
bool elf_count_dynamic(struct elf_module *m, size_t dynamic_size);
bool elf_validate(struct elf_module *m);
struct elf_module *elf_load_needed(struct elf_module *from, const char *name);
bool elf_load_deps(struct elf_module *m);
bool elf_relocate(struct elf_module *m);
void elf_run_init(struct elf_module *m);
void elf_run_all_init(void);
void elf_run_all_fini(void);
void elf_set_init_args(int argc, char **argv);

/* Symbol lookup: the guest modules in load order, then the musl surface. */
const Elf64_Sym *elf_module_symbol(const struct elf_module *m, const char *name);
const Elf64_Sym *elf_lookup(const char *name, const struct elf_module *skip,
                            struct elf_module **owner);
void *elf_symbol(const char *name, const struct elf_module *skip, bool *found);
struct elf_module *elf_module_at(const void *addr);
size_t elf_symbol_count(const struct elf_module *m);
bool elf_is_surface_name(const char *name);

/* An import slot for a musl function that is not provided. */
void *elf_stub_create(const char *name);

/* The guest's TLS, kept in lvrun's own static TLS reserve. */
bool elf_tls_assign(struct elf_module *m);
void elf_tls_init_thread(void);
void *elf_tls_get_addr(const size_t *v);

/* The initial stack's auxiliary vector, as the guest saw it. */
unsigned long elf_getauxval(unsigned long type, bool *found);

#endif
