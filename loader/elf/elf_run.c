/* Running an ELF program: load it and its libraries, relocate, give
 * it the initial stack the kernel would have built, and jump to its
 * entry point. musl's loader is never involved: the program's libc.so
 * imports bind to lvrun's musl surface (shim/posix). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <unistd.h>
#include "elf_loader.h"
#include "syscalls/syscalls.h"

#define STATUS_LOAD_FAILED 126
#define STACK_SIZE (8UL << 20)
#define AUX_COUNT 24

extern char **environ;
static Elf64_auxv_t *g_auxv;

unsigned long elf_getauxval(unsigned long type, bool *found)
{
    for (Elf64_auxv_t *a = g_auxv; a && a->a_type != AT_NULL; a++)
        if (a->a_type == type) {
            *found = true;
            return a->a_un.a_val;
        }
    *found = false;
    return 0;
}

static bool relocate_reverse(struct elf_module *m)
{
    if (!m)
        return true;
    if (!relocate_reverse(m->next))
        return false;
    return m->relocated || elf_relocate(m);
}

/* The layout _start expects: argc, argv, NULL, envp, NULL, auxv, AT_NULL;
 * the strings it points to stay where the host keeps them. */
static void *build_stack(struct elf_module *exe, int argc, char **argv)
{
    char *stack = mmap(NULL, STACK_SIZE, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    if (stack == MAP_FAILED)
        return NULL;
    char *top = stack + STACK_SIZE;
    top -= 16;
    unsigned char *random = (unsigned char *)top;
    if (getrandom(random, 16, 0) != 16)
        memset(random, 0x5a, 16);
    size_t envc = 0;
    while (environ[envc])
        envc++;
    size_t words = 1 + argc + 1 + envc + 1 + 2 * AUX_COUNT;
    uintptr_t *sp = (uintptr_t *)(((uintptr_t)top - words * 8) & ~15UL);
    uintptr_t *p = sp;
    *p++ = argc;
    for (int i = 0; i < argc; i++)
        *p++ = (uintptr_t)argv[i];
    *p++ = 0;
    for (size_t i = 0; i < envc; i++)
        *p++ = (uintptr_t)environ[i];
    *p++ = 0;
    g_auxv = (Elf64_auxv_t *)p;
    const struct { unsigned long type, value; } aux[] = {
        { AT_PHDR, (uintptr_t)exe->phdr }, { AT_PHENT, sizeof(Elf64_Phdr) },
        { AT_PHNUM, exe->phnum }, { AT_PAGESZ, 4096 }, { AT_BASE, 0 },
        { AT_FLAGS, 0 }, { AT_ENTRY, exe->entry }, { AT_UID, getuid() },
        { AT_EUID, geteuid() }, { AT_GID, getgid() }, { AT_EGID, getegid() },
        { AT_SECURE, 0 }, { AT_RANDOM, (uintptr_t)random },
        { AT_HWCAP, getauxval(AT_HWCAP) }, { AT_HWCAP2, getauxval(AT_HWCAP2) },
        { AT_CLKTCK, getauxval(AT_CLKTCK) },
        { AT_SYSINFO_EHDR, getauxval(AT_SYSINFO_EHDR) },
        { AT_EXECFN, (uintptr_t)argv[0] }, { AT_PLATFORM, getauxval(AT_PLATFORM) },
        { AT_MINSIGSTKSZ, getauxval(AT_MINSIGSTKSZ) },
    };
    for (size_t i = 0; i < sizeof aux / sizeof *aux; i++) {
        *p++ = aux[i].type;
        *p++ = aux[i].value;
    }
    *p++ = AT_NULL;
    *p++ = 0;
    return sp;
}

/* rdx is the fini function of a dynamic loader; there is none here. */
static __attribute__((noreturn)) void jump(uintptr_t entry, void *sp)
{
    __asm__ volatile("mov %0, %%rsp\n\t"
                     "xor %%ebp, %%ebp\n\t"
                     "xor %%edx, %%edx\n\t"
                     "jmp *%1" : : "r"(sp), "r"(entry) : "rdx", "memory");
    __builtin_unreachable();
}

int elf_run(const char *path, int argc, char **argv)
{
    struct elf_module *exe = elf_map_file(path, path, true);
    if (exe && exe->is_static) {
        void *sp = build_stack(exe, argc, argv);
        if (sp)
            return sc_run_static(exe, sp);
        elf_set_error("%s: cannot allocate the stack: %s", path, strerror(errno));
        goto fail;
    }
    if (!exe || !elf_load_deps(exe))
        goto fail;
    for (struct elf_module *m = exe; m; m = m->next)
        if (!elf_tls_assign(m))
            goto fail;
    char *slash = strrchr(argv[0], '/');
    program_invocation_name = argv[0];
    program_invocation_short_name = slash ? slash + 1 : argv[0];
    if (!relocate_reverse(exe))
        goto fail;
    elf_tls_init_thread();
    elf_set_init_args(argc, argv);
    void *sp = build_stack(exe, argc, argv);
    if (!sp) {
        elf_set_error("%s: cannot allocate the stack: %s", path, strerror(errno));
        goto fail;
    }
    jump(exe->entry, sp);
fail:
    fprintf(stderr, "lvrun: %s\n", elf_error());
    return STATUS_LOAD_FAILED;
}
