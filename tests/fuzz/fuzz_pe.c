/* The PE parser and image mapper on any file: pe_parse, then pe_map_image
 * (which relocates), pe_relocate once more on the mapped result, and the
 * sections' protections; the image is unmapped after each input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "pe_image.h"
#include "harness.h"

#define GRANULARITY 0x10000u

/* An input may ask for any image base, among them the sanitizers' own
 * regions; every image is sent to one base that is already taken, so the
 * mapper always takes its relocation path, the one with input-driven
 * writes. */
static uint64_t taken_base(void)
{
    static uint64_t base;
    if (!base) {
        uint8_t *p = mmap(NULL, 2 * GRANULARITY, PROT_NONE,
                          MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            abort();
        base = ((uintptr_t)p + GRANULARITY - 1) & ~(uint64_t)(GRANULARITY - 1);
    }
    return base;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    harness_init();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint8_t *copy = malloc(size + 1);
    memcpy(copy, data, size);
    struct pe_file pe;
    char err[256];
    if (pe_parse(copy, size, &pe, err, sizeof err) == 0) {
        struct pe_nt_headers64 *nt = (struct pe_nt_headers64 *)pe.nt;
        nt->OptionalHeader.ImageBase = taken_base();
        uint8_t *base = pe_map_image(&pe, err, sizeof err);
        if (base) {
            size_t mapped = (nt->OptionalHeader.SizeOfImage + 4095) & ~(size_t)4095;
            pe_relocate(base, mapped, GRANULARITY, err, sizeof err);
            uint16_t *page_prot = calloc(mapped / 4096, sizeof *page_prot);
            pe_protect_image(base, &pe, page_prot);
            free(page_prot);
            munmap(base, mapped);
        }
    }
    free(copy);
    return 0;
}
