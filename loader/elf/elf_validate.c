/* Every table the loader reads from a mapped module, checked once when
 * it is mapped: the dynamic section, the string and symbol tables, the
 * hash tables and the relocation tables must lie inside the mapping, and
 * every index in them must stay inside its table. Lookups and relocation
 * then read them without further checks, and a damaged file is refused
 * with a message instead of crashing lvrun. */
#include <string.h>
#include "elf_loader.h"

bool elf_in_segment(const struct elf_module *m, uintptr_t addr, size_t size, bool readable)
{
    for (unsigned i = 0; i < m->nloads; i++) {
        uintptr_t lo = m->loads[i].start, hi = readable ? m->loads[i].file_end : m->loads[i].end;
        if ((m->loads[i].readable || !readable) && addr >= lo && addr <= hi && size <= hi - addr)
            return true;
    }
    return false;
}

/* Bytes from addr to the end of the readable segment holding it. */
static size_t readable_from(const struct elf_module *m, uintptr_t addr)
{
    for (unsigned i = 0; i < m->nloads; i++)
        if (m->loads[i].readable && addr >= m->loads[i].start && addr < m->loads[i].file_end)
            return m->loads[i].file_end - addr;
    return 0;
}

/* Tables the loader reads: inside a readable segment. */
static bool in_readable(const struct elf_module *m, uintptr_t addr, size_t size)
{
    return elf_in_segment(m, addr, size, true);
}

static bool words_in_map(const struct elf_module *m, const uint32_t *p, size_t words)
{
    return words <= SIZE_MAX / 4 && in_readable(m, (uintptr_t)p, words * 4);
}

/* DT_HASH: nbucket, nchain, the buckets, the chains; nchain is the
 * number of symbols. */
static bool sysv_hash_symbols(const struct elf_module *m, size_t *count)
{
    const uint32_t *h = m->hash;
    if (!words_in_map(m, h, 2))
        return false;
    size_t nbucket = h[0], nchain = h[1];
    if (!nbucket || !words_in_map(m, h, 2 + nbucket + nchain))
        return false;
    for (size_t i = 0; i < nbucket + nchain; i++)
        if (h[2 + i] >= nchain)
            return false;
    *count = nchain;
    return true;
}

/* DT_GNU_HASH: nbuckets, symoffset, bloom_size, shift, the bloom words,
 * the buckets, then one chain word per symbol from symoffset on, the last
 * of each chain with its low bit set. */
static bool gnu_hash_symbols(const struct elf_module *m, size_t *count)
{
    const uint32_t *h = m->gnu_hash;
    if (((uintptr_t)h & 7) || !words_in_map(m, h, 4))
        return false;
    size_t nbuckets = h[0], symoffset = h[1], bloom_size = h[2];
    if (!nbuckets || !bloom_size || h[3] >= 32)
        return false;
    size_t head = 4 + 2 * bloom_size + nbuckets;
    if (!words_in_map(m, h, head))
        return false;
    const uint32_t *buckets = h + 4 + 2 * bloom_size, *chain = h + head;
    size_t last = 0;
    for (size_t i = 0; i < nbuckets; i++)
        if (buckets[i] > last)
            last = buckets[i];
    if (last < symoffset) {
        *count = symoffset;
        return true;
    }
    size_t avail = readable_from(m, (uintptr_t)chain) / 4;
    for (;;) {
        if (last - symoffset >= avail)
            return false;
        if (chain[last - symoffset] & 1)
            break;
        last++;
    }
    *count = last + 1;
    return true;
}

/* A table given by an address tag and a size tag: false when absent. */
static bool dyn_table(const struct elf_module *m, long addr_tag, long size_tag,
                      uintptr_t *addr, size_t *size)
{
    bool has_addr = false;
    *size = 0;
    for (size_t i = 0; i < m->dyn_count; i++) {
        if (m->dynamic[i].d_tag == addr_tag) {
            *addr = m->bias + m->dynamic[i].d_un.d_ptr;
            has_addr = true;
        } else if (m->dynamic[i].d_tag == size_tag) {
            *size = m->dynamic[i].d_un.d_val;
        }
    }
    return has_addr;
}

/* Absent is fine. */
static bool table_ok(const struct elf_module *m, long addr_tag, long size_tag)
{
    uintptr_t addr;
    size_t size;
    return !dyn_table(m, addr_tag, size_tag, &addr, &size) || in_readable(m, addr, size);
}

static bool relocations_ok(const struct elf_module *m, long addr_tag, long size_tag)
{
    uintptr_t addr;
    size_t size;
    if (!dyn_table(m, addr_tag, size_tag, &addr, &size))
        return true;
    if (!in_readable(m, addr, size))
        return false;
    const Elf64_Rela *r = (const Elf64_Rela *)addr;
    for (size_t i = 0; i < size / sizeof *r; i++) {
        if (ELF64_R_TYPE(r[i].r_info) == R_X86_64_NONE)
            continue;
        /* Relocation makes every segment writable for its writes. */
        if (!elf_in_segment(m, m->bias + r[i].r_offset, sizeof(uintptr_t), false)
            || ELF64_R_SYM(r[i].r_info) >= m->nsyms)
            return false;
        if (ELF64_R_TYPE(r[i].r_info) == R_X86_64_COPY
            && !elf_in_segment(m, m->bias + r[i].r_offset,
                               m->symtab[ELF64_R_SYM(r[i].r_info)].st_size, false))
            return false;
    }
    return true;
}

bool elf_malformed(const struct elf_module *m, const char *what)
{
    elf_set_error("%s: malformed ELF file: %s", m->path, what);
    return false;
}

bool elf_count_dynamic(struct elf_module *m, size_t dynamic_size)
{
    size_t max = dynamic_size / sizeof(Elf64_Dyn);
    if (!in_readable(m, (uintptr_t)m->dynamic, dynamic_size) || ((uintptr_t)m->dynamic & 7))
        return elf_malformed(m, "dynamic section outside the image");
    for (m->dyn_count = 0; m->dyn_count < max && m->dynamic[m->dyn_count].d_tag != DT_NULL;)
        m->dyn_count++;
    if (m->dyn_count == max)
        return elf_malformed(m, "dynamic section without an end");
    return true;
}

bool elf_validate(struct elf_module *m)
{
    if (!m->strtab || !m->strsz || !in_readable(m, (uintptr_t)m->strtab, m->strsz)
        || m->strtab[m->strsz - 1])
        return elf_malformed(m, "string table outside the image or unterminated");
    size_t count = 0;
    if (m->gnu_hash ? !gnu_hash_symbols(m, &count) : !m->hash || !sysv_hash_symbols(m, &count))
        return elf_malformed(m, "malformed symbol hash table");
    if (((uintptr_t)m->symtab & 7) || count > SIZE_MAX / sizeof(Elf64_Sym)
        || !in_readable(m, (uintptr_t)m->symtab, count * sizeof(Elf64_Sym)))
        return elf_malformed(m, "symbol table outside the image");
    m->nsyms = count;
    for (size_t i = 0; i < count; i++)
        if (m->symtab[i].st_name >= m->strsz)
            return elf_malformed(m, "symbol name outside the string table");
    const char *rpath = NULL;
    for (size_t i = 0; i < m->dyn_count; i++) {
        long tag = m->dynamic[i].d_tag;
        if (tag != DT_NEEDED && tag != DT_RUNPATH && tag != DT_RPATH)
            continue;
        if (m->dynamic[i].d_un.d_val >= m->strsz)
            return elf_malformed(m, "library name outside the string table");
        /* DT_RUNPATH wins over DT_RPATH, as in every loader. */
        if (tag == DT_RUNPATH)
            m->runpath = m->strtab + m->dynamic[i].d_un.d_val;
        else if (tag == DT_RPATH)
            rpath = m->strtab + m->dynamic[i].d_un.d_val;
    }
    if (!m->runpath)
        m->runpath = rpath;
    if (!relocations_ok(m, DT_RELA, DT_RELASZ) || !relocations_ok(m, DT_JMPREL, DT_PLTRELSZ))
        return elf_malformed(m, "relocation outside the image");
    if (!table_ok(m, DT_INIT_ARRAY, DT_INIT_ARRAYSZ) || !table_ok(m, DT_FINI_ARRAY, DT_FINI_ARRAYSZ))
        return elf_malformed(m, "init or fini array outside the image");
    return true;
}
