/* Starting a static program with its system calls caught. */
#include <asm/hwcap2.h>
#include <cpuid.h>
#include <elf.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <sys/mman.h>
#include <unistd.h>
#include "loader/elf/elf_loader.h"
#include "lv/trace.h"
#include "sc.h"
#include "syscalls.h"

#define STATUS_LOAD_FAILED 126

const char *sc_program_path;
const char *sc_lvrun_path;
uint64_t sc_xsave_size;
bool sc_xsavec;

static int fail(const char *what)
{
    fprintf(stderr, "lvrun: %s: %s\n", sc_program_path, what);
    return STATUS_LOAD_FAILED;
}

static int prot_of(uint32_t flags)
{
    return (flags & PF_R ? PROT_READ : 0) | (flags & PF_W ? PROT_WRITE : 0)
           | (flags & PF_X ? PROT_EXEC : 0);
}

static uintptr_t note_segments(const struct elf_module *exe)
{
    uintptr_t end = 0;
    for (unsigned i = 0; i < exe->phnum; i++) {
        const Elf64_Phdr *p = &exe->phdr[i];
        if (p->p_type != PT_LOAD)
            continue;
        uintptr_t start = (exe->bias + p->p_vaddr) & ~4095UL;
        uintptr_t stop = (exe->bias + p->p_vaddr + p->p_memsz + 4095) & ~4095UL;
        sc_add_segment(start, stop, prot_of(p->p_flags));
        if (stop > end)
            end = stop;
    }
    return end;
}

int sc_run_static(const struct elf_module *exe, void *sp)
{
    static char program[PATH_MAX], self[PATH_MAX];
    sc_program_path = realpath(exe->path, program) ? program : exe->path;
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0)
        return fail("cannot find lvrun's own executable (/proc/self/exe)");
    self[n] = 0;
    sc_lvrun_path = self;
    if (!(getauxval(AT_HWCAP2) & HWCAP2_FSGSBASE))
        return fail("static programs need the FSGSBASE instructions (a CPU with "
                    "them and Linux 5.9 or later)");
    unsigned a, b, c, d;
    if (!__get_cpuid_count(0xd, 0, &a, &b, &c, &d) || !b)
        return fail("static programs need the XSAVE instructions");
    sc_xsave_size = b + 64;
    sc_xsavec = __get_cpuid_count(0xd, 1, &a, &b, &c, &d) && (a & bit_XSAVEC);
    if (!exe->phdr)
        return fail("no program headers in memory");
    sc_brk_init(note_segments(exe));
    const char *stats = getenv("LVRUN_SYSCALL_STATS");
    sc_stats_on = stats && *stats && strcmp(stats, "0");
    sc_signal_init();
    if (!sc_install_sigsys())
        return fail("cannot install the SIGSYS handler");
    if (sc_rewrite_init())
        sc_rewrite_ahead(exe);
    struct sc_thread *t = sc_thread_new(sc_fs_base());
    if (!t)
        return fail("out of memory");
    if (!sc_thread_arm(t))
        return fail("Syscall User Dispatch is not available (it needs Linux 5.11 "
                    "or later): static programs cannot run");
    trace(syscalls, "%s: entry %#lx, dispatch %s", sc_program_path, (long)exe->entry,
          sc_ahead ? "not armed (every site rewritten)" : "armed");
    struct sc_regs r = { .rsp = (uint64_t)sp, .rip = exe->entry, .rflags = 0x202 };
    sc_resume(&r);
}
