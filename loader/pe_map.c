#include <errno.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

#ifndef MADV_POPULATE_WRITE
#define MADV_POPULATE_WRITE 23 /* Linux 5.14; older kernels refuse it, harmlessly */
#endif
#include "lv/winnt.h"
#include "pe_image.h"

#define PAGE_SIZE 4096ull
#define ALLOC_GRANULARITY 0x10000ull

static int fail(char *err, size_t errsz, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errsz, fmt, ap);
    va_end(ap);
    return -1;
}

const char *pe_rva_str(uint8_t *base, size_t size, uint64_t rva)
{
    if (rva >= size)
        return NULL;
    if (!memchr(base + rva, 0, size - rva))
        return NULL;
    return (const char *)base + rva;
}

/* Windows places images on 64 KiB boundaries; programs (and our own
 * HMODULE checks) rely on it, so an image mapped elsewhere is aligned too. */
static uint8_t *map_anywhere(size_t size)
{
    size_t len = size + ALLOC_GRANULARITY;
    uint8_t *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
    uint8_t *aligned = (uint8_t *)(((uintptr_t)p + ALLOC_GRANULARITY - 1) &
                                   ~(ALLOC_GRANULARITY - 1));
    if (aligned > p)
        munmap(p, aligned - p);
    size_t tail = (p + len) - (aligned + size);
    if (tail)
        munmap(aligned + size, tail);
    return aligned;
}

static int has_relocs(const struct pe_file *pe)
{
    const struct pe_optional_header64 *opt = &pe->nt->OptionalHeader;
    if (pe->nt->FileHeader.Characteristics & PE_FILE_RELOCS_STRIPPED)
        return 0;
    return opt->NumberOfRvaAndSizes > PE_DIR_BASERELOC &&
           opt->DataDirectory[PE_DIR_BASERELOC].Size != 0;
}

int pe_relocate(uint8_t *base, size_t size, int64_t delta,
                char *err, size_t errsz)
{
    /* The mapped headers, which relocations may have patched. */
    uint32_t lfanew = (uint32_t)((struct pe_dos_header *)base)->e_lfanew;
    const struct pe_nt_headers64 *nt = pe_rva(base, size, lfanew, sizeof *nt);
    if (!nt || lfanew % 4)
        return fail(err, errsz, "the mapped PE header is damaged");
    const struct pe_data_dir *dir = &nt->OptionalHeader.DataDirectory[PE_DIR_BASERELOC];
    uint64_t off = dir->VirtualAddress, end = off + dir->Size;
    while (off + sizeof(struct pe_base_relocation) <= end) {
        struct pe_base_relocation *blk = pe_rva(base, size, off, sizeof *blk);
        if (!blk)
            return fail(err, errsz, "relocation block outside the image");
        if (blk->SizeOfBlock < sizeof *blk || off + blk->SizeOfBlock > end)
            return fail(err, errsz, "malformed relocation block at 0x%llx",
                        (unsigned long long)off);
        uint16_t *ent = (uint16_t *)(blk + 1);
        size_t count = (blk->SizeOfBlock - sizeof *blk) / 2;
        for (size_t i = 0; i < count; i++) {
            unsigned type = ent[i] >> 12;
            uint64_t rva = (uint64_t)blk->VirtualAddress + (ent[i] & 0xfff);
            if (type == PE_REL_ABSOLUTE)
                continue;
            if (type == PE_REL_DIR64) {
                uint64_t *p = pe_rva(base, size, rva, 8);
                if (!p)
                    return fail(err, errsz, "relocation target outside the image");
                *p += delta;
            } else if (type == PE_REL_HIGHLOW) {
                uint32_t *p = pe_rva(base, size, rva, 4);
                if (!p)
                    return fail(err, errsz, "relocation target outside the image");
                *p += (uint32_t)delta;
            } else {
                return fail(err, errsz, "unsupported relocation type %u", type);
            }
        }
        off += blk->SizeOfBlock;
    }
    return 0;
}

/* The bytes of a section's raw data that are copied into the image, and
 * where they start in the file (*ptr). As Windows maps sections: raw data
 * at offset 0 is none, and raw data past VirtualSize shows up to the
 * section's aligned end; it may start in the padding past the end of the
 * file. Its offset counts in 512-byte sectors when files are aligned to
 * them. */
static uint64_t section_raw(const struct pe_file *pe, const struct pe_section_header *s,
                            uint64_t *ptr)
{
    const struct pe_optional_header64 *opt = &pe->nt->OptionalHeader;
    *ptr = s->PointerToRawData;
    if (opt->FileAlignment >= 512)
        *ptr &= ~511ull;
    uint64_t raw = s->PointerToRawData ? s->SizeOfRawData : 0;
    if (s->VirtualSize) {
        uint64_t align = opt->SectionAlignment;
        uint64_t span = (s->VirtualSize + align - 1) / align * align;
        if (span > opt->SizeOfImage - s->VirtualAddress)
            span = opt->SizeOfImage - s->VirtualAddress;
        if (raw > span)
            raw = span;
    }
    if (*ptr >= pe->size)
        return 0;
    return raw > pe->size - *ptr ? pe->size - *ptr : raw;
}

uint8_t *pe_map_image(const struct pe_file *pe, char *err, size_t errsz)
{
    const struct pe_optional_header64 *opt = &pe->nt->OptionalHeader;
    size_t size = (opt->SizeOfImage + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
    uint8_t *want = (uint8_t *)(uintptr_t)opt->ImageBase;
    uint8_t *base = mmap(want, size, PROT_READ | PROT_WRITE,
                         MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    if (base != MAP_FAILED && base != want) {
        /* Kernels before 4.17 treat the flag as a hint. */
        munmap(base, size);
        base = MAP_FAILED;
    }
    if (base == MAP_FAILED) {
        if (!has_relocs(pe)) {
            fail(err, errsz, "its base address 0x%llx is taken and it has no "
                 "relocations", (unsigned long long)opt->ImageBase);
            return NULL;
        }
        base = map_anywhere(size);
        if (!base) {
            fail(err, errsz, "cannot map %zu bytes: %s", size, strerror(errno));
            return NULL;
        }
    }
    /* The pages the copies below fill, faulted in by one call rather
     * than one fault each (a start-up maps a whole program). */
    uint64_t filled = opt->SizeOfHeaders;
    for (unsigned i = 0; i < pe->nsections; i++) {
        uint64_t ptr, raw = section_raw(pe, &pe->sections[i], &ptr);
        if (raw && pe->sections[i].VirtualAddress + raw > filled)
            filled = pe->sections[i].VirtualAddress + raw;
    }
    if (filled > size)
        filled = size;
    madvise(base, (filled + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1), MADV_POPULATE_WRITE);
    memcpy(base, pe->data, opt->SizeOfHeaders);
    for (unsigned i = 0; i < pe->nsections; i++) {
        uint64_t ptr, raw = section_raw(pe, &pe->sections[i], &ptr);
        if (raw)
            memcpy(base + pe->sections[i].VirtualAddress, pe->data + ptr, raw);
    }
    int64_t delta = (int64_t)((uintptr_t)base - opt->ImageBase);
    if (delta) {
        /* The mapped header keeps the preferred base, as Wine leaves it:
         * programs compare it with their HMODULE to see the relocation. */
        if (pe_relocate(base, size, delta, err, errsz)) {
            munmap(base, size);
            return NULL;
        }
    }
    return base;
}

/* The Windows protection of a section, as VirtualQuery reports it. */
static uint16_t section_win_prot(uint32_t ch)
{
    bool r = ch & PE_SCN_MEM_READ, w = ch & PE_SCN_MEM_WRITE, x = ch & PE_SCN_MEM_EXECUTE;
    if (x)
        return w ? PAGE_EXECUTE_READWRITE : PAGE_EXECUTE_READ;
    if (w)
        return PAGE_READWRITE;
    return r ? PAGE_READONLY : PAGE_NOACCESS;
}

static void record(uint16_t *page_prot, uint64_t rva, uint64_t len, uint16_t prot)
{
    for (uint64_t p = rva / PAGE_SIZE; p < (rva + len) / PAGE_SIZE; p++)
        page_prot[p] = prot;
}

void pe_protect_image(uint8_t *base, const struct pe_file *pe, uint16_t *page_prot)
{
    const struct pe_optional_header64 *opt = &pe->nt->OptionalHeader;
    size_t image = (opt->SizeOfImage + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
    /* Sections aligned below a page share pages: leave such images
     * read-write-execute rather than guess. */
    if (opt->SectionAlignment < PAGE_SIZE) {
        mprotect(base, image, PROT_READ | PROT_WRITE | PROT_EXEC);
        record(page_prot, 0, image, PAGE_EXECUTE_READWRITE);
        return;
    }
    /* Pages no section covers stay read-write, as the mapping left them. */
    record(page_prot, 0, image, PAGE_READWRITE);
    size_t headers = (opt->SizeOfHeaders + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
    record(page_prot, 0, headers, PAGE_READONLY);
    for (unsigned i = 0; i < pe->nsections; i++) {
        const struct pe_section_header *s = &pe->sections[i];
        uint64_t vsize = s->VirtualSize ? s->VirtualSize : s->SizeOfRawData;
        vsize = (vsize + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
        record(page_prot, s->VirtualAddress, vsize, section_win_prot(s->Characteristics));
    }
    /* One mprotect per run of pages alike, none for read-write runs (the
     * mapping's own state): a start-up pays a system call per call. */
    size_t pages = image / PAGE_SIZE;
    for (size_t first = 0, p = 1; p <= pages; p++) {
        if (p < pages && page_prot[p] == page_prot[first])
            continue;
        if (page_prot[first] != PAGE_READWRITE)
            mprotect(base + first * PAGE_SIZE, (p - first) * PAGE_SIZE, lv_host_prot(page_prot[first]));
        first = p;
    }
}
