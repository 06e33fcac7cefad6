/* Crash reports: where a fault happened, the guest frames that led there
 * and the calls relayed last, for a user to file a useful report. */
#include <dlfcn.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>
#include "ntdll.spec.h"
#include "lv/module.h"
#include "lv/trace.h"
#include "pe_image.h"

#define MAX_FRAMES 32
/* A builtin export further below a host address than this is not the
 * function it lies in. */
#define BUILTIN_NEAR 0x2000

/* The nearest exported name at or below rva, if no other function of
 * the unwind table starts between them. */
static const char *pe_nearest_export(struct module *m, uint32_t rva, uint32_t *at)
{
    uint32_t dsize;
    struct pe_export_directory *ed = pe_dir(m, PE_DIR_EXPORT, &dsize);
    if (!ed || dsize < sizeof *ed)
        return NULL;
    uint32_t *funcs = pe_rva(m->base, m->size, ed->AddressOfFunctions, 4ull * ed->NumberOfFunctions);
    uint32_t *names = pe_rva(m->base, m->size, ed->AddressOfNames, 4ull * ed->NumberOfNames);
    uint16_t *ords = pe_rva(m->base, m->size, ed->AddressOfNameOrdinals, 2ull * ed->NumberOfNames);
    if (!funcs || !names || !ords)
        return NULL;
    const char *best = NULL;
    uint32_t best_rva = 0;
    uint32_t dir_rva = (uint32_t)((uint8_t *)ed - m->base);
    for (uint32_t i = 0; i < ed->NumberOfNames; i++) {
        if (ords[i] >= ed->NumberOfFunctions)
            continue;
        uint32_t f = funcs[ords[i]];
        if (f > rva || f < best_rva || (f >= dir_rva && f < dir_rva + dsize))
            continue;
        const char *name = pe_rva_str(m->base, m->size, names[i]);
        if (name) {
            best = name;
            best_rva = f;
        }
    }
    DWORD64 base;
    RUNTIME_FUNCTION *fe = RtlLookupFunctionEntry((DWORD64)m->base + rva, &base, NULL);
    if (!best || (fe && fe->BeginAddress > best_rva))
        return NULL;
    *at = best_rva;
    return best;
}

/* Builtin code is lvrun's own: the nearest export of a loaded builtin. */
static const char *builtin_nearest_export(uintptr_t pc, const char **dll, uintptr_t *at)
{
    const char *best = NULL;
    *at = 0;
    for (struct module *m = module_first(); m; m = m->next) {
        if (!m->builtin)
            continue;
        for (unsigned i = 0; i < m->builtin->count; i++) {
            const struct lv_export *e = &m->builtin->exports[i];
            uintptr_t a = (uintptr_t)e->addr;
            if (e->kind == LV_EXPORT_FUNC && a <= pc && a > *at && pc - a < BUILTIN_NEAR) {
                best = e->name;
                *dll = m->name;
                *at = a;
            }
        }
    }
    return best;
}

/* lookup is the address whose function is named: a return address
 * follows the call, which may be a function's last instruction. */
static void describe(uintptr_t pc, uintptr_t lookup, char *buf, size_t size)
{
    const void *addr = (const void *)pc;
    struct module *m = module_by_address(addr);
    if (m && !m->builtin) {
        uint32_t rva = (uint32_t)(pc - (uintptr_t)m->base), at;
        const char *name = pe_nearest_export(m, (uint32_t)(lookup - (uintptr_t)m->base), &at);
        if (name)
            snprintf(buf, size, "%s+0x%x (%s+0x%x)", m->name, rva, name, rva - at);
        else
            snprintf(buf, size, "%s+0x%x", m->name, rva);
        return;
    }
    Dl_info info;
    if (!dladdr(addr, &info) || !info.dli_fname) {
        snprintf(buf, size, "%p", addr);
        return;
    }
    const char *file = strrchr(info.dli_fname, '/');
    file = file ? file + 1 : info.dli_fname;
    int n = snprintf(buf, size, "%s+0x%lx", file, (unsigned long)(pc - (uintptr_t)info.dli_fbase));
    if (n < 0 || (size_t)n >= size)
        return;
    const char *dll;
    uintptr_t at;
    const char *name = builtin_nearest_export(pc, &dll, &at);
    if (info.dli_sname && info.dli_saddr)
        snprintf(buf + n, size - (size_t)n, " (%s+0x%lx)", info.dli_sname,
                 (unsigned long)(pc - (uintptr_t)info.dli_saddr));
    else if (name)
        snprintf(buf + n, size - (size_t)n, " (near %s!%s+0x%lx)", dll, name,
                 (unsigned long)(pc - at));
}

void crash_describe_address(const void *addr, char *buf, size_t size)
{
    describe((uintptr_t)addr, (uintptr_t)addr, buf, size);
}

static bool readable(DWORD64 addr, size_t size)
{
    char tmp[64];
    if (size > sizeof tmp)
        size = sizeof tmp;
    struct iovec local = { tmp, size }, remote = { (void *)addr, size };
    return process_vm_readv(getpid(), &local, 1, &remote, 1, 0) == (ssize_t)size;
}

/* The stack is the program's and may be what made it crash: every step
 * stays within the thread's stack and moves up. */
static bool step_frame(CONTEXT *c)
{
    const NT_TIB *tib = &lv_teb()->Tib;
    DWORD64 sp = c->Rsp;
    if (tib->StackBase && (sp < (DWORD64)tib->StackLimit || sp >= (DWORD64)tib->StackBase))
        return false;
    if (!readable(sp, 64))
        return false;
    DWORD64 base;
    RUNTIME_FUNCTION *fe = RtlLookupFunctionEntry(c->Rip, &base, NULL);
    if (!fe) {
        c->Rip = *(const DWORD64 *)sp;
        c->Rsp += 8;
    } else {
        void *data;
        DWORD64 frame;
        RtlVirtualUnwind(UNW_FLAG_NHANDLER, base, c->Rip, fe, c, &data, &frame, NULL);
    }
    return c->Rsp > sp;
}

static void backtrace_guest(const CONTEXT *ctx)
{
    CONTEXT c = *ctx;
    fprintf(stderr, "lvrun: backtrace:\n");
    for (int n = 0; n < MAX_FRAMES && c.Rip; n++) {
        struct module *m = module_by_address((const void *)c.Rip);
        char where[300];
        describe(c.Rip, c.Rip - (n ? 1 : 0), where, sizeof where);
        fprintf(stderr, "lvrun:   #%d %s\n", n, where);
        if (!m || m->builtin || !step_frame(&c))
            break;
    }
}

void crash_report_context(const void *context)
{
    const CONTEXT *ctx = context;
    backtrace_guest(ctx);
    if (TRACE_ON(relay)) {
        fprintf(stderr, "lvrun: last relayed calls, oldest first:\n");
        fflush(stderr);
        relay_dump_recent(2);
    }
    fflush(stderr);
}

void crash_report_internal(int sig, const void *pc)
{
    char where[300], line[512];
    crash_describe_address(pc, where, sizeof where);
    const char *abbrev = sigabbrev_np(sig);
    snprintf(line, sizeof line,
             "lvrun: internal error: SIG%s at %p (%s) in lvrun " LVRUN_VERSION
             "; please report this with the program that triggered it\n",
             abbrev ? abbrev : "?", pc, where);
    if (write(2, line, strlen(line)) < 0)
        return;
    if (TRACE_ON(relay)) {
        static const char head[] = "lvrun: last relayed calls, oldest first:\n";
        if (write(2, head, sizeof head - 1) < 0)
            return;
        relay_dump_recent(2);
    } else {
        static const char hint[] =
            "lvrun: LVRUN_DEBUG=+relay shows the calls that led here\n";
        if (write(2, hint, sizeof hint - 1) < 0)
            return;
    }
}
