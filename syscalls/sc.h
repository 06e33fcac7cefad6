/* syscalls/: the raw system calls of a static program, caught.
 *
 * Two ways in, one way through: a trap (Syscall User Dispatch raises
 * SIGSYS at a `syscall` of the guest) and, once that site is rewritten,
 * a direct call (sc_rewrite.c). Both fill a struct sc_regs with the
 * guest's registers at the `syscall`, run sc_dispatch, and resume the
 * guest from the struct, which a call like clone may have changed. */
#ifndef LV_SC_H
#define LV_SC_H

#include <setjmp.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The selector byte the kernel reads before each `syscall`. */
#define SC_ALLOW 0
#define SC_BLOCK 1

/* Offsets used by sc_entry.S, checked in sc_thread.c. */
#define SC_T_SELF 0
#define SC_T_HOST_FS 8
#define SC_T_GUEST_FS 16
#define SC_T_SELECTOR 24

/* One per guest thread; %gs points at it (guest x86-64 code never uses
 * %gs). While lvrun's code runs, %fs is the host's (glibc's) thread
 * pointer; while the guest's runs, the guest's. */
struct sc_thread {
    struct sc_thread *self;
    uint64_t host_fs;
    uint64_t guest_fs;
    uint8_t selector;
    bool hosted;                /* a host pthread created for a guest clone */
    int *clear_tid;             /* CLONE_CHILD_CLEARTID */
    void *unmap_addr;           /* its own stack, unmapped when it has left it */
    size_t unmap_size;
    sigjmp_buf exit_jb;
    struct sc_thread *next;     /* the guest threads (sc_thread.c) */
    int tid;
    bool registered;
    int armed, arm_requested, exiting;
};

/* The guest's registers at a `syscall`: rip is the instruction after it. */
struct sc_regs {
    uint64_t rax, rbx, rcx, rdx, rsi, rdi, rbp, rsp;
    uint64_t r8, r9, r10, r11, r12, r13, r14, r15;
    uint64_t rip, rflags;
};

typedef long (*sc_handler)(struct sc_regs *r);

/* The table (sc_table.c) and the decoding around it (sc_dispatch.c). */
extern const sc_handler sc_table[];
extern const size_t sc_table_size;
long sc_dispatch(struct sc_regs *r);
const char *sc_name(long nr);
long sc_passthrough(struct sc_regs *r);

/* A system call issued from lvrun's code: -errno on failure. */
static inline long sc_raw(long nr, long a, long b, long c, long d, long e, long f)
{
    register long r10 __asm__("r10") = d;
    register long r8 __asm__("r8") = e;
    register long r9 __asm__("r9") = f;
    long ret;
    __asm__ volatile("syscall" : "=a"(ret)
                     : "a"(nr), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
                     : "rcx", "r11", "memory");
    return ret;
}

static inline uint64_t sc_fs_base(void)
{
    uint64_t fs;
    __asm__ volatile("rdfsbase %0" : "=r"(fs));
    return fs;
}

/* The calling thread's record, through %gs. */
static inline struct sc_thread *sc_self(void)
{
    struct sc_thread *t;
    __asm__("mov %%gs:0, %0" : "=r"(t));
    return t;
}

/* sc_thread.c: arming dispatch in a thread, the guest's entry. */
struct sc_thread *sc_thread_new(uint64_t guest_fs);
bool sc_thread_arm(struct sc_thread *t);
void sc_thread_end(struct sc_thread *t);
void sc_arm_everywhere(void);
void sc_arm_request(void);
__attribute__((noreturn)) void sc_resume(const struct sc_regs *r);

/* The two ways in, called from sc_entry.S. */
void sc_sigsys(int sig, siginfo_t *info, void *uc);
bool sc_zpoline_fast(struct sc_regs *r);
void sc_zpoline_dispatch(struct sc_regs *r);

/* sc_entry.S */
void sc_sigsys_entry(int sig, siginfo_t *info, void *uc);
void sc_signal_entry(int sig, siginfo_t *info, void *uc);
void sc_restorer(void);
void sc_zpoline_entry(void);
void sc_zpoline_direct(void);
void sc_zpoline_bare(void);
extern char sc_allowed_start[], sc_allowed_end[];
extern void *sc_guest_handlers[];
extern uint64_t sc_xsave_size;
extern bool sc_xsavec;

/* The virtual view's one entry for paths (shim/posix/view plugs in
 * here): the host path for a guest path, into host; 0 or -errno. */
int sc_translate_path(const char *guest, char *host, size_t size);

/* Handlers with more to do than pass the call on. */
long sc_clone(struct sc_regs *r);
long sc_fork(struct sc_regs *r);
long sc_exit(struct sc_regs *r);
long sc_exit_group(struct sc_regs *r);
long sc_munmap(struct sc_regs *r);
long sc_execve(struct sc_regs *r);
long sc_rt_sigaction(struct sc_regs *r);
long sc_rt_sigprocmask(struct sc_regs *r);
long sc_rt_sigsuspend(struct sc_regs *r);
long sc_rt_sigreturn(struct sc_regs *r);
long sc_arch_prctl(struct sc_regs *r);
long sc_prctl(struct sc_regs *r);
long sc_brk(struct sc_regs *r);
long sc_readlink(struct sc_regs *r);
long sc_readlinkat(struct sc_regs *r);
long sc_path_0(struct sc_regs *r);
long sc_path_1(struct sc_regs *r);
long sc_path_2(struct sc_regs *r);
long sc_path_01(struct sc_regs *r);
long sc_path_13(struct sc_regs *r);

/* sc_signal.c */
void sc_signal_init(void);
bool sc_install_sigsys(void);

/* sc_rewrite.c */
bool sc_rewrite_init(void);
void sc_rewrite_site(uint64_t site, long nr);
bool sc_rewrite_at_load(uint64_t site);
void sc_rewrite_table_armed(bool armed);
void sc_rewrite_load_done(void);
bool sc_rewrite_active(void);

/* sc_ahead.c: every site rewritten before the start, dispatch not armed
 * (sc_ahead) until the guest asks for code lvrun has not decoded. */
struct elf_module;
extern bool sc_ahead;
bool sc_rewrite_ahead(const struct elf_module *exe);
long sc_code_request(struct sc_regs *r);

/* sc_run.c: the program being run, for execve and readlink. */
extern const char *sc_program_path;
extern const char *sc_lvrun_path;
void sc_brk_init(uintptr_t image_end);
/* The guest's mapped segments: only code in them is rewritten. */
void sc_add_segment(uintptr_t start, uintptr_t end, int prot);

/* Counters for LVRUN_SYSCALL_STATS=1. */
extern bool sc_stats_on;
extern unsigned long sc_traps, sc_fast_calls, sc_sites_rewritten;
void sc_stats_print(void);

#endif
