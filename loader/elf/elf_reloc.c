/* Relocations, PT_GNU_RELRO, and the init and fini functions. */
#include <string.h>
#include <sys/mman.h>
#include "elf_loader.h"
#include "lv/trace.h"
#include "shim/posix/px_surface.h"

#define PAGE 4096UL

static bool resolve(struct elf_module *m, const Elf64_Sym *sym, unsigned type,
                    uintptr_t *value, struct elf_module **owner, const Elf64_Sym **def)
{
    const char *name = m->strtab + sym->st_name;
    *owner = m;
    *def = sym;
    if (sym->st_shndx != SHN_UNDEF && ELF64_ST_BIND(sym->st_info) == STB_LOCAL) {
        *value = m->bias + sym->st_value;
        return true;
    }
    const Elf64_Sym *s = elf_lookup(name, type == R_X86_64_COPY ? m : NULL, owner);
    if (s) {
        *def = s;
        *value = ELF64_ST_TYPE(s->st_info) == STT_TLS ? s->st_value
                                                       : (*owner)->bias + s->st_value;
        return true;
    }
    *owner = NULL;
    bool found = false;
    void *p = px_surface_symbol(name, &found);
    if (found) {
        bool function = type == R_X86_64_JUMP_SLOT || ELF64_ST_TYPE(sym->st_info) == STT_FUNC;
        *value = (uintptr_t)(function ? relay_bind_posix("libc.so", name, p) : p);
        return true;
    }
    if (ELF64_ST_BIND(sym->st_info) == STB_WEAK) {
        *value = 0;
        return true;
    }
    /* A missing function stops the program when it is called, not before. */
    if (type == R_X86_64_JUMP_SLOT
        || (type == R_X86_64_GLOB_DAT && ELF64_ST_TYPE(sym->st_info) == STT_FUNC)
        || (type == R_X86_64_64 && ELF64_ST_TYPE(sym->st_info) == STT_FUNC)) {
        *value = (uintptr_t)elf_stub_create(name);
        return *value != 0;
    }
    elf_set_error("%s: symbol %s is not provided by lvrun's musl surface nor by a "
                  "loaded library", m->path, name);
    return false;
}

static bool apply(struct elf_module *m, const Elf64_Rela *r)
{
    unsigned type = ELF64_R_TYPE(r->r_info);
    unsigned symi = ELF64_R_SYM(r->r_info);
    uintptr_t *where = (uintptr_t *)(m->bias + r->r_offset);
    uintptr_t value = 0;
    struct elf_module *owner = m;
    const Elf64_Sym *def = NULL;
    if (type == R_X86_64_NONE)
        return true;
    if (symi && !resolve(m, &m->symtab[symi], type, &value, &owner, &def))
        return false;
    switch (type) {
    case R_X86_64_RELATIVE:
        *where = m->bias + r->r_addend;
        break;
    case R_X86_64_64:
        *where = value + r->r_addend;
        break;
    case R_X86_64_GLOB_DAT:
    case R_X86_64_JUMP_SLOT:
        *where = value;
        break;
    case R_X86_64_COPY:
        if (value)
            memcpy(where, (void *)value, m->symtab[symi].st_size);
        break;
    case R_X86_64_IRELATIVE:
        *where = ((uintptr_t (*)(void))(m->bias + r->r_addend))();
        break;
    case R_X86_64_TPOFF64:
        if (symi && !owner) {
            elf_set_error("%s: thread-local %s is not a guest variable", m->path,
                          m->strtab + m->symtab[symi].st_name);
            return false;
        }
        *where = (symi ? value : 0) + r->r_addend - (owner ? owner : m)->tls_offset;
        break;
    case R_X86_64_DTPMOD64:
        /* A module's TLS is static here: its id is its offset below TP. */
        *where = (symi && owner ? owner : m)->tls_offset;
        break;
    case R_X86_64_DTPOFF64:
        *where = (symi ? value : 0) + r->r_addend;
        break;
    default:
        elf_set_error("%s: unsupported relocation type %u at 0x%lx", m->path, type,
                      (unsigned long)r->r_offset);
        return false;
    }
    return true;
}

static bool apply_table(struct elf_module *m, uintptr_t table, size_t size)
{
    const Elf64_Rela *r = (const Elf64_Rela *)(m->bias + table);
    for (size_t i = 0; i < size / sizeof *r; i++)
        if (!apply(m, &r[i]))
            return false;
    return true;
}

/* Pages that are not writable after loading are made so while relocating. */
static void set_writable(struct elf_module *m, bool writable)
{
    for (unsigned i = 0; i < m->phnum; i++) {
        const Elf64_Phdr *p = &m->phdr[i];
        if (p->p_type != PT_LOAD || (p->p_flags & PF_W))
            continue;
        uintptr_t start = (m->bias + p->p_vaddr) & ~(PAGE - 1);
        uintptr_t end = (m->bias + p->p_vaddr + p->p_memsz + PAGE - 1) & ~(PAGE - 1);
        int prot = (p->p_flags & PF_R ? PROT_READ : 0) | (p->p_flags & PF_X ? PROT_EXEC : 0);
        mprotect((void *)start, end - start, writable ? prot | PROT_WRITE : prot);
    }
}

static void protect_relro(struct elf_module *m)
{
    for (unsigned i = 0; i < m->phnum; i++) {
        const Elf64_Phdr *p = &m->phdr[i];
        if (p->p_type != PT_GNU_RELRO)
            continue;
        uintptr_t start = (m->bias + p->p_vaddr) & ~(PAGE - 1);
        uintptr_t end = (m->bias + p->p_vaddr + p->p_memsz) & ~(PAGE - 1);
        if (end > start)
            mprotect((void *)start, end - start, PROT_READ);
    }
}

bool elf_relocate(struct elf_module *m)
{
    uintptr_t rela = 0, jmprel = 0;
    size_t relasz = 0, pltrelsz = 0;
    bool textrel = false;
    for (const Elf64_Dyn *d = m->dynamic; d->d_tag != DT_NULL; d++) {
        switch (d->d_tag) {
        case DT_RELA: rela = d->d_un.d_ptr; break;
        case DT_RELASZ: relasz = d->d_un.d_val; break;
        case DT_JMPREL: jmprel = d->d_un.d_ptr; break;
        case DT_PLTRELSZ: pltrelsz = d->d_un.d_val; break;
        case DT_TEXTREL: textrel = true; break;
        case DT_REL:
            elf_set_error("%s: REL relocations are not used on x86-64", m->path);
            return false;
        }
    }
    if (!m->phdr) {
        elf_set_error("%s: program headers are not in a loaded segment", m->path);
        return false;
    }
    if (textrel)
        set_writable(m, true);
    bool ok = apply_table(m, rela, relasz) && apply_table(m, jmprel, pltrelsz);
    if (textrel)
        set_writable(m, false);
    if (!ok)
        return false;
    protect_relro(m);
    m->relocated = true;
    return true;
}

typedef void (*init_fn)(int, char **, char **);
typedef void (*fini_fn)(void);

static void dyn_array(const struct elf_module *m, long tag, long sz_tag,
                      uintptr_t **array, size_t *count, uintptr_t *single, long single_tag)
{
    *array = NULL;
    *count = 0;
    *single = 0;
    for (const Elf64_Dyn *d = m->dynamic; d->d_tag != DT_NULL; d++) {
        if (d->d_tag == tag)
            *array = (uintptr_t *)(m->bias + d->d_un.d_ptr);
        else if (d->d_tag == sz_tag)
            *count = d->d_un.d_val / sizeof(uintptr_t);
        else if (d->d_tag == single_tag)
            *single = m->bias + d->d_un.d_ptr;
    }
}

extern char **environ;
static int g_argc;
static char **g_argv;

void elf_set_init_args(int argc, char **argv)
{
    g_argc = argc;
    g_argv = argv;
}

void elf_run_init(struct elf_module *m)
{
    if (m->initialized)
        return;
    m->initialized = true;
    uintptr_t *array, single;
    size_t count;
    dyn_array(m, DT_INIT_ARRAY, DT_INIT_ARRAYSZ, &array, &count, &single, DT_INIT);
    if (single)
        ((init_fn)single)(g_argc, g_argv, environ);
    for (size_t i = 0; i < count; i++)
        if (array[i] && array[i] != (uintptr_t)-1)
            ((init_fn)array[i])(g_argc, g_argv, environ);
}

static void run_fini(struct elf_module *m)
{
    if (!m->initialized)
        return;
    m->initialized = false;
    uintptr_t *array, single;
    size_t count;
    dyn_array(m, DT_FINI_ARRAY, DT_FINI_ARRAYSZ, &array, &count, &single, DT_FINI);
    while (count--)
        if (array[count] && array[count] != (uintptr_t)-1)
            ((fini_fn)array[count])();
    if (single)
        ((fini_fn)single)();
}

/* Dependencies first: the modules were loaded breadth first, so the
 * reverse of load order initialises a library before its users. */
static void init_reverse(struct elf_module *m)
{
    if (!m)
        return;
    init_reverse(m->next);
    elf_run_init(m);
}

void elf_run_all_init(void)
{
    init_reverse(elf_modules());
}

void elf_run_all_fini(void)
{
    for (struct elf_module *m = elf_modules(); m; m = m->next)
        run_fini(m);
}
