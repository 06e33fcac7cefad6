/* Mapping an ELF file: its PT_LOAD segments with their protections, and
 * the dynamic section parsed. Programs lvrun cannot run are named here. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "elf_loader.h"

#define PAGE 4096UL
#define PAGE_DOWN(x) ((x) & ~(PAGE - 1))
#define PAGE_UP(x) (((x) + PAGE - 1) & ~(PAGE - 1))

static char g_error[512];
static struct elf_module *g_modules;

const char *elf_error(void)
{
    return g_error;
}

void elf_set_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(g_error, sizeof g_error, fmt, ap);
    va_end(ap);
}

struct elf_module *elf_modules(void)
{
    return g_modules;
}

bool elf_is_elf(const char *path)
{
    char magic[4];
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    bool is = pread(fd, magic, 4, 0) == 4 && !memcmp(magic, ELFMAG, SELFMAG);
    close(fd);
    return is;
}

static const char *machine_name(unsigned m)
{
    switch (m) {
    case EM_386: return "i386";
    case EM_ARM: return "ARM";
    case EM_AARCH64: return "AArch64";
    case EM_RISCV: return "RISC-V";
    case EM_PPC64: return "PowerPC 64";
    case EM_S390: return "s390";
    case EM_MIPS: return "MIPS";
    default: return "another architecture";
    }
}

static bool check_header(const Elf64_Ehdr *eh, const char *path)
{
    if (eh->e_ident[EI_CLASS] != ELFCLASS64 || eh->e_machine != EM_X86_64) {
        unsigned m = eh->e_ident[EI_CLASS] == ELFCLASS64 ? eh->e_machine
                     : ((const Elf32_Ehdr *)eh)->e_machine;
        elf_set_error("%s: built for %s (%s, e_machine %u): lvrun runs x86-64 programs",
                      path, machine_name(m),
                      eh->e_ident[EI_CLASS] == ELFCLASS64 ? "64-bit" : "32-bit", m);
        return false;
    }
    if (eh->e_ident[EI_DATA] != ELFDATA2LSB || eh->e_phentsize != sizeof(Elf64_Phdr)
        || eh->e_phnum == 0 || eh->e_phnum > 64) {
        elf_set_error("%s: malformed ELF header", path);
        return false;
    }
    if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN) {
        elf_set_error("%s: not an executable or shared library (e_type %u)",
                      path, eh->e_type);
        return false;
    }
    return true;
}

/* The program's interpreter says which C library it was linked against. */
static bool check_interp(int fd, const Elf64_Phdr *ph, unsigned n, const char *path,
                         bool *is_static)
{
    *is_static = true;
    for (unsigned i = 0; i < n; i++) {
        if (ph[i].p_type != PT_INTERP)
            continue;
        *is_static = false;
        char interp[256] = "";
        size_t len = ph[i].p_filesz < sizeof interp - 1 ? ph[i].p_filesz : sizeof interp - 1;
        if (pread(fd, interp, len, ph[i].p_offset) != (ssize_t)len)
            interp[0] = 0;
        interp[len] = 0;
        if (strstr(interp, "ld-musl-x86_64"))
            return true;
        if (strstr(interp, "ld-linux"))
            elf_set_error("%s: linked against glibc (interpreter %s): run it directly; "
                          "lvrun runs musl programs", path, interp);
        else
            elf_set_error("%s: unknown interpreter %s: lvrun runs programs linked "
                          "against musl (/lib/ld-musl-x86_64.so.1)", path, interp);
        return false;
    }
    return true;
}

static int prot_of(uint32_t flags)
{
    return (flags & PF_R ? PROT_READ : 0) | (flags & PF_W ? PROT_WRITE : 0)
           | (flags & PF_X ? PROT_EXEC : 0);
}

static bool map_segments(struct elf_module *m, int fd, const Elf64_Ehdr *eh,
                         const Elf64_Phdr *ph)
{
    struct stat st;
    if (fstat(fd, &st)) {
        elf_set_error("%s: %s", m->path, strerror(errno));
        return false;
    }
    uintptr_t lo = UINTPTR_MAX, hi = 0;
    for (unsigned i = 0; i < eh->e_phnum; i++) {
        if (ph[i].p_type != PT_LOAD)
            continue;
        /* The file part inside the memory part, no wrap-around, and file
         * offsets that map to their addresses page by page. */
        if (ph[i].p_filesz > ph[i].p_memsz || ph[i].p_vaddr > (1ull << 47)
            || ph[i].p_memsz > (1ull << 47) || ph[i].p_offset > (1ull << 47)
            || (ph[i].p_offset - ph[i].p_vaddr) % PAGE
            || ph[i].p_offset + ph[i].p_filesz > (uint64_t)st.st_size) {
            return elf_malformed(m, "a loadable segment is inconsistent");
        }
        /* In ascending order without sharing a page, as the ELF format
         * asks: a segment mapped over another would leave the loader's
         * idea of what is readable wrong. */
        if (hi && PAGE_DOWN(ph[i].p_vaddr) < hi) {
            elf_set_error("%s: malformed ELF file: loadable segments overlap", m->path);
            return false;
        }
        if (PAGE_DOWN(ph[i].p_vaddr) < lo)
            lo = PAGE_DOWN(ph[i].p_vaddr);
        if (PAGE_UP(ph[i].p_vaddr + ph[i].p_memsz) > hi)
            hi = PAGE_UP(ph[i].p_vaddr + ph[i].p_memsz);
    }
    if (lo >= hi) {
        elf_set_error("%s: no loadable segment", m->path);
        return false;
    }
    m->map_size = hi - lo;
    m->nloads = 0;
    int flags = MAP_PRIVATE | MAP_ANONYMOUS;
    if (eh->e_type == ET_EXEC)
        flags |= MAP_FIXED_NOREPLACE;
    void *base = mmap(eh->e_type == ET_EXEC ? (void *)lo : NULL, m->map_size,
                      PROT_NONE, flags, -1, 0);
    if (base == MAP_FAILED || (eh->e_type == ET_EXEC && base != (void *)lo)) {
        elf_set_error("%s: cannot reserve 0x%lx bytes at 0x%lx: %s", m->path,
                      (unsigned long)m->map_size, (unsigned long)lo, strerror(errno));
        return false;
    }
    m->map = base;
    m->bias = (uintptr_t)base - lo;
    for (unsigned i = 0; i < eh->e_phnum; i++) {
        const Elf64_Phdr *p = &ph[i];
        if (p->p_type != PT_LOAD)
            continue;
        uintptr_t start = m->bias + PAGE_DOWN(p->p_vaddr);
        uintptr_t file_end = m->bias + p->p_vaddr + p->p_filesz;
        uintptr_t mem_end = m->bias + p->p_vaddr + p->p_memsz;
        int prot = prot_of(p->p_flags);
        if (m->nloads == ELF_MAX_LOADS) {
            elf_set_error("%s: more than %d loadable segments", m->path, ELF_MAX_LOADS);
            return false;
        }
        m->loads[m->nloads].start = m->bias + p->p_vaddr;
        m->loads[m->nloads].file_end = file_end;
        m->loads[m->nloads].end = mem_end;
        m->loads[m->nloads++].readable = (prot & PROT_READ) != 0;
        if (p->p_filesz) {
            size_t len = file_end - start;
            if (mmap((void *)start, len, prot | (p->p_memsz > p->p_filesz ? PROT_WRITE : 0),
                     MAP_PRIVATE | MAP_FIXED, fd, PAGE_DOWN(p->p_offset)) == MAP_FAILED) {
                elf_set_error("%s: cannot map a segment: %s", m->path, strerror(errno));
                return false;
            }
            /* The rest of the last file page belongs to .bss. */
            if (p->p_memsz > p->p_filesz && PAGE_UP(file_end) != file_end)
                memset((void *)file_end, 0, PAGE_UP(file_end) - file_end);
            if (p->p_memsz > p->p_filesz)
                mprotect((void *)start, PAGE_UP(file_end) - start, prot);
        }
        uintptr_t anon = p->p_filesz ? PAGE_UP(file_end) : start;
        if (PAGE_UP(mem_end) > anon
            && mmap((void *)anon, PAGE_UP(mem_end) - anon, prot,
                    MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0) == MAP_FAILED) {
            elf_set_error("%s: cannot map .bss: %s", m->path, strerror(errno));
            return false;
        }
    }
    return true;
}

/* The tables' addresses; elf_validate checks them before any is read. */
static void parse_dynamic(struct elf_module *m)
{
    for (size_t i = 0; i < m->dyn_count; i++) {
        const Elf64_Dyn *d = &m->dynamic[i];
        uintptr_t p = m->bias + d->d_un.d_ptr;
        switch (d->d_tag) {
        case DT_SYMTAB: m->symtab = (const Elf64_Sym *)p; break;
        case DT_STRTAB: m->strtab = (const char *)p; break;
        case DT_STRSZ: m->strsz = d->d_un.d_val; break;
        case DT_HASH: m->hash = (const uint32_t *)p; break;
        case DT_GNU_HASH: m->gnu_hash = (const uint32_t *)p; break;
        }
    }
}

static void add_module(struct elf_module *m)
{
    struct elf_module **tail = &g_modules;
    while (*tail)
        tail = &(*tail)->next;
    *tail = m;
}

static struct elf_module *discard(struct elf_module *m)
{
    if (m->map)
        munmap(m->map, m->map_size);
    free(m->path);
    free(m->name);
    free(m);
    return NULL;
}

void elf_unmap(struct elf_module *m)
{
    for (struct elf_module **p = &g_modules; *p; p = &(*p)->next)
        if (*p == m) {
            *p = m->next;
            break;
        }
    discard(m);
}

struct elf_module *elf_map_file(const char *path, const char *name, bool is_exe)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        elf_set_error("%s: %s", path, strerror(errno));
        return NULL;
    }
    Elf64_Ehdr eh;
    Elf64_Phdr ph[64];
    struct elf_module *m = NULL;
    bool is_static;
    if (pread(fd, &eh, sizeof eh, 0) != sizeof eh || memcmp(eh.e_ident, ELFMAG, SELFMAG)) {
        elf_set_error("%s: not an ELF file", path);
        goto out;
    }
    if (!check_header(&eh, path))
        goto out;
    size_t phsize = eh.e_phnum * sizeof *ph;
    if (pread(fd, ph, phsize, eh.e_phoff) != (ssize_t)phsize) {
        elf_set_error("%s: truncated program headers", path);
        goto out;
    }
    if (!check_interp(fd, ph, eh.e_phnum, path, &is_static))
        goto out;
    m = calloc(1, sizeof *m);
    m->path = strdup(path);
    m->name = strdup(name);
    m->is_exe = is_exe;
    m->is_static = is_exe && is_static;
    m->refcount = 1;
    if (!map_segments(m, fd, &eh, ph)) {
        m = discard(m);
        goto out;
    }
    m->entry = m->bias + eh.e_entry;
    m->phnum = eh.e_phnum;
    size_t dynamic_size = 0;
    for (unsigned i = 0; i < eh.e_phnum; i++) {
        if (ph[i].p_type == PT_LOAD && ph[i].p_offset <= eh.e_phoff
            && eh.e_phoff + phsize <= ph[i].p_offset + ph[i].p_filesz)
            m->phdr = (const Elf64_Phdr *)(m->bias + ph[i].p_vaddr
                                           + eh.e_phoff - ph[i].p_offset);
        if (ph[i].p_type == PT_DYNAMIC) {
            m->dynamic = (const Elf64_Dyn *)(m->bias + ph[i].p_vaddr);
            dynamic_size = ph[i].p_memsz;
        }
        if (ph[i].p_type == PT_TLS) {
            m->tls_image = (const void *)(m->bias + ph[i].p_vaddr);
            m->tls_filesz = ph[i].p_filesz;
            m->tls_memsz = ph[i].p_memsz;
            m->tls_align = ph[i].p_align ? ph[i].p_align : 1;
        }
    }
    if (m->tls_image && (m->tls_filesz > m->tls_memsz
                         || !elf_in_segment(m, (uintptr_t)m->tls_image, m->tls_filesz, true))) {
        elf_set_error("%s: malformed ELF file: thread-local template outside the image", path);
        m = discard(m);
        goto out;
    }
    if (m->dynamic && !elf_count_dynamic(m, dynamic_size)) {
        m = discard(m);
        goto out;
    }
    parse_dynamic(m);
    if (m->is_static) {
        add_module(m);
        goto out;
    }
    if (!m->symtab || !m->strtab || (!m->hash && !m->gnu_hash)) {
        elf_set_error("%s: no dynamic symbol table", path);
        m = discard(m);
        goto out;
    }
    if (!elf_validate(m)) {
        m = discard(m);
        goto out;
    }
    add_module(m);
out:
    close(fd);
    return m;
}
