/* The resource tree of a PE (type / name / language), read with every
 * offset and size checked: a damaged section gives PE_RES_BAD, never a
 * read outside it. Shared by FindResource, EnumResource*, LoadString and
 * version.dll, for mapped images and for files read as data. */
#ifndef LV_PE_RESOURCE_H
#define LV_PE_RESOURCE_H

#include <stddef.h>
#include <stdint.h>
#include "lv/pe.h"

#define PE_RT_STRING 6
#define PE_RT_VERSION 16

enum pe_res_status {
    PE_RES_OK,
    PE_RES_NO_DATA, /* no resource section */
    PE_RES_NO_TYPE,
    PE_RES_NO_NAME,
    PE_RES_NO_LANG,
    PE_RES_BAD,     /* malformed directory, or data outside the image */
};

/* Where the tree is and how its data RVAs are reached: through a mapped
 * image, or through the section table of a file read as it is on disk. */
struct pe_resources {
    const uint8_t *dir;
    uint32_t dir_size;
    const uint8_t *image;
    size_t image_size;
    const uint8_t *file;
    size_t file_size;
    const struct pe_section_header *sections;
    unsigned nsections;
};

/* A type, name or language: an integer ID when name is NULL, else a
 * counted UTF-16 name, compared case-insensitively. */
struct pe_res_key {
    const uint16_t *name;
    uint32_t len;
    uint16_t id;
};

/* A mapped image's resources (dir may be NULL: then there are none). */
void pe_resources_of_image(struct pe_resources *r, const uint8_t *base,
                           size_t size, const void *dir, uint32_t dir_size);
/* A PE file's resources, from its bytes as on disk (checked by pe_parse).
 * Returns PE_RES_BAD with a sentence in err when the file is no PE. */
enum pe_res_status pe_resources_of_file(struct pe_resources *r,
                                        const uint8_t *data, size_t size,
                                        char *err, size_t errsz);

/* The data entry of type/name in the first of langs[0..nlangs) present,
 * else of the first language listed. */
enum pe_res_status pe_resource_find(const struct pe_resources *r,
                                    const struct pe_res_key *type,
                                    const struct pe_res_key *name,
                                    const uint16_t *langs, size_t nlangs,
                                    const struct pe_resource_data_entry **out);

/* The bytes a data entry describes; NULL when entry is not a data entry
 * of this tree or its data lies outside the image. */
const void *pe_resource_data(const struct pe_resources *r,
                             const struct pe_resource_data_entry *entry,
                             uint32_t *size);

/* Calls each(key, ctx) for every entry of a directory, in the order
 * stored: the types (depth 0), the names of path[0] (depth 1), the
 * languages of path[0]/path[1] (depth 2). A non-zero return from each
 * stops the walk, and *stopped says so. A named key points into the
 * tree and is not NUL-terminated. */
enum pe_res_status pe_resource_enum(const struct pe_resources *r,
                                    const struct pe_res_key *path, int depth,
                                    int (*each)(const struct pe_res_key *key, void *ctx),
                                    void *ctx, int *stopped);

#endif
