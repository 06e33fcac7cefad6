/* The resource tree: three levels of directories (type, name, language)
 * whose entries hold offsets from the start of the tree, ending in data
 * entries that hold RVAs. Nothing read from it is trusted. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include "lv/pe_resource.h"
#include "lv/wstr.h"
#include "pe_image.h"

#define RES_SUBDIR 0x80000000u
#define RES_NAMED 0x80000000u

void pe_resources_of_image(struct pe_resources *r, const uint8_t *base,
                           size_t size, const void *dir, uint32_t dir_size)
{
    memset(r, 0, sizeof *r);
    r->dir = dir;
    r->dir_size = dir ? dir_size : 0;
    r->image = base;
    r->image_size = size;
}

/* [rva, rva+len) in the file's bytes: inside one section's raw data. */
static const uint8_t *file_rva(const struct pe_resources *r, uint32_t rva, uint32_t len)
{
    for (unsigned i = 0; i < r->nsections; i++) {
        const struct pe_section_header *s = &r->sections[i];
        if (rva < s->VirtualAddress)
            continue;
        uint64_t off = (uint64_t)rva - s->VirtualAddress;
        if (off + len > s->SizeOfRawData)
            continue;
        uint64_t at = s->PointerToRawData + off;
        if (at + len > r->file_size)
            return NULL;
        return r->file + at;
    }
    return NULL;
}

static const uint8_t *rva_bytes(const struct pe_resources *r, uint32_t rva, uint32_t len)
{
    if (r->file)
        return file_rva(r, rva, len);
    if (rva > r->image_size || len > r->image_size - rva)
        return NULL;
    return r->image + rva;
}

enum pe_res_status pe_resources_of_file(struct pe_resources *r,
                                        const uint8_t *data, size_t size,
                                        char *err, size_t errsz)
{
    struct pe_file pe;
    memset(r, 0, sizeof *r);
    if (pe_parse(data, size, &pe, err, errsz))
        return PE_RES_BAD;
    r->file = data;
    r->file_size = size;
    r->sections = pe.sections;
    r->nsections = pe.nsections;
    const struct pe_optional_header64 *opt = &pe.nt->OptionalHeader;
    if (opt->NumberOfRvaAndSizes <= PE_DIR_RESOURCE)
        return PE_RES_NO_DATA;
    const struct pe_data_dir *d = &opt->DataDirectory[PE_DIR_RESOURCE];
    if (!d->VirtualAddress || !d->Size)
        return PE_RES_NO_DATA;
    r->dir = file_rva(r, d->VirtualAddress, d->Size);
    if (!r->dir) {
        snprintf(err, errsz, "the resource directory lies outside the file");
        return PE_RES_BAD;
    }
    r->dir_size = d->Size;
    return PE_RES_OK;
}

/* The directory at off and its entry count, when all of it is inside. */
static const struct pe_resource_directory_entry *
dir_entries(const struct pe_resources *r, uint32_t off, uint32_t *count)
{
    const size_t head = sizeof(struct pe_resource_directory);
    if (off % 4 || (uintptr_t)r->dir % 4 || off > r->dir_size ||
        r->dir_size - off < head)
        return NULL;
    const struct pe_resource_directory *d = (const void *)(r->dir + off);
    uint32_t n = (uint32_t)d->NumberOfNamedEntries + d->NumberOfIdEntries;
    if ((r->dir_size - off - head) / sizeof(struct pe_resource_directory_entry) < n)
        return NULL;
    *count = n;
    return (const void *)(d + 1);
}

static bool entry_key(const struct pe_resources *r,
                      const struct pe_resource_directory_entry *e,
                      struct pe_res_key *key)
{
    memset(key, 0, sizeof *key);
    if (!(e->Name & RES_NAMED)) {
        key->id = (uint16_t)e->Name;
        return e->Name <= 0xffff;
    }
    uint64_t off = e->Name & ~RES_NAMED;
    if (off % 2 || off + 2 > r->dir_size)
        return false;
    uint16_t len;
    memcpy(&len, r->dir + off, 2);
    if (off + 2 + 2ull * len > r->dir_size)
        return false;
    key->name = (const uint16_t *)(r->dir + off + 2);
    key->len = len;
    return true;
}

static bool key_equal(const struct pe_res_key *a, const struct pe_res_key *b)
{
    if (!a->name || !b->name)
        return !a->name && !b->name && a->id == b->id;
    if (a->len != b->len)
        return false;
    for (uint32_t i = 0; i < a->len; i++)
        if (wchar_upper(a->name[i]) != wchar_upper(b->name[i]))
            return false;
    return true;
}

/* The target (OffsetToData) of the entry named key in the directory at
 * off: 1 found, 0 absent, -1 malformed. */
static int dir_lookup(const struct pe_resources *r, uint32_t off,
                      const struct pe_res_key *key, uint32_t *target)
{
    uint32_t n;
    const struct pe_resource_directory_entry *e = dir_entries(r, off, &n);
    if (!e)
        return -1;
    for (uint32_t i = 0; i < n; i++) {
        struct pe_res_key k;
        if (!entry_key(r, &e[i], &k))
            return -1;
        if (key_equal(&k, key)) {
            *target = e[i].OffsetToData;
            return 1;
        }
    }
    return 0;
}

/* Follow one level down: the subdirectory an entry of a type or name
 * directory must lead to. */
static enum pe_res_status descend(const struct pe_resources *r, uint32_t *off,
                                  const struct pe_res_key *key,
                                  enum pe_res_status absent)
{
    uint32_t t;
    int found = dir_lookup(r, *off, key, &t);
    if (found < 0)
        return PE_RES_BAD;
    if (!found)
        return absent;
    if (!(t & RES_SUBDIR))
        return PE_RES_BAD;
    *off = t & ~RES_SUBDIR;
    return PE_RES_OK;
}

static enum pe_res_status pick_language(const struct pe_resources *r, uint32_t off,
                                        const uint16_t *langs, size_t nlangs,
                                        uint32_t *target)
{
    for (size_t i = 0; i < nlangs; i++) {
        struct pe_res_key k = { .id = langs[i] };
        int found = dir_lookup(r, off, &k, target);
        if (found)
            return found < 0 ? PE_RES_BAD : PE_RES_OK;
    }
    uint32_t n;
    const struct pe_resource_directory_entry *e = dir_entries(r, off, &n);
    if (!e)
        return PE_RES_BAD;
    if (!n)
        return PE_RES_NO_LANG;
    *target = e[0].OffsetToData;
    return PE_RES_OK;
}

static const struct pe_resource_data_entry *data_entry(const struct pe_resources *r,
                                                       uint32_t off)
{
    if (off % 4 || (uint64_t)off + sizeof(struct pe_resource_data_entry) > r->dir_size)
        return NULL;
    return (const void *)(r->dir + off);
}

enum pe_res_status pe_resource_find(const struct pe_resources *r,
                                    const struct pe_res_key *type,
                                    const struct pe_res_key *name,
                                    const uint16_t *langs, size_t nlangs,
                                    const struct pe_resource_data_entry **out)
{
    if (!r->dir)
        return PE_RES_NO_DATA;
    uint32_t off = 0, t;
    enum pe_res_status st = descend(r, &off, type, PE_RES_NO_TYPE);
    if (st == PE_RES_OK)
        st = descend(r, &off, name, PE_RES_NO_NAME);
    if (st == PE_RES_OK)
        st = pick_language(r, off, langs, nlangs, &t);
    if (st != PE_RES_OK)
        return st;
    if (t & RES_SUBDIR || !(*out = data_entry(r, t)))
        return PE_RES_BAD;
    return PE_RES_OK;
}

const void *pe_resource_data(const struct pe_resources *r,
                             const struct pe_resource_data_entry *entry,
                             uint32_t *size)
{
    const uint8_t *p = (const uint8_t *)entry;
    if (!r->dir || p < r->dir || p >= r->dir + r->dir_size ||
        data_entry(r, (uint32_t)(p - r->dir)) != entry)
        return NULL;
    const void *data = rva_bytes(r, entry->OffsetToData, entry->Size);
    if (data && size)
        *size = entry->Size;
    return data;
}

enum pe_res_status pe_resource_enum(const struct pe_resources *r,
                                    const struct pe_res_key *path, int depth,
                                    int (*each)(const struct pe_res_key *key, void *ctx),
                                    void *ctx, int *stopped)
{
    static const enum pe_res_status absent[] = { PE_RES_NO_TYPE, PE_RES_NO_NAME };
    *stopped = 0;
    if (!r->dir)
        return PE_RES_NO_DATA;
    uint32_t off = 0, n;
    for (int level = 0; level < depth && level < 2; level++) {
        enum pe_res_status st = descend(r, &off, &path[level], absent[level]);
        if (st != PE_RES_OK)
            return st;
    }
    const struct pe_resource_directory_entry *e = dir_entries(r, off, &n);
    if (!e)
        return PE_RES_BAD;
    for (uint32_t i = 0; i < n; i++) {
        struct pe_res_key k;
        if (!entry_key(r, &e[i], &k))
            return PE_RES_BAD;
        if (each(&k, ctx)) {
            *stopped = 1;
            break;
        }
    }
    return PE_RES_OK;
}
