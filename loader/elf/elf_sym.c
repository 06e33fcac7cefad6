/* Symbol lookup: a module's own hash table, then the global scope. */
#include <string.h>
#include "elf_loader.h"
#include "shim/posix/px_surface.h"

static uint32_t sysv_hash(const char *s)
{
    uint32_t h = 0;
    for (; *s; s++) {
        h = (h << 4) + (unsigned char)*s;
        h ^= (h >> 24) & 0xf0;
    }
    return h & 0x0fffffff;
}

static uint32_t gnu_hash(const char *s)
{
    uint32_t h = 5381;
    for (; *s; s++)
        h = h * 33 + (unsigned char)*s;
    return h;
}

static bool defines(const struct elf_module *m, const Elf64_Sym *s, const char *name)
{
    return s->st_shndx != SHN_UNDEF && !strcmp(m->strtab + s->st_name, name)
           && (ELF64_ST_BIND(s->st_info) == STB_GLOBAL || ELF64_ST_BIND(s->st_info) == STB_WEAK
               || ELF64_ST_BIND(s->st_info) == STB_GNU_UNIQUE)
           && (s->st_value || ELF64_ST_TYPE(s->st_info) == STT_TLS);
}

static const Elf64_Sym *lookup_gnu(const struct elf_module *m, const char *name)
{
    const uint32_t *h = m->gnu_hash;
    uint32_t nbuckets = h[0], symoffset = h[1], bloom_size = h[2], shift = h[3];
    const uint64_t *bloom = (const uint64_t *)(h + 4);
    const uint32_t *buckets = (const uint32_t *)(bloom + bloom_size);
    const uint32_t *chain = buckets + nbuckets;
    uint32_t hash = gnu_hash(name);
    uint64_t word = bloom[(hash / 64) % bloom_size];
    uint64_t mask = (1ULL << (hash % 64)) | (1ULL << ((hash >> shift) % 64));
    if ((word & mask) != mask)
        return NULL;
    uint32_t i = buckets[hash % nbuckets];
    if (i < symoffset)
        return NULL;
    for (;; i++) {
        uint32_t h2 = chain[i - symoffset];
        if ((h2 | 1) == (hash | 1) && defines(m, &m->symtab[i], name))
            return &m->symtab[i];
        if (h2 & 1)
            return NULL;
    }
}

static const Elf64_Sym *lookup_sysv(const struct elf_module *m, const char *name)
{
    uint32_t nbucket = m->hash[0];
    const uint32_t *bucket = m->hash + 2, *chain = bucket + nbucket;
    /* A chain longer than the table has a loop: stop there. */
    size_t steps = 0;
    for (uint32_t i = bucket[sysv_hash(name) % nbucket]; i && steps < m->nsyms; i = chain[i], steps++)
        if (defines(m, &m->symtab[i], name))
            return &m->symtab[i];
    return NULL;
}

const Elf64_Sym *elf_module_symbol(const struct elf_module *m, const char *name)
{
    return m->gnu_hash ? lookup_gnu(m, name) : lookup_sysv(m, name);
}

const Elf64_Sym *elf_lookup(const char *name, const struct elf_module *skip,
                            struct elf_module **owner)
{
    for (struct elf_module *m = elf_modules(); m; m = m->next) {
        if (m == skip)
            continue;
        const Elf64_Sym *s = elf_module_symbol(m, name);
        if (s) {
            *owner = m;
            return s;
        }
    }
    return NULL;
}

void *elf_symbol(const char *name, const struct elf_module *skip, bool *found)
{
    struct elf_module *m;
    const Elf64_Sym *s = elf_lookup(name, skip, &m);
    if (s) {
        *found = true;
        return (void *)(m->bias + s->st_value);
    }
    return px_surface_symbol(name, found);
}

struct elf_module *elf_module_at(const void *addr)
{
    uintptr_t a = (uintptr_t)addr;
    for (struct elf_module *m = elf_modules(); m; m = m->next)
        if (a >= (uintptr_t)m->map && a < (uintptr_t)m->map + m->map_size)
            return m;
    return NULL;
}

/* Counted when the module was checked (elf_validate.c). */
size_t elf_symbol_count(const struct elf_module *m)
{
    return m->nsyms;
}
