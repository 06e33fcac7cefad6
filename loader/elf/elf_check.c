/* lvrun --check for an ELF program: every symbol it and its libraries
 * import, and what provides it ("module: libc.so!name: status", as the
 * PE side prints). Exit status 1 when any is unimplemented or missing. */
#include <stdio.h>
#include <string.h>
#include "elf_loader.h"
#include "shim/posix/px_surface.h"

#define STATUS_LOAD_FAILED 126

static const char *status_of(const char *name, bool weak, const char **from)
{
    struct elf_module *owner;
    if (elf_lookup(name, NULL, &owner)) {
        *from = owner->name;
        return "provided by the library";
    }
    *from = "libc.so";
    bool found;
    px_surface_symbol(name, &found);
    if (found)
        return "implemented";
    if (weak)
        return "weak, absent";
    for (size_t i = 0; i < px_symbol_count; i++)
        if (!strcmp(px_symbols[i].name, name))
            return "unimplemented";
    return "missing";
}

int elf_check(const char *path)
{
    struct elf_module *exe = elf_map_file(path, path, true);
    if (exe && exe->is_static) {
        printf("%s: statically linked: no imports; its system calls are caught\n", path);
        return 0;
    }
    if (!exe || !elf_load_deps(exe)) {
        fprintf(stderr, "lvrun: %s\n", elf_error());
        return STATUS_LOAD_FAILED;
    }
    unsigned total = 0, bad = 0;
    for (struct elf_module *m = exe; m; m = m->next) {
        size_t count = elf_symbol_count(m);
        for (size_t i = 1; i < count; i++) {
            const Elf64_Sym *s = &m->symtab[i];
            if (s->st_shndx != SHN_UNDEF || !s->st_name)
                continue;
            const char *name = m->strtab + s->st_name, *from;
            const char *status = status_of(name, ELF64_ST_BIND(s->st_info) == STB_WEAK, &from);
            printf("%s: %s!%s: %s\n", m->name, from, name, status);
            total++;
            bad += !strcmp(status, "unimplemented") || !strcmp(status, "missing");
        }
    }
    printf("%u imports, %u not implemented\n", total, bad);
    return bad ? 1 : 0;
}
