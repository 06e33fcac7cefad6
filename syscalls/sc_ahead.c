/* Rewriting every call site before the program starts, so that dispatch
 * need not be armed at all.
 *
 * Armed, Syscall User Dispatch costs every system call of the thread
 * something, even one the selector lets through: the kernel takes its
 * slow path on entry (getppid: 70 ns bare, 93 ns armed). A static
 * program has all its `syscall` instructions in its executable sections,
 * fixed at load (it cannot dlopen). Found and rewritten there before it
 * runs (sc_rewrite.c's sled), they leave dispatch nothing to catch.
 *
 * They are found by decoding (Zydis, loaded when a static program runs,
 * so that other runs do not pay for it). Decoding a whole program costs
 * about 12 ms a megabyte, more than many programs run; so only the byte
 * pairs that could be a way into the kernel (0f 05 syscall, 0f 34
 * sysenter, cd 80 int $0x80; a few dozen a megabyte) are decoded, each
 * from the start of the function holding it (the symbol table's
 * functions and the sections' starts are instruction boundaries in
 * compiled code): a pair that the decoding steps over is inside another
 * instruction. A program without a symbol table is decoded whole when
 * small (SWEEP_MAX), else not at all. Whatever makes the answer
 * uncertain keeps dispatch armed, with sites rewritten after their first
 * trap:
 * - no section headers, or an executable section that is writable;
 * - bytes the decoder rejects (data among the code, or a desync), or an
 *   instruction running past its section's end;
 * - another way into the kernel (int $0x80, sysenter, a prefixed
 *   syscall) found as an instruction;
 * - an executable stack (PT_GNU_STACK with PF_X).
 * Code that appears later (mmap or mprotect with PROT_EXEC, shmat with
 * SHM_EXEC, the READ_IMPLIES_EXEC personality) is not seen: at the first
 * such request dispatch is armed in every thread (sc_thread.c) before the
 * request goes to the kernel, and stays armed. */
#include <Zydis/Decoder.h>
#include <dlfcn.h>
#include <elf.h>
#include <emmintrin.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/personality.h>
#include <sys/shm.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "loader/elf/elf_loader.h"
#include "lv/trace.h"
#include "sc.h"

#define MAX_SECTIONS 64
#define SWEEP_MAX (256 * 1024)

bool sc_ahead;

typedef ZyanStatus (*decoder_init_fn)(ZydisDecoder *, ZydisMachineMode, ZydisStackWidth);
typedef ZyanStatus (*decoder_mode_fn)(ZydisDecoder *, ZydisDecoderMode, ZyanBool);
typedef ZyanStatus (*decode_fn)(const ZydisDecoder *, ZydisDecoderContext *, const void *,
                                ZyanUSize, ZydisDecodedInstruction *);

struct decoder {
    ZydisDecoder d;
    decode_fn decode;
    void *lib;       /* closed once the sites are found: needed no more */
};

static bool decoder_open(struct decoder *dec)
{
    void *lib = dlopen("libZydis.so.4.0", RTLD_NOW | RTLD_LOCAL);
    if (!lib)
        return false;
    decoder_init_fn init = (decoder_init_fn)dlsym(lib, "ZydisDecoderInit");
    decoder_mode_fn mode = (decoder_mode_fn)dlsym(lib, "ZydisDecoderEnableMode");
    dec->decode = (decode_fn)dlsym(lib, "ZydisDecoderDecodeInstruction");
    if (!init || !mode || !dec->decode ||
        !ZYAN_SUCCESS(init(&dec->d, ZYDIS_MACHINE_MODE_LONG_64, ZYDIS_STACK_WIDTH_64)) ||
        !ZYAN_SUCCESS(mode(&dec->d, ZYDIS_DECODER_MODE_MINIMAL, ZYAN_TRUE))) {
        dlclose(lib);
        return false;
    }
    dec->lib = lib;
    return true;
}

struct section {
    uintptr_t start, end;
};

/* What the file says of its code: the executable sections, where they
 * were mapped, and the starts of its functions, in the symbol table's
 * order (none without one). */
struct code_map {
    struct section sections[MAX_SECTIONS];
    unsigned nsections;
    uintptr_t *starts;
    size_t nstarts;
};

static bool in_sections(const struct code_map *m, uintptr_t a)
{
    for (unsigned i = 0; i < m->nsections; i++)
        if (a >= m->sections[i].start && a < m->sections[i].end)
            return true;
    return false;
}

/* The function starts of one SHT_SYMTAB section, appended to m. */
static void read_functions(int fd, const Elf64_Shdr *sh, uintptr_t bias, struct code_map *m)
{
    if (sh->sh_entsize != sizeof(Elf64_Sym) || sh->sh_size > (64u << 20))
        return;
    size_t n = sh->sh_size / sizeof(Elf64_Sym);
    Elf64_Sym *syms = malloc(sh->sh_size);
    uintptr_t *starts = realloc(m->starts, (m->nstarts + n) * sizeof *starts);
    if (starts)
        m->starts = starts;
    if (!syms || !starts || pread(fd, syms, sh->sh_size, sh->sh_offset) != (ssize_t)sh->sh_size) {
        free(syms);
        return;
    }
    for (size_t i = 0; i < n; i++)
        if (ELF64_ST_TYPE(syms[i].st_info) == STT_FUNC && syms[i].st_shndx != SHN_UNDEF &&
            in_sections(m, bias + syms[i].st_value))
            m->starts[m->nstarts++] = bias + syms[i].st_value;
    free(syms);
}

/* false when the layout cannot be trusted. */
static bool read_code_map(const struct elf_module *exe, struct code_map *m)
{
    memset(m, 0, sizeof *m);
    int fd = open(exe->path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    Elf64_Ehdr eh;
    Elf64_Shdr *sh = NULL;
    bool ok = pread(fd, &eh, sizeof eh, 0) == sizeof eh && eh.e_shentsize == sizeof(Elf64_Shdr) &&
              eh.e_shnum > 0 && eh.e_shnum <= 4096 &&
              (sh = calloc(eh.e_shnum, sizeof *sh)) &&
              pread(fd, sh, eh.e_shnum * sizeof *sh, eh.e_shoff) ==
                  (ssize_t)(eh.e_shnum * sizeof *sh);
    for (unsigned i = 0; ok && i < eh.e_shnum; i++) {
        if (!(sh[i].sh_flags & SHF_ALLOC) || !(sh[i].sh_flags & SHF_EXECINSTR) || !sh[i].sh_size)
            continue;
        uintptr_t start = exe->bias + sh[i].sh_addr, end = start + sh[i].sh_size;
        bool mapped = false;
        for (unsigned k = 0; k < exe->nloads; k++)
            mapped |= start >= exe->loads[k].start && end <= exe->loads[k].file_end;
        if ((sh[i].sh_flags & SHF_WRITE) || sh[i].sh_type != SHT_PROGBITS || !mapped ||
            m->nsections == MAX_SECTIONS) {
            trace(syscalls, "ahead: section %u (%#lx) cannot be decoded: dispatch stays armed",
                  i, (long)sh[i].sh_addr);
            ok = false;
            break;
        }
        m->sections[m->nsections++] = (struct section){ start, end };
    }
    for (unsigned i = 0; ok && i < eh.e_shnum; i++)
        if (sh[i].sh_type == SHT_SYMTAB)
            read_functions(fd, &sh[i], exe->bias, m);
    free(sh);
    close(fd);
    return ok && m->nsections;
}

static bool stack_executable(const struct elf_module *exe)
{
    for (unsigned i = 0; i < exe->phnum; i++)
        if (exe->phdr[i].p_type == PT_GNU_STACK)
            return exe->phdr[i].p_flags & PF_X;
    return true; /* no PT_GNU_STACK: the kernel makes the stack executable */
}

struct sites {
    uintptr_t *at;
    size_t count, cap;
};

static bool sites_add(struct sites *s, uintptr_t a)
{
    if (s->count == s->cap) {
        size_t c = s->cap ? s->cap * 2 : 64;
        uintptr_t *grown = realloc(s->at, c * sizeof *s->at);
        if (!grown)
            return false;
        s->at = grown;
        s->cap = c;
    }
    s->at[s->count++] = a;
    return true;
}

/* Decoding from from to stop (an instruction boundary) within sec: the
 * address of the first instruction at or past stop, or 0 where the
 * decoder fails. */
static uintptr_t decode_to(const struct decoder *dec, const struct section *sec,
                           uintptr_t from, uintptr_t stop)
{
    while (from < stop) {
        ZydisDecodedInstruction insn;
        if (!ZYAN_SUCCESS(dec->decode(&dec->d, NULL, (const void *)from, sec->end - from, &insn))) {
            trace(syscalls, "ahead: no instruction at %#lx: dispatch stays armed", (long)from);
            return 0;
        }
        from += insn.length;
    }
    return from;
}

/* What the instruction at a is: 1 a syscall site, 0 nothing of ours,
 * -1 another way into the kernel or undecodable. */
static int classify(const struct decoder *dec, const struct section *sec, uintptr_t a)
{
    ZydisDecodedInstruction insn;
    const unsigned char *p = (const unsigned char *)a;
    if (!ZYAN_SUCCESS(dec->decode(&dec->d, NULL, p, sec->end - a, &insn)))
        return -1;
    if (insn.mnemonic == ZYDIS_MNEMONIC_SYSCALL && insn.length == 2 && p[0] == 0x0f)
        return 1;
    if (insn.mnemonic == ZYDIS_MNEMONIC_SYSCALL || insn.mnemonic == ZYDIS_MNEMONIC_SYSENTER ||
        (insn.mnemonic == ZYDIS_MNEMONIC_INT && p[0] == 0xcd && p[1] == 0x80)) {
        trace(syscalls, "ahead: another way into the kernel at %#lx: dispatch stays armed",
              (long)a);
        return -1;
    }
    return 0;
}

/* The byte pairs of sec that could be a way into the kernel, in order:
 * sixteen bytes at a time for their first bytes (0f, cd), which are
 * common, then the second. */
static bool candidates(const struct section *sec, struct sites *out)
{
    const unsigned char *p = (const unsigned char *)sec->start;
    size_t len = sec->end - sec->start;
    const __m128i of = _mm_set1_epi8(0x0f), cd = _mm_set1_epi8((char)0xcd);
    for (size_t at = 0; at + 1 < len; at += 16) {
        unsigned hits = 0;
        if (at + 16 <= len) {
            __m128i v = _mm_loadu_si128((const __m128i *)(p + at));
            hits = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, of),
                                                            _mm_cmpeq_epi8(v, cd)));
        } else {
            for (size_t k = 0; at + k < len; k++)
                hits |= (unsigned)(p[at + k] == 0x0f || p[at + k] == 0xcd) << k;
        }
        for (; hits; hits &= hits - 1) {
            size_t k = at + (size_t)__builtin_ctz(hits);
            if (k + 1 < len && ((p[k] == 0x0f && (p[k + 1] == 0x05 || p[k + 1] == 0x34)) ||
                                (p[k] == 0xcd && p[k + 1] == 0x80)) &&
                !sites_add(out, sec->start + k))
                return false;
        }
    }
    return true;
}

/* For each candidate (in address order), the last function start at or
 * before it, or its section's start: each start is offered to the first
 * candidate at or after it, and the best so far carries forward. */
static void functions_of(const struct code_map *m, const struct section *sec,
                         const struct sites *c, uintptr_t *fn)
{
    for (size_t i = 0; i < c->count; i++)
        fn[i] = sec->start;
    for (size_t s = 0; s < m->nstarts; s++) {
        uintptr_t start = m->starts[s];
        if (start < sec->start || start >= sec->end)
            continue;
        size_t lo = 0, hi = c->count;
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (c->at[mid] < start)
                lo = mid + 1;
            else
                hi = mid;
        }
        if (lo < c->count && start > fn[lo])
            fn[lo] = start;
    }
    for (size_t i = 1; i < c->count; i++)
        if (fn[i - 1] > fn[i])
            fn[i] = fn[i - 1];
}

/* The sites of one section: each candidate decoded from its function's
 * start, or from where the decoding for the one before stopped when in
 * the same function. */
static bool find_sites(const struct decoder *dec, const struct code_map *m,
                       const struct section *sec, struct sites *out)
{
    struct sites c = { 0 };
    if (!candidates(sec, &c))
        return false;
    uintptr_t *fn = malloc((c.count ? c.count : 1) * sizeof *fn);
    bool ok = fn != NULL;
    if (ok)
        functions_of(m, sec, &c, fn);
    uintptr_t from = 0, pos = 0;
    for (size_t i = 0; ok && i < c.count; i++) {
        uintptr_t a = c.at[i];
        if (fn[i] != from || pos > a)
            from = pos = fn[i];
        pos = decode_to(dec, sec, pos, a);
        ok = pos != 0;
        if (!ok || pos != a)
            continue;
        int what = classify(dec, sec, a);
        ok = what >= 0 && (!what || sites_add(out, a));
    }
    free(fn);
    free(c.at);
    return ok;
}

bool sc_rewrite_ahead(const struct elf_module *exe)
{
    const char *want = getenv("LVRUN_SYSCALL_REWRITE");
    if (!sc_rewrite_active() || (want && !strcmp(want, "lazy")))
        return false;
    if (stack_executable(exe)) {
        trace(syscalls, "ahead: the stack is executable: dispatch stays armed");
        return false;
    }
    struct code_map map;
    bool ok = read_code_map(exe, &map);
    size_t code = 0;
    for (unsigned i = 0; i < map.nsections; i++)
        code += map.sections[i].end - map.sections[i].start;
    if (ok && !map.nstarts && code > SWEEP_MAX) {
        trace(syscalls, "ahead: no symbol table, %zu bytes of code: dispatch stays armed", code);
        ok = false;
    }
    struct decoder dec = { .lib = NULL };
    if (ok && !decoder_open(&dec)) {
        trace(syscalls, "ahead: no decoder (libZydis.so.4.0): dispatch stays armed");
        ok = false;
    }
    struct sites sites = { 0 };
    for (unsigned i = 0; ok && i < map.nsections; i++)
        ok = find_sites(&dec, &map, &map.sections[i], &sites);
    if (dec.lib)
        dlclose(dec.lib);
    for (size_t i = 0; ok && i < sites.count; i++)
        ok = sc_rewrite_at_load(sites.at[i]);
    sc_rewrite_load_done();
    if (ok) {
        sc_ahead = true;
        sc_rewrite_table_armed(false);
        sc_sites_rewritten += sites.count;
        trace(syscalls, "ahead: %zu sites rewritten in %u sections: dispatch not armed",
              sites.count, map.nsections);
    }
    free(sites.at);
    free(map.starts);
    return ok;
}

/* Requests that can make code lvrun has not decoded. */
static bool makes_code(struct sc_regs *r)
{
    switch (r->rax) {
    case SYS_mmap:
    case SYS_mprotect:
    case SYS_pkey_mprotect:
        return r->rdx & PROT_EXEC;
    case SYS_shmat:
        return r->rdx & SHM_EXEC;
    case SYS_personality:
        return r->rdi != 0xffffffff && (r->rdi & READ_IMPLIES_EXEC);
    }
    return false;
}

long sc_code_request(struct sc_regs *r)
{
    if (__atomic_load_n(&sc_ahead, __ATOMIC_ACQUIRE) && makes_code(r)) {
        trace(syscalls, "%s asks for code lvrun has not decoded: dispatch armed in every thread",
              sc_name((long)r->rax));
        sc_arm_everywhere();
    }
    return sc_passthrough(r);
}
