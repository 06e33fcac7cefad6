/* Threads: a host thread per Windows thread, each with its TEB (GS base),
 * its TLS blocks and the DLL notifications Windows sends. */
#include <errno.h>
#include <sched.h>
#include <pthread.h>
#include <semaphore.h>
#include <setjmp.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "kernel32.spec.h"
#include "kernel32_private.h"
#include "lv/module.h"
#include "lv/process.h"
#include "lv/w32error.h"
#include "lv/wait.h"

#define CREATE_SUSPENDED 0x4
#define STACK_SIZE_PARAM_IS_A_RESERVATION 0x10000
#define DLL_THREAD_ATTACH 2
#define DLL_THREAD_DETACH 3

typedef DWORD (WINAPI *thread_start_fn)(void *);

struct thread_object {
    struct object obj;
    DWORD tid;
    DWORD exit_code;
    bool done;          /* under the wait lock */
    thread_start_fn start;
    void *param;
    TEB *teb;           /* made by the creator, attached by the thread */
    pthread_t pt;
    sem_t resume;       /* CREATE_SUSPENDED threads wait here */
    int suspend_count;  /* under the wait lock */
    int priority;       /* accepted and reported; the host schedules */
    jmp_buf exit_jump;  /* ExitThread returns to the thread's base */
};

static __thread struct thread_object *t_self;
static atomic_int g_live_threads = 1; /* the main thread */

static void thread_destroy(struct object *obj)
{
    struct thread_object *t = (struct thread_object *)obj;
    sem_destroy(&t->resume);
    free(t);
}

static bool thread_signaled(struct object *obj, DWORD tid)
{
    (void)tid;
    return ((struct thread_object *)obj)->done;
}

static bool thread_acquire(struct object *obj, DWORD tid)
{
    (void)obj, (void)tid;
    return false;
}

static const struct wait_ops thread_ops = { thread_signaled, thread_acquire };

__attribute__((constructor)) static void thread_register(void)
{
    wait_register_type(OBJ_THREAD, &thread_ops);
}

static struct thread_object *thread_new(void)
{
    struct thread_object *t = calloc(1, sizeof *t);
    object_init(&t->obj, OBJ_THREAD, thread_destroy);
    sem_init(&t->resume, 0, 0);
    return t;
}

/* The calling thread's object (made on first use for the main thread). */
struct object *thread_object_current(void)
{
    if (!t_self) {
        t_self = thread_new();
        t_self->tid = GetCurrentThreadId();
        t_self->pt = pthread_self();
    }
    return object_ref(&t_self->obj);
}

static void finish(struct thread_object *t, DWORD code)
{
    fls_thread_exit();
    module_thread_notify(DLL_THREAD_DETACH);
    sync_abandon_mutexes(t->tid);
    wait_lock();
    t->exit_code = code;
    t->done = true;
    wait_state_changed();
    wait_unlock();
}

static void *thread_main(void *arg)
{
    struct thread_object *t = arg;
    teb_attach(t->teb);
    module_tls_init_thread(t->teb);
    t_self = t;
    t->pt = pthread_self();
    if (t->suspend_count)
        while (sem_wait(&t->resume) && errno == EINTR)
            ;
    DWORD code;
    if (setjmp(t->exit_jump) == 0) {
        module_thread_notify(DLL_THREAD_ATTACH);
        code = t->start(t->param);
    } else {
        code = t->exit_code;
    }
    finish(t, code);
    object_release(&t->obj);
    /* The last thread to end ends the process with its code. */
    if (atomic_fetch_sub(&g_live_threads, 1) == 1)
        process_exit(code);
    teb_exit_thread();
    return NULL;
}

static size_t stack_size(SIZE_T requested, DWORD flags)
{
    struct module *exe = module_exe();
    size_t size = exe && exe->nt ? exe->nt->OptionalHeader.SizeOfStackReserve : 0x100000;
    if ((flags & STACK_SIZE_PARAM_IS_A_RESERVATION) && requested)
        size = requested;
    else if (requested > size)
        size = requested;
    if (size < 0x40000)
        size = 0x40000;
    return (size + 0xffff) & ~(size_t)0xffff;
}

/* Windows thread ids are the creator's to know at once, before the thread
 * runs, so lvrun numbers threads itself (multiples of 4, as Windows does)
 * rather than wait for the host's id; the main thread keeps the host's,
 * which the numbering skips. */
static DWORD next_thread_id(void)
{
    static atomic_uint next = 0x10000;
    DWORD main_tid = GetCurrentProcessId();
    DWORD id;
    do
        id = atomic_fetch_add(&next, 4);
    while (id == main_tid || id == 0);
    return id;
}

HANDLE WINAPI CreateThread(SECURITY_ATTRIBUTES *sa, SIZE_T stack, void *start, void *param,
                           DWORD flags, DWORD *tid)
{
    if (!start) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    struct thread_object *t = thread_new();
    t->start = (thread_start_fn)start;
    t->param = param;
    t->suspend_count = (flags & CREATE_SUSPENDED) ? 1 : 0;
    t->tid = next_thread_id();
    t->teb = teb_new(t->tid);
    HANDLE h = handle_table_insert(&t->obj, sa && sa->bInheritHandle);
    if (!h) {
        object_release(&t->obj);
        return NULL;
    }
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, stack_size(stack, flags));
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_t pt;
    object_ref(&t->obj); /* the thread's own reference */
    atomic_fetch_add(&g_live_threads, 1);
    int err = pthread_create(&pt, &attr, thread_main, t);
    pthread_attr_destroy(&attr);
    if (err) {
        atomic_fetch_sub(&g_live_threads, 1);
        object_release(&t->obj);
        handle_table_close(h);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    if (tid)
        *tid = t->tid;
    return h;
}

void WINAPI ExitThread(DWORD code)
{
    struct thread_object *self = (struct thread_object *)thread_object_current();
    object_release(&self->obj);
    if (self->start) {
        self->exit_code = code;
        longjmp(self->exit_jump, 1);
    }
    /* The main thread: the process lives on while other threads do. */
    finish(self, code);
    if (atomic_fetch_sub(&g_live_threads, 1) == 1)
        process_exit(code);
    teb_exit_thread();
    pthread_exit(NULL);
}

static struct thread_object *thread_from_handle(HANDLE h)
{
    if (h == CURRENT_THREAD_HANDLE)
        return (struct thread_object *)thread_object_current();
    return (struct thread_object *)handle_table_get(h, OBJ_THREAD);
}

BOOL WINAPI GetExitCodeThread(HANDLE h, DWORD *code)
{
    struct thread_object *t = thread_from_handle(h);
    if (!t)
        return FALSE;
    wait_lock();
    *code = t->done ? t->exit_code : STILL_ACTIVE;
    wait_unlock();
    object_release(&t->obj);
    return TRUE;
}

DWORD WINAPI GetThreadId(HANDLE h)
{
    struct thread_object *t = thread_from_handle(h);
    if (!t)
        return 0;
    DWORD tid = t->tid;
    object_release(&t->obj);
    return tid;
}

DWORD WINAPI ResumeThread(HANDLE h)
{
    struct thread_object *t = thread_from_handle(h);
    if (!t)
        return (DWORD)-1;
    wait_lock();
    DWORD previous = (DWORD)t->suspend_count;
    if (t->suspend_count > 0 && --t->suspend_count == 0)
        sem_post(&t->resume);
    wait_unlock();
    object_release(&t->obj);
    return previous;
}

/* Affinity is the host's: asked for, a mask is honoured with
 * sched_setaffinity; the process mask is what the host allows. */
static DWORD_PTR mask_of(const cpu_set_t *set)
{
    DWORD_PTR mask = 0;
    for (int i = 0; i < 64; i++)
        if (CPU_ISSET(i, set))
            mask |= (DWORD_PTR)1 << i;
    return mask ? mask : 1;
}

static DWORD_PTR host_mask(pid_t tid)
{
    cpu_set_t set;
    return sched_getaffinity(tid, sizeof set, &set) == 0 ? mask_of(&set) : 1;
}

BOOL WINAPI GetProcessAffinityMask(HANDLE process, DWORD_PTR *mask, DWORD_PTR *system)
{
    if (process != CURRENT_PROCESS_HANDLE) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    long n = sysconf(_SC_NPROCESSORS_CONF);
    *mask = host_mask(0);
    *system = n >= 64 ? ~(DWORD_PTR)0 : ((DWORD_PTR)1 << n) - 1;
    return TRUE;
}

static void set_of(DWORD_PTR mask, cpu_set_t *set)
{
    CPU_ZERO(set);
    for (int i = 0; i < 64; i++)
        if (mask & ((DWORD_PTR)1 << i))
            CPU_SET(i, set);
}

BOOL WINAPI SetProcessAffinityMask(HANDLE process, DWORD_PTR mask)
{
    if (process != CURRENT_PROCESS_HANDLE || !mask) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    cpu_set_t set;
    set_of(mask, &set);
    return sched_setaffinity(0, sizeof set, &set) == 0 ? TRUE : w32_fail_errno();
}

DWORD_PTR WINAPI SetThreadAffinityMask(HANDLE h, DWORD_PTR mask)
{
    struct thread_object *t = thread_from_handle(h);
    if (!t)
        return 0;
    cpu_set_t old, set;
    set_of(mask, &set);
    bool ok = mask && pthread_getaffinity_np(t->pt, sizeof old, &old) == 0 &&
              pthread_setaffinity_np(t->pt, sizeof set, &set) == 0;
    object_release(&t->obj);
    if (!ok) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    return mask_of(&old);
}

BOOL WINAPI IsWow64Process(HANDLE process, BOOL *wow64)
{
    (void)process;
    /* A 64-bit process is never under WOW64. */
    *wow64 = FALSE;
    return TRUE;
}

BOOL WINAPI SwitchToThread(void)
{
    return sched_yield() == 0;
}

BOOL WINAPI SetThreadPriority(HANDLE h, int priority)
{
    struct thread_object *t = thread_from_handle(h);
    if (!t)
        return FALSE;
    t->priority = priority;
    object_release(&t->obj);
    return TRUE;
}

int WINAPI GetThreadPriority(HANDLE h)
{
    struct thread_object *t = thread_from_handle(h);
    if (!t)
        return 0x7fffffff; /* THREAD_PRIORITY_ERROR_RETURN */
    int priority = t->priority;
    object_release(&t->obj);
    return priority;
}
