/* The PEB and TEBs. The GS base points at the calling thread's TEB, as on
 * Windows; glibc uses FS and never GS, so both live side by side. */
#include <asm/hwcap2.h>
#include <asm/prctl.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/auxv.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "lv/teb.h"
#include "except_private.h"

extern PEB_LDR_DATA *loader_ldr_data(void);

static PEB *g_peb;
static LIST_ENTRY g_threads = { &g_threads, &g_threads };
static pthread_mutex_t g_threads_lock = PTHREAD_MUTEX_INITIALIZER;

#define TEB_SIZE ((sizeof(TEB) + 4095) & ~4095ul)

/* Ended threads leave their TEB (with its alternate signal stack) here
 * for the next thread: creating threads stays cheap. */
#define TEB_CACHE 16
static TEB *g_cache[TEB_CACHE];
static int g_cached;

static TEB *teb_alloc(void)
{
    pthread_mutex_lock(&g_threads_lock);
    TEB *teb = g_cached ? g_cache[--g_cached] : NULL;
    pthread_mutex_unlock(&g_threads_lock);
    if (teb) {
        void *altstack = teb->LvAltStack;
        memset(teb, 0, sizeof *teb);
        teb->LvAltStack = altstack;
        return teb;
    }
    /* Windows hands out TEBs on page boundaries. */
    teb = mmap(NULL, TEB_SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (teb == MAP_FAILED) {
        fprintf(stderr, "lvrun: cannot allocate a thread environment block\n");
        exit(126);
    }
    return teb;
}

extern void *__libc_stack_end;

/* The process id, asked once (and again in a forked child): every TEB
 * holds it, the share table marks opens with it. */
static pid_t g_pid;

static void forget_pid(void)
{
    g_pid = 0;
}

static void watch_forks(void)
{
    pthread_atfork(NULL, NULL, forget_pid);
}

pid_t lv_process_id(void)
{
    if (!g_pid) {
        static pthread_once_t once = PTHREAD_ONCE_INIT;
        pthread_once(&once, watch_forks);
        g_pid = getpid();
    }
    return g_pid;
}

/* When a process started (clock ticks since boot, /proc/PID/stat's 22nd
 * field), 0 when unknown: with its id it names a process for good, where
 * the id alone is reused once the process is gone. */
uint64_t lv_process_start(pid_t pid)
{
    char path[64], buf[512];
    snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
    FILE *f = fopen(path, "re");
    if (!f)
        return 0;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    /* The command name (field 2) may hold spaces and parentheses: count
     * from its closing one. */
    char *p = strrchr(buf, ')');
    unsigned long long start = 0;
    for (int field = 2; p && field < 22; field++)
        p = strchr(p + 1, ' ');
    if (p)
        start = strtoull(p + 1, NULL, 10);
    return start;
}

uint64_t lv_process_start_self(void)
{
    static uint64_t start;
    static pid_t of;
    if (of != lv_process_id()) {
        of = lv_process_id();
        start = lv_process_start(of);
    }
    return start;
}

bool lv_process_alive(int32_t pid, uint64_t start)
{
    if (pid == lv_process_id())
        return true;
    if (kill(pid, 0) != 0 && errno == ESRCH)
        return false;
    uint64_t now = lv_process_start(pid);
    return !start || !now || now == start;
}

/* The GS base through wrgsbase where the kernel allows it (FSGSBASE), a
 * system call less per thread start and end; arch_prctl otherwise. */
static void set_gs_base(void *base)
{
    static int fsgsbase = -1;
    if (fsgsbase < 0)
        fsgsbase = (getauxval(AT_HWCAP2) & HWCAP2_FSGSBASE) != 0;
    if (fsgsbase) {
        __asm__ volatile("wrgsbase %0" : : "r"(base) : "memory");
        return;
    }
    if (syscall(SYS_arch_prctl, ARCH_SET_GS, base)) {
        perror("lvrun: arch_prctl(ARCH_SET_GS)");
        exit(126);
    }
}

/* The main thread's id is the process's. */
static bool teb_is_main(const TEB *teb)
{
    return (pid_t)(uintptr_t)teb->UniqueThread == lv_process_id();
}

/* The main thread's stack from its start and the stack limit: glibc would
 * read /proc/self/maps to say it, a cost every start would pay. Frames all
 * lie below __libc_stack_end (argv and the environment are above it). */
static bool main_stack_bounds(TEB *teb)
{
    if (!teb_is_main(teb))
        return false;
    struct rlimit rl;
    size_t size = 8 << 20;
    if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY)
        size = rl.rlim_cur;
    uintptr_t base = ((uintptr_t)__libc_stack_end + 4095) & ~(uintptr_t)4095;
    teb->Tib.StackBase = (void *)base;
    teb->Tib.StackLimit = (void *)(base - size);
    teb->DeallocationStack = teb->Tib.StackLimit;
    return true;
}

static void stack_bounds(TEB *teb)
{
    if (main_stack_bounds(teb))
        return;
    pthread_attr_t attr;
    void *addr;
    size_t size;
    if (pthread_getattr_np(pthread_self(), &attr) == 0) {
        if (pthread_attr_getstack(&attr, &addr, &size) == 0) {
            teb->Tib.StackBase = (char *)addr + size;
            teb->Tib.StackLimit = addr;
            teb->DeallocationStack = addr;
        }
        pthread_attr_destroy(&attr);
    }
}

TEB *teb_new(DWORD tid)
{
    TEB *teb = teb_alloc();
    teb->Tib.Self = teb;
    teb->Peb = g_peb;
    teb->UniqueProcess = (HANDLE)(uintptr_t)lv_process_id();
    teb->UniqueThread = (HANDLE)(uintptr_t)tid;
    teb->TlsLinks.Flink = teb->TlsLinks.Blink = &teb->TlsLinks;
    return teb;
}

void teb_attach(TEB *teb)
{
    stack_bounds(teb);
    set_gs_base(teb);
    /* Faults of this thread, a stack overflow included, are reported on
     * a stack of their own; the main thread may have one already. */
    exception_init_thread(&teb->LvAltStack, teb_is_main(teb));
    pthread_mutex_lock(&g_threads_lock);
    teb->LvThreadLinks.Flink = &g_threads;
    teb->LvThreadLinks.Blink = g_threads.Blink;
    g_threads.Blink->Flink = &teb->LvThreadLinks;
    g_threads.Blink = &teb->LvThreadLinks;
    pthread_mutex_unlock(&g_threads_lock);
}

TEB *teb_init_thread(void)
{
    TEB *teb = teb_new((DWORD)syscall(SYS_gettid));
    teb_attach(teb);
    return teb;
}

void teb_exit_thread(void)
{
    TEB *teb = lv_teb();
    pthread_mutex_lock(&g_threads_lock);
    teb->LvThreadLinks.Blink->Flink = teb->LvThreadLinks.Flink;
    teb->LvThreadLinks.Flink->Blink = teb->LvThreadLinks.Blink;
    pthread_mutex_unlock(&g_threads_lock);
    if (teb->ThreadLocalStoragePointer) {
        for (int i = 0; i < TEB_TLS_MODULES; i++)
            free(teb->ThreadLocalStoragePointer[i]);
        free(teb->ThreadLocalStoragePointer);
    }
    free(teb->TlsExpansionSlots);
    free(teb->FlsData);
    exception_exit_thread();
    set_gs_base(NULL);
    pthread_mutex_lock(&g_threads_lock);
    bool cached = g_cached < TEB_CACHE;
    if (cached)
        g_cache[g_cached++] = teb;
    pthread_mutex_unlock(&g_threads_lock);
    if (!cached) {
        exception_free_altstack(teb->LvAltStack);
        munmap(teb, TEB_SIZE);
    }
}

void teb_for_each(void (*fn)(TEB *teb, void *arg), void *arg)
{
    pthread_mutex_lock(&g_threads_lock);
    for (LIST_ENTRY *e = g_threads.Flink; e != &g_threads; e = e->Flink)
        fn((TEB *)((char *)e - offsetof(TEB, LvThreadLinks)), arg);
    pthread_mutex_unlock(&g_threads_lock);
}

void teb_init_process(void)
{
    g_peb = calloc(1, sizeof *g_peb);
    g_peb->Ldr = loader_ldr_data();
    g_peb->NumberOfProcessors = (ULONG)sysconf(_SC_NPROCESSORS_ONLN);
    /* Windows 10, as recent programs expect (version checks refuse less). */
    g_peb->OSMajorVersion = 10;
    g_peb->OSMinorVersion = 0;
    g_peb->OSBuildNumber = 19045;
    g_peb->OSPlatformId = 2;
    teb_init_thread();
}
