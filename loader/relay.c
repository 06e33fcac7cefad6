/* Relay tracing: with +relay, the import slots of PE modules point at
 * entries that log each call and forward it to the implementation.
 *
 * A builtin export whose declared types are all known gets a libffi
 * closure of the Windows x64 ABI: the handler decodes the arguments,
 * forwards with ffi_call and logs the line with the return value and the
 * last-error when the call changed it. The line is written when the call
 * returns; a call still running when another relayed call starts on the
 * same thread (a callback, DllMain) is logged first with "..." instead.
 *
 * Everything else goes through a raw entry that logs the call and jumps
 * to the implementation with every register and the stack as the program
 * left them, so nothing about the call changes and no return value is
 * seen: variadic functions (their fixed arguments are decoded), exports
 * whose types relay does not know, functions that look at their caller's
 * frame (setjmp, RaiseException, RtlCaptureContext, the unwinders) and
 * the exports of the program's own DLLs, which have no declaration (the
 * four integer argument registers are shown).
 *
 * Nothing of this exists with relay off: the slots hold the
 * implementations' addresses. */
#include <ffi.h>
#include <fnmatch.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <unistd.h>
#include "lv/module.h"
#include "lv/teb.h"
#include "lv/trace.h"
#include "relay.h"

#define MAX_ARGS 16
#define LINE_SIZE 512
#define DEPTH 32
#define RECENT 16
#define RECENT_SIZE 256
#define PAGE 4096
#define THUNK_SIZE 16
#define THUNKS_PER_PAGE (PAGE / THUNK_SIZE - 1)

struct relay_target {
    char label[128];         /* "KERNEL32.dll!CreateFileW" */
    void *addr;
    int nargs;               /* declared fixed arguments; -1: unknown */
    bool variadic;
    enum relay_kind ret;
    enum relay_kind args[MAX_ARGS];
    ffi_cif cif;
    ffi_type *atypes[MAX_ARGS];
};

struct relay_call {
    uintptr_t sp;            /* the handler's frame: outer calls are above */
    bool shown;
    char text[LINE_SIZE];
};

struct relay_thread {
    int depth;
    struct relay_call calls[DEPTH];
};

static __thread struct relay_thread *t_relay;
static pthread_key_t g_thread_key;
static pthread_once_t g_once = PTHREAD_ONCE_INIT;

static char g_recent[RECENT][RECENT_SIZE];
static atomic_uint g_recent_next;

/* LVRUN_RELAY and LVRUN_RELAY_FROM, split at ','. */
static char **g_select, **g_from;

/* Names whose implementation reads its caller's frame or registers
 * beyond the arguments: only the raw entry keeps those intact. */
static const char *const g_raw_only[] = {
    "*setjmp*", "*longjmp*", "RaiseException", "RtlRaiseException",
    "Rtl*Context", "RtlUnwind*", "RtlVirtualUnwind", "RtlCaptureStackBackTrace",
    "__C_specific_handler", "__CxxFrameHandler*", "_CxxThrowException",
    "_local_unwind*", "ExitThread", "_endthread*",
};
/* Not calls in the usual sense: the stack probes take their size in
 * rax and return with the stack pointer moved. */
static const char *const g_never[] = { "*chkstk*", "*alloca_probe*" };

static void init_once(void)
{
    pthread_key_create(&g_thread_key, free);
}

static struct relay_thread *thread_state(void)
{
    if (!t_relay) {
        pthread_once(&g_once, init_once);
        t_relay = calloc(1, sizeof *t_relay);
        if (t_relay)
            pthread_setspecific(g_thread_key, t_relay);
    }
    return t_relay;
}

static char **split_patterns(const char *env)
{
    const char *v = getenv(env);
    if (!v || !*v)
        return NULL;
    size_t n = 2;
    for (const char *p = v; *p; p++)
        n += *p == ',';
    char **list = calloc(n, sizeof *list);
    char *copy = strdup(v), *save = NULL;
    size_t i = 0;
    for (char *s = strtok_r(copy, ",", &save); s; s = strtok_r(NULL, ",", &save))
        list[i++] = s;
    return list;
}

static bool matches_any(const char *const *pats, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (!fnmatch(pats[i], s, FNM_CASEFOLD))
            return true;
    return false;
}

/* A list of globs, each "-" to exclude: selected when no exclusion
 * matches and some inclusion does (or there is none). */
static bool selected(char **list, const char *s)
{
    if (!list)
        return true;
    bool any_include = false, included = false;
    for (char **p = list; *p; p++) {
        if (**p == '-') {
            if (!fnmatch(*p + 1, s, FNM_CASEFOLD))
                return false;
        } else {
            any_include = true;
            included = included || !fnmatch(*p, s, FNM_CASEFOLD);
        }
    }
    return included || !any_include;
}

static void remember(const char *line)
{
    unsigned i = atomic_fetch_add(&g_recent_next, 1) % RECENT;
    size_t n = strnlen(line, RECENT_SIZE - 1);
    memcpy(g_recent[i], line, n);
    g_recent[i][n] = 0;
}

static void emit(const char *line)
{
    trace_printf(TRACE_CH_relay, "%s", line);
    remember(line);
}

/* Calls of this thread still running when a new one starts are logged
 * now, so that the log reads in the order things happened. */
static void show_outer(struct relay_thread *t)
{
    for (int i = 0; i < t->depth; i++)
        if (!t->calls[i].shown) {
            char line[LINE_SIZE + 8];
            snprintf(line, sizeof line, "%s ...", t->calls[i].text);
            emit(line);
            t->calls[i].shown = true;
        }
}

/* Entries of calls left by a jump (longjmp, an exception) lie at or
 * below the new frame: they are not its callers. */
static int call_begin(uintptr_t sp, const char *text)
{
    struct relay_thread *t = thread_state();
    if (!t)
        return -1;
    while (t->depth && t->calls[t->depth - 1].sp <= sp)
        t->depth--;
    show_outer(t);
    if (t->depth == DEPTH) {
        memmove(&t->calls[0], &t->calls[1], sizeof t->calls[0] * (DEPTH - 1));
        t->depth--;
    }
    struct relay_call *c = &t->calls[t->depth];
    c->sp = sp;
    c->shown = false;
    snprintf(c->text, sizeof c->text, "%s", text);
    return t->depth++;
}

static void call_end(int index, uintptr_t sp)
{
    struct relay_thread *t = t_relay;
    if (t && index >= 0 && index < t->depth && t->calls[index].sp == sp)
        t->depth = index;
}

void relay_flush_pending(void)
{
    if (TRACE_ON(relay) && t_relay)
        show_outer(t_relay);
}

void relay_dump_recent(int fd)
{
    unsigned next = atomic_load(&g_recent_next);
    for (unsigned k = 0; k < RECENT; k++) {
        const char *s = g_recent[(next + k) % RECENT];
        if (!*s)
            continue;
        if (write(fd, "lvrun:   ", 9) < 0 || write(fd, s, strlen(s)) < 0 ||
            write(fd, "\n", 1) < 0)
            return;
    }
    struct relay_thread *t = t_relay;
    for (int i = 0; t && i < t->depth; i++) {
        const char *s = t->calls[i].text;
        if (write(fd, "lvrun:   (running) ", 19) < 0 || write(fd, s, strlen(s)) < 0 ||
            write(fd, "\n", 1) < 0)
            return;
    }
}

static uint64_t value_bits(const void *p, enum relay_kind k)
{
    uint64_t v = 0;
    ffi_type *ft = relay_ffi_type(k);
    memcpy(&v, p, ft && ft->size && ft->size <= 8 ? ft->size : 8);
    return v;
}

static void relay_closure(ffi_cif *cif, void *ret, void **args, void *data)
{
    struct relay_target *rt = data;
    char text[LINE_SIZE];
    size_t len = 0;
    relay_append(text, sizeof text, &len, rt->label);
    relay_append(text, sizeof text, &len, "(");
    for (int i = 0; i < rt->nargs; i++) {
        if (i)
            relay_append(text, sizeof text, &len, ",");
        relay_format(text, sizeof text, &len, rt->args[i], value_bits(args[i], rt->args[i]));
    }
    relay_append(text, sizeof text, &len, ")");
    uintptr_t sp = (uintptr_t)__builtin_frame_address(0);
    int index = call_begin(sp, text);
    DWORD error = lv_teb()->LastErrorValue;
    ffi_call(cif, FFI_FN(rt->addr), ret, args);
    DWORD after = lv_teb()->LastErrorValue;
    call_end(index, sp);
    if (rt->ret != RK_VOID) {
        relay_append(text, sizeof text, &len, " = ");
        relay_format(text, sizeof text, &len, rt->ret, value_bits(ret, rt->ret));
    }
    if (after != error) {
        char tmp[32];
        snprintf(tmp, sizeof tmp, " (last error %u)", (unsigned)after);
        relay_append(text, sizeof text, &len, tmp);
    }
    emit(text);
}

/* The raw entry's saved registers, as relay_raw_entry lays them out. */
struct raw_regs {
    uint64_t gpr[4];       /* rcx, rdx, r8, r9 */
    uint64_t xmm[4][2];    /* xmm0-3 */
    uint64_t rax;
};

void *WINAPI relay_raw_log(struct relay_target *rt, const struct raw_regs *r,
                           const uint64_t *caller_sp) __attribute__((used));
void *WINAPI relay_raw_log(struct relay_target *rt, const struct raw_regs *r,
                           const uint64_t *caller_sp)
{
    char text[LINE_SIZE];
    size_t len = 0;
    relay_append(text, sizeof text, &len, rt->label);
    relay_append(text, sizeof text, &len, "(");
    if (rt->nargs < 0) {
        char tmp[96];
        snprintf(tmp, sizeof tmp, "rcx=0x%llx,rdx=0x%llx,r8=0x%llx,r9=0x%llx",
                 (unsigned long long)r->gpr[0], (unsigned long long)r->gpr[1],
                 (unsigned long long)r->gpr[2], (unsigned long long)r->gpr[3]);
        relay_append(text, sizeof text, &len, tmp);
    }
    for (int i = 0; i < rt->nargs; i++) {
        enum relay_kind k = rt->args[i];
        bool fp = k == RK_F32 || k == RK_F64;
        /* Argument i is in a register for i < 4, otherwise above the
         * return address and the 32-byte home area. */
        uint64_t v = i < 4 ? (fp ? r->xmm[i][0] : r->gpr[i]) : caller_sp[1 + i];
        if (i)
            relay_append(text, sizeof text, &len, ",");
        relay_format(text, sizeof text, &len, k, v);
    }
    relay_append(text, sizeof text, &len, rt->variadic ? (rt->nargs ? ",...)" : "...)") : ")");
    struct relay_thread *t = thread_state();
    if (t) {
        while (t->depth && t->calls[t->depth - 1].sp <= (uintptr_t)caller_sp)
            t->depth--;
        show_outer(t);
    }
    emit(text);
    return rt->addr;
}

/* r10 holds the target. The logger is ms_abi, so it keeps rsi, rdi and
 * xmm6-15 as the program expects; the argument registers and rax are
 * restored before the jump. Entered with rsp = 8 mod 16. */
__asm__(
    ".text\n"
    ".type relay_raw_entry,@function\n"
    "relay_raw_entry:\n"
    "    sub $0x98, %rsp\n"
    "    mov %rcx, 0x20(%rsp)\n"
    "    mov %rdx, 0x28(%rsp)\n"
    "    mov %r8, 0x30(%rsp)\n"
    "    mov %r9, 0x38(%rsp)\n"
    "    movdqu %xmm0, 0x40(%rsp)\n"
    "    movdqu %xmm1, 0x50(%rsp)\n"
    "    movdqu %xmm2, 0x60(%rsp)\n"
    "    movdqu %xmm3, 0x70(%rsp)\n"
    "    mov %rax, 0x80(%rsp)\n"
    "    mov %r10, %rcx\n"
    "    lea 0x20(%rsp), %rdx\n"
    "    lea 0x98(%rsp), %r8\n"
    "    call relay_raw_log\n"
    "    mov %rax, %r11\n"
    "    mov 0x20(%rsp), %rcx\n"
    "    mov 0x28(%rsp), %rdx\n"
    "    mov 0x30(%rsp), %r8\n"
    "    mov 0x38(%rsp), %r9\n"
    "    movdqu 0x40(%rsp), %xmm0\n"
    "    movdqu 0x50(%rsp), %xmm1\n"
    "    movdqu 0x60(%rsp), %xmm2\n"
    "    movdqu 0x70(%rsp), %xmm3\n"
    "    mov 0x80(%rsp), %rax\n"
    "    add $0x98, %rsp\n"
    "    jmp *%r11\n"
    ".size relay_raw_entry, .-relay_raw_entry\n");
void relay_raw_entry(void);

/* Raw entries: a code page of identical thunks, written once, each
 * loading its target from its own slot in the data page after it, and
 * jumping to relay_raw_entry through that page's last slot. Adding one
 * writes only data, so no code page is ever writable while in use. */
struct thunk_arena {
    uint8_t *code;
    void **data;
    unsigned used;
    void (*entry)(void);
};
static struct thunk_arena g_arena = { .used = THUNKS_PER_PAGE, .entry = relay_raw_entry };

static bool arena_grow(struct thunk_arena *a)
{
    uint8_t *p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return false;
    void **data = (void **)(p + PAGE);
    data[PAGE / sizeof *data - 1] = (void *)a->entry;
    for (unsigned i = 0; i < THUNKS_PER_PAGE; i++) {
        uint8_t *t = p + i * THUNK_SIZE;
        int32_t d1 = (int32_t)((uint8_t *)&data[i] - (t + 7));
        int32_t d2 = (int32_t)((uint8_t *)&data[PAGE / sizeof *data - 1] - (t + 13));
        t[0] = 0x4c; t[1] = 0x8b; t[2] = 0x15;   /* mov d1(%rip), %r10 */
        memcpy(t + 3, &d1, 4);
        t[7] = 0xff; t[8] = 0x25;                /* jmp *d2(%rip) */
        memcpy(t + 9, &d2, 4);
        t[13] = 0xcc; t[14] = 0xcc; t[15] = 0xcc;
    }
    if (mprotect(p, PAGE, PROT_READ | PROT_EXEC)) {
        munmap(p, 2 * PAGE);
        return false;
    }
    a->code = p;
    a->data = data;
    a->used = 0;
    return true;
}

static void *arena_entry(struct thunk_arena *a, struct relay_target *rt)
{
    if (a->used == THUNKS_PER_PAGE && !arena_grow(a))
        return NULL;
    unsigned i = a->used++;
    a->data[i] = rt;
    return a->code + i * THUNK_SIZE;
}

static void *raw_entry_for(struct relay_target *rt)
{
    return arena_entry(&g_arena, rt);
}

static void *closure_for(struct relay_target *rt)
{
    ffi_type *ret = relay_ffi_type(rt->ret);
    for (int i = 0; i < rt->nargs; i++)
        rt->atypes[i] = relay_ffi_type(rt->args[i]);
    if (ffi_prep_cif(&rt->cif, FFI_WIN64, (unsigned)rt->nargs, ret, rt->atypes) != FFI_OK)
        return NULL;
    void *code;
    ffi_closure *cl = ffi_closure_alloc(sizeof *cl, &code);
    if (!cl)
        return NULL;
    if (ffi_prep_closure_loc(cl, &rt->cif, relay_closure, rt, code) != FFI_OK) {
        ffi_closure_free(cl);
        return NULL;
    }
    return code;
}

/* Follows "DLL.NAME" forwards between builtins to the declaration. */
static const struct lv_export *builtin_declaration(const struct lv_builtin_dll *b,
                                                   const char *name, unsigned ordinal)
{
    const struct lv_export *e = name ? builtin_export_by_name(b, name)
                                     : builtin_export_by_ordinal(b, ordinal);
    for (int depth = 0; e && e->kind == LV_EXPORT_FORWARD && depth < 8; depth++) {
        const char *dot = strrchr(e->target, '.');
        char dll[64];
        snprintf(dll, sizeof dll, "%.*s", (int)(dot - e->target), e->target);
        b = builtin_find(dll);
        if (!b)
            return NULL;
        e = dot[1] == '#' ? builtin_export_by_ordinal(b, (unsigned)atoi(dot + 2))
                          : builtin_export_by_name(b, dot + 1);
    }
    return e && e->kind == LV_EXPORT_FORWARD ? NULL : e;
}

/* The declared types; false when relay cannot call it through libffi. */
static bool parse_signature(struct relay_target *rt, const struct lv_export *e)
{
    rt->ret = relay_ret_kind(e->ret);
    bool typed = rt->ret != RK_UNKNOWN;
    rt->nargs = 0;
    for (const char *p = e->args; p && *p;) {
        size_t n = strcspn(p, "|");
        char type[128];
        snprintf(type, sizeof type, "%.*s", (int)n, p);
        if (!strcmp(type, "...")) {
            rt->variadic = true;
            typed = false;
        } else if (rt->nargs < MAX_ARGS) {
            rt->args[rt->nargs] = relay_arg_kind(type);
            typed = typed && rt->args[rt->nargs] != RK_UNKNOWN;
            rt->nargs++;
        } else {
            typed = false;
        }
        p += n + (p[n] == '|');
    }
    return typed;
}

/* A PE module's export that lies in an executable section is code. */
static bool is_code(const struct module *m, const void *addr)
{
    const struct pe_nt_headers64 *nt = m->nt;
    const struct pe_section_header *s = (const void *)((const uint8_t *)&nt->OptionalHeader +
                                                      nt->FileHeader.SizeOfOptionalHeader);
    uintptr_t rva = (uintptr_t)addr - (uintptr_t)m->base;
    for (unsigned i = 0; i < nt->FileHeader.NumberOfSections; i++)
        if (rva >= s[i].VirtualAddress && rva < s[i].VirtualAddress + s[i].VirtualSize)
            return s[i].Characteristics & PE_SCN_MEM_EXECUTE;
    return false;
}

void *relay_bind(struct module *importer, struct module *dll, const char *name,
                 unsigned ordinal, void *addr)
{
    if (!TRACE_ON(relay) || !addr || importer->builtin)
        return addr;
    static bool configured;
    if (!configured) {
        g_select = split_patterns("LVRUN_RELAY");
        g_from = split_patterns("LVRUN_RELAY_FROM");
        configured = true;
    }
    char fname[32], key[256];
    if (!name) {
        snprintf(fname, sizeof fname, "#%u", ordinal);
        name = fname;
    }
    snprintf(key, sizeof key, "%.*s.%s", (int)strcspn(dll->name, "."), dll->name, name);
    if (!selected(g_select, key) || !selected(g_from, importer->name) ||
        matches_any(g_never, sizeof g_never / sizeof *g_never, name))
        return addr;
    struct relay_target *rt = calloc(1, sizeof *rt);
    if (!rt)
        return addr;
    snprintf(rt->label, sizeof rt->label, "%s!%s", dll->name, name);
    rt->addr = addr;
    rt->nargs = -1;
    bool typed = false;
    if (dll->builtin) {
        const struct lv_export *e = builtin_declaration(dll->builtin, fname == name ? NULL : name,
                                                        ordinal);
        if (!e || e->kind != LV_EXPORT_FUNC || e->addr != addr ||
            matches_any(g_never, sizeof g_never / sizeof *g_never, e->name)) {
            free(rt);
            return addr;
        }
        typed = parse_signature(rt, e) &&
                !matches_any(g_raw_only, sizeof g_raw_only / sizeof *g_raw_only, e->name);
    } else {
        struct module *m = module_by_address(addr);
        if (!m || m->builtin || !is_code(m, addr)) {
            free(rt);
            return addr;
        }
    }
    void *entry = typed ? closure_for(rt) : NULL;
    if (!entry)
        entry = raw_entry_for(rt);
    if (!entry) {
        free(rt);
        return addr;
    }
    return entry;
}

/* +prelay: calls of ELF programs into the musl surface, logged with their
 * first integer argument registers (the surface has no declared types)
 * by an entry of the System V convention: every argument register, rax
 * (the vector count of variadic calls) and xmm0-7 are kept. */
struct sysv_regs {
    uint64_t gpr[6]; /* rdi, rsi, rdx, rcx, r8, r9 */
    uint64_t rax;
    uint64_t xmm[8][2];
};

void *prelay_log(struct relay_target *rt, const struct sysv_regs *r) __attribute__((used));
void *prelay_log(struct relay_target *rt, const struct sysv_regs *r)
{
    trace_printf(TRACE_CH_prelay, "%s(rdi=0x%llx,rsi=0x%llx,rdx=0x%llx,rcx=0x%llx)",
                 rt->label, (unsigned long long)r->gpr[0], (unsigned long long)r->gpr[1],
                 (unsigned long long)r->gpr[2], (unsigned long long)r->gpr[3]);
    return rt->addr;
}

/* r10 holds the target; entered with rsp = 8 mod 16. */
__asm__(
    ".text\n"
    ".type relay_sysv_entry,@function\n"
    "relay_sysv_entry:\n"
    "    sub $0xb8, %rsp\n"
    "    mov %rdi, 0x00(%rsp)\n"
    "    mov %rsi, 0x08(%rsp)\n"
    "    mov %rdx, 0x10(%rsp)\n"
    "    mov %rcx, 0x18(%rsp)\n"
    "    mov %r8, 0x20(%rsp)\n"
    "    mov %r9, 0x28(%rsp)\n"
    "    mov %rax, 0x30(%rsp)\n"
    "    movdqu %xmm0, 0x38(%rsp)\n"
    "    movdqu %xmm1, 0x48(%rsp)\n"
    "    movdqu %xmm2, 0x58(%rsp)\n"
    "    movdqu %xmm3, 0x68(%rsp)\n"
    "    movdqu %xmm4, 0x78(%rsp)\n"
    "    movdqu %xmm5, 0x88(%rsp)\n"
    "    movdqu %xmm6, 0x98(%rsp)\n"
    "    movdqu %xmm7, 0xa8(%rsp)\n"
    "    mov %r10, %rdi\n"
    "    mov %rsp, %rsi\n"
    "    call prelay_log\n"
    "    mov %rax, %r11\n"
    "    mov 0x00(%rsp), %rdi\n"
    "    mov 0x08(%rsp), %rsi\n"
    "    mov 0x10(%rsp), %rdx\n"
    "    mov 0x18(%rsp), %rcx\n"
    "    mov 0x20(%rsp), %r8\n"
    "    mov 0x28(%rsp), %r9\n"
    "    mov 0x30(%rsp), %rax\n"
    "    movdqu 0x38(%rsp), %xmm0\n"
    "    movdqu 0x48(%rsp), %xmm1\n"
    "    movdqu 0x58(%rsp), %xmm2\n"
    "    movdqu 0x68(%rsp), %xmm3\n"
    "    movdqu 0x78(%rsp), %xmm4\n"
    "    movdqu 0x88(%rsp), %xmm5\n"
    "    movdqu 0x98(%rsp), %xmm6\n"
    "    movdqu 0xa8(%rsp), %xmm7\n"
    "    add $0xb8, %rsp\n"
    "    jmp *%r11\n"
    ".size relay_sysv_entry, .-relay_sysv_entry\n");
void relay_sysv_entry(void);

static struct thunk_arena g_sysv_arena = { .used = THUNKS_PER_PAGE, .entry = relay_sysv_entry };

void *relay_bind_posix(const char *module, const char *name, void *addr)
{
    if (!TRACE_ON(prelay) || !addr)
        return addr;
    static bool configured;
    if (!configured) {
        g_select = split_patterns("LVRUN_RELAY");
        configured = true;
    }
    char key[256];
    snprintf(key, sizeof key, "%s.%s", module, name);
    if (!selected(g_select, key))
        return addr;
    struct relay_target *rt = calloc(1, sizeof *rt);
    if (!rt)
        return addr;
    snprintf(rt->label, sizeof rt->label, "%s!%s", module, name);
    rt->addr = addr;
    void *entry = arena_entry(&g_sysv_arena, rt);
    if (!entry) {
        free(rt);
        return addr;
    }
    return entry;
}
