/* Rewriting the call sites of trapped system calls (zpoline's way).
 *
 * A trap costs a signal: the kernel builds a frame, runs the handler and
 * unwinds the frame with rt_sigreturn, several times the price of the
 * call itself. But the trap says exactly where the `syscall` is (the
 * ucontext's rip - 2), so the site can be rewritten: its two bytes 0f 05
 * become ff d0, `call *%rax`, two bytes as well, so nothing around them
 * moves. rax holds the system call number, 0 to a few hundred, so the
 * call lands at a small address: lvrun maps the first pages of the
 * address space (this needs vm.mmap_min_addr = 0, or CAP_SYS_RAWIO).
 *
 * What lies there must take a call at any byte to lvrun quickly. zpoline
 * fills it with one-byte nops sliding to one jump, but a slide from a
 * small number (read is 0) runs hundreds of nops, a third of the price
 * of a call. Here the first FAST_COUNT bytes are back-to-back jumps
 * `e9 48 48 48 48` (jmp rel32 to 0x48484848 bytes further): a call that
 * lands on an e9 jumps; one that lands on a 48 reads the 48s up to the
 * next e9 as REX prefixes, which a jmp ignores, and takes that jump. The
 * jumps land 5 bytes apart in a page at about 1.2 GB (the "hop" page),
 * each on a jmp rel32 to one indirect jump through sc_rewrite_table,
 * indexed by the number in rax: straight to the kernel and back
 * (sc_zpoline_direct) for a call passed as it is, else the full entry
 * (sc_zpoline_entry). Larger numbers slide over nops to a jump to the
 * full entry: a site may be reached later with any number (invalid ones
 * get -ENOSYS). Should no hop page be free, the whole sled is nops.
 *
 * The trampoline (sc_entry.S) runs on the guest's stack, so it must
 * respect what the guest keeps there:
 * - the red zone: a leaf function may keep data in the 128 bytes below
 *   rsp without moving rsp. The call's return address already takes the
 *   top 8 of them (unavoidable with a 2-byte rewrite); the trampoline
 *   steps below the rest (lea -128(%rsp)) before it stores anything.
 * - alignment: nothing can be assumed of rsp at a `syscall`; the
 *   trampoline keeps a frame pointer and aligns down (64 bytes, as
 *   xsave wants) before calling C.
 * - state a `syscall` preserves: every register but rax, rcx and r11,
 *   and the vector registers. A call passed to the kernel as it is takes
 *   a path of general registers only (sc_zpoline_fast), with the guest's
 *   %fs left in place; any other switches to the host's %fs and saves
 *   the vector state with xsave, since lvrun's C and the host's C
 *   library (AVX string functions) would clobber it.
 * The guest resumes from the saved registers (sc_resume), not by `ret`:
 * a call that changes them (clone with a new stack, rt_sigreturn, a
 * forked child on posix_spawn's stack) takes effect the same way
 * whether it came through a trap or a rewritten site. rt_sigreturn in
 * particular must be made from the allowed region: sc_rt_sigreturn
 * resumes the guest at sc_restorer on the guest's own stack.
 *
 * Writing the site: another thread may be executing it. The two bytes
 * are stored at once (one 16-bit store, atomic on x86 when it does not
 * cross a cache line; a site that does stays trapped), with the page
 * made writable and left executable meanwhile.
 *
 * Limits: a site later reached with a number past the sled, or a
 * negative one (all invalid), faults instead of returning -ENOSYS; reads of
 * the first pages no longer fault where the CPU cannot make them
 * execute-only (protection keys); musl's cancellation of a thread
 * blocked in a rewritten call waits until the call returns. */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "lv/trace.h"
#include "sc.h"

#define SLED_SIZE 8192
#define JUMP_SIZE 13
#define SLED_END (SLED_SIZE - JUMP_SIZE)
#define SLOT 5                  /* e9 and a rel32 */
#define FAST_COUNT 510          /* numbers below go through the table */

/* Where the hop page may go: displacements whose four bytes are each a
 * REX prefix without REX.B, so that 4x 90 (the slide after the last
 * jump) is still a nop. */
static const uint32_t g_hops[] = { 0x48484848, 0x4c4c4c4c, 0x44444444, 0x40404040 };

uintptr_t sc_rewrite_table[FAST_COUNT];

static bool g_active;
static int g_lock;

struct segment {
    uintptr_t start, end;
    int prot;
    bool writable;   /* opened for writing by sc_rewrite_at_load */
};
static struct segment g_segments[16];
static unsigned g_nsegments;

bool sc_rewrite_active(void)
{
    return g_active;
}

void sc_add_segment(uintptr_t start, uintptr_t end, int prot)
{
    if (g_nsegments < sizeof g_segments / sizeof *g_segments)
        g_segments[g_nsegments++] = (struct segment){ start, end, prot, false };
}

static const struct segment *segment_of(uintptr_t addr)
{
    for (unsigned i = 0; i < g_nsegments; i++)
        if (addr >= g_segments[i].start && addr < g_segments[i].end)
            return &g_segments[i];
    return NULL;
}

static void put_jump(unsigned char *p)
{
    uint64_t target = (uint64_t)sc_zpoline_entry;
    *p++ = 0x49;                        /* movabs $target, %r11 */
    *p++ = 0xbb;
    memcpy(p, &target, 8);
    p += 8;
    *p++ = 0x41;                        /* jmp *%r11 */
    *p++ = 0xff;
    *p++ = 0xe3;
}

/* Where the table sends each number: calls the kernel takes as they are
 * straight there (sc_zpoline_direct, or sc_zpoline_bare with dispatch not
 * armed), the others to the full entry; tracing and counting see every
 * call in the full entry. */
void sc_rewrite_table_armed(bool armed)
{
    bool direct = !TRACE_ON(syscalls) && !sc_stats_on;
    uintptr_t fast = armed ? (uintptr_t)sc_zpoline_direct : (uintptr_t)sc_zpoline_bare;
    for (size_t nr = 0; nr < FAST_COUNT; nr++)
        __atomic_store_n(&sc_rewrite_table[nr],
                         direct && nr < sc_table_size && sc_table[nr] == sc_passthrough
                             ? fast : (uintptr_t)sc_zpoline_entry,
                         __ATOMIC_RELEASE);
}

/* The hop page for displacement hop: at hop + 5(k + 1), for each jump k of
 * the sled, a jmp rel32 to one `jmp *sc_rewrite_table(,%rax,8)`. */
static bool map_hops(uint32_t hop)
{
    uintptr_t first = hop + SLOT, table_jump = hop + SLOT * (FAST_COUNT / SLOT + 1);
    uintptr_t page = first & ~4095UL, end = (table_jump + 16 + 4095) & ~4095UL;
    unsigned char *p = mmap((void *)page, end - page, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    if (p == MAP_FAILED)
        return false;
    if (p != (unsigned char *)page) {
        munmap(p, end - page);
        return false;
    }
    memset(p, 0xcc, end - page);
    for (uintptr_t at = first; at < table_jump; at += SLOT) {
        int32_t rel = (int32_t)(table_jump - (at + SLOT));
        p[at - page] = 0xe9;
        memcpy(p + at - page + 1, &rel, 4);
    }
    unsigned char *j = p + table_jump - page;
    uint64_t table = (uint64_t)sc_rewrite_table;
    *j++ = 0x49;                        /* movabs $sc_rewrite_table, %r11 */
    *j++ = 0xbb;
    memcpy(j, &table, 8);
    j += 8;
    memcpy(j, "\x41\xff\x24\xc3", 4);  /* jmp *(%r11,%rax,8) */
    if (mprotect(p, end - page, PROT_READ | PROT_EXEC)) {
        munmap(p, end - page);
        return false;
    }
    return true;
}

bool sc_rewrite_init(void)
{
    const char *want = getenv("LVRUN_SYSCALL_REWRITE");
    if (want && !strcmp(want, "0")) {
        trace(syscalls, "mode: trapping every call (LVRUN_SYSCALL_REWRITE=0)");
        return false;
    }
    unsigned char *sled = mmap(NULL, SLED_SIZE, PROT_READ | PROT_WRITE,
                               MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
    if (sled != NULL) {
        if (sled != MAP_FAILED)
            munmap(sled, SLED_SIZE);
        trace(syscalls, "mode: trapping every call (cannot map address 0 for the "
              "rewritten sites: set vm.mmap_min_addr = 0 to enable them)");
        return false;
    }
    sc_rewrite_table_armed(true);
    uint32_t hop = 0;
    for (size_t i = 0; i < sizeof g_hops / sizeof *g_hops && !hop; i++)
        if (map_hops(g_hops[i]))
            hop = g_hops[i];
    /* The sled is at address 0 on purpose: it is written through
     * addresses made from integers, which C allows, rather than through
     * a null pointer, which it does not (and the sanitizers report). */
    uintptr_t base = 0;
    __asm__("" : "+r"(base)); /* nor as a constant, which GCC checks too */
    for (uintptr_t a = 0; a < SLED_SIZE; a++)
        *(volatile unsigned char *)(base + a) = 0x90;
    for (uintptr_t a = 0; hop && a + SLOT <= FAST_COUNT; a += SLOT) {
        *(volatile unsigned char *)(base + a) = 0xe9;
        for (int i = 0; i < 4; i++)
            *(volatile unsigned char *)(base + a + 1 + i) = (unsigned char)(hop >> 8 * i);
    }
    put_jump((unsigned char *)(base + SLED_END));
    if (mprotect((void *)base, SLED_SIZE, PROT_EXEC)) {
        munmap((void *)base, SLED_SIZE);
        return false;
    }
    g_active = true;
    trace(syscalls, "mode: rewriting call sites after their first trap (%s)",
          hop ? "hop page mapped" : "nop sled only");
    return true;
}

void sc_rewrite_site(uint64_t site, long nr)
{
    if (!g_active || nr < 0 || nr >= SLED_END || (site & 63) == 63)
        return;
    const struct segment *seg = segment_of(site);
    if (!seg || !segment_of(site + 1))
        return;
    while (__atomic_exchange_n(&g_lock, 1, __ATOMIC_ACQUIRE))
        __builtin_ia32_pause();
    uint16_t *code = (uint16_t *)site;
    uintptr_t page = site & ~4095UL, len = ((site + 2 + 4095) & ~4095UL) - page;
    if (*code == 0x050f
        && !mprotect((void *)page, len, seg->prot | PROT_WRITE | PROT_EXEC)) {
        __atomic_store_n(code, 0xd0ff, __ATOMIC_RELEASE);
        mprotect((void *)page, len, seg->prot);
        sc_sites_rewritten++;
        trace(syscalls, "rewrote the %s site at %#lx", sc_name(nr), (long)site);
    }
    __atomic_store_n(&g_lock, 0, __ATOMIC_RELEASE);
}

/* Before the program runs (sc_ahead.c): no other thread can be running
 * the site, so any site is rewritten, each segment opened for writing
 * once. */
bool sc_rewrite_at_load(uint64_t site)
{
    struct segment *seg = (struct segment *)segment_of(site);
    if (!g_active || !seg || segment_of(site + 1) != seg)
        return false;
    if (!seg->writable) {
        if (mprotect((void *)seg->start, seg->end - seg->start, seg->prot | PROT_WRITE))
            return false;
        seg->writable = true;
    }
    unsigned char *code = (unsigned char *)site;
    if (code[0] != 0x0f || code[1] != 0x05)
        return false;
    code[0] = 0xff;
    code[1] = 0xd0;
    return true;
}

void sc_rewrite_load_done(void)
{
    for (unsigned i = 0; i < g_nsegments; i++)
        if (g_segments[i].writable) {
            mprotect((void *)g_segments[i].start, g_segments[i].end - g_segments[i].start,
                     g_segments[i].prot);
            g_segments[i].writable = false;
        }
}
