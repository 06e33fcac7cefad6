/* The ELF parser on any file: elf_map_file maps it and checks every table
 * the loader reads (elf_validate.c); then each symbol is looked up by its
 * own name, as relocation and --check do. The module is unmapped after
 * each input. Relocation is left out: it runs the input's own resolver
 * functions (IRELATIVE), which is the program's code, not the parser. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "elf/elf_loader.h"
#include "harness.h"

static struct harness_file g_file;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    harness_init();
    harness_file_init(&g_file, "fuzz-elf");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    harness_file_write(&g_file, data, size);
    struct elf_module *m = elf_map_file(g_file.path, "fuzz", true);
    if (!m)
        return 0;
    if (!m->is_static) {
        size_t n = elf_symbol_count(m);
        for (size_t i = 1; i < n && i < 4096; i++)
            elf_module_symbol(m, m->strtab + m->symtab[i].st_name);
        elf_module_symbol(m, "main");
    }
    elf_unmap(m);
    return 0;
}
