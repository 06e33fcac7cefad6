/* PE32+ parsing and mapping (loader-internal). */
#ifndef LV_PE_IMAGE_H
#define LV_PE_IMAGE_H

#include <stddef.h>
#include <stdint.h>
#include "lv/pe.h"

/* A PE file read into memory whose headers have been checked: every
 * pointer below lies inside data[0..size). */
struct pe_file {
    const uint8_t *data;
    size_t size;
    const struct pe_nt_headers64 *nt;
    const struct pe_section_header *sections;
    unsigned nsections;
};

/* Check the headers, the section table and the data directories. On
 * failure returns -1 with a sentence in err ("the section table extends
 * past the end of the file"). */
int pe_parse(const uint8_t *data, size_t size, struct pe_file *pe,
             char *err, size_t errsz);

/* Map the image at its preferred base, or elsewhere and relocated. The
 * whole image is left read-write for binding; pe_protect_image applies
 * the sections' protections afterwards. */
uint8_t *pe_map_image(const struct pe_file *pe, char *err, size_t errsz);
int pe_relocate(uint8_t *base, size_t size, int64_t delta,
                char *err, size_t errsz);
/* Applies the sections' protections and records each page's Windows
 * protection in page_prot (one entry a page of the image). */
void pe_protect_image(uint8_t *base, const struct pe_file *pe, uint16_t *page_prot);

/* A pointer to [rva, rva+len) inside a mapped image of size bytes, or NULL. */
static inline void *pe_rva(uint8_t *base, size_t size, uint64_t rva,
                           uint64_t len)
{
    if (rva > size || len > size - rva)
        return NULL;
    return base + rva;
}

/* Import tables need only 4-byte alignment in an image: their 64-bit
 * entries are read and written bytewise. */
static inline uint64_t pe_load64(const void *p)
{
    uint64_t v;
    __builtin_memcpy(&v, p, 8);
    return v;
}

static inline void pe_store64(void *p, uint64_t v)
{
    __builtin_memcpy(p, &v, 8);
}

/* A NUL-terminated string at rva inside the image, or NULL. */
const char *pe_rva_str(uint8_t *base, size_t size, uint64_t rva);

#endif
