/* The wait mechanism (lv/wait.h). One lock orders every signal and every
 * check, so a wait for several objects sees one consistent state and takes
 * them all at once (wait-all). The lock and a generation counter live in
 * host shared memory, one segment per user, because named objects are
 * shared by every lvrun process of the user (kernel32/sync.c keeps their
 * state in the same segment): a change anywhere bumps the generation and
 * wakes the waiters of every process through a shared futex; they look
 * again. The lock is robust: a process that dies holding it does not
 * block the others. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <linux/futex.h>
#include <sys/syscall.h>
#include "kernel32.spec.h"
#include "kernel32_private.h"
#include "lv/w32error.h"
#include "lv/wait.h"

#define SHARED_MAGIC 0x6c767731u /* "lvw1" */

static struct shared_sync *g_shared;
static pthread_once_t g_once = PTHREAD_ONCE_INIT;
static const struct wait_ops *g_ops[OBJ_TOKEN + 1];

static void init_lock(pthread_mutex_t *m)
{
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
    pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST);
    pthread_mutex_init(m, &attr);
    pthread_mutexattr_destroy(&attr);
}

/* The user's segment: created and initialized by the first lvrun process,
 * mapped by the others once its magic says it is ready. Without /dev/shm
 * the segment is private to the process (names are then per process). */
static void map_shared(void)
{
    /* The layout's size is part of the name: lvrun builds with another
     * layout use another segment instead of misreading this one. */
    char name[64];
    size_t size = sizeof(struct shared_sync);
    snprintf(name, sizeof name, "/lvrun-%u-sync-%zx", (unsigned)getuid(), size);
    int fd = shm_open(name, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    bool creator = fd >= 0;
    if (!creator)
        fd = shm_open(name, O_RDWR | O_CLOEXEC, 0600);
    if (fd >= 0 && creator && ftruncate(fd, (off_t)size)) {
        close(fd);
        fd = -1;
    }
    void *p = MAP_FAILED;
    if (fd >= 0) {
        struct stat st;
        if (creator || (fstat(fd, &st) == 0 && (size_t)st.st_size >= size))
            p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
        close(fd);
    }
    if (p == MAP_FAILED) {
        p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        creator = true;
        if (p == MAP_FAILED) {
            fprintf(stderr, "lvrun: cannot map the synchronization segment\n");
            exit(126);
        }
    }
    struct shared_sync *sh = p;
    if (creator) {
        init_lock(&sh->lock);
        __atomic_store_n(&sh->magic, SHARED_MAGIC, __ATOMIC_RELEASE);
    } else {
        while (__atomic_load_n(&sh->magic, __ATOMIC_ACQUIRE) != SHARED_MAGIC)
            sched_yield();
    }
    g_shared = sh;
}

struct shared_sync *wait_shared(void)
{
    pthread_once(&g_once, map_shared);
    return g_shared;
}

void wait_lock(void)
{
    struct shared_sync *sh = wait_shared();
    if (pthread_mutex_lock(&sh->lock) == EOWNERDEAD)
        pthread_mutex_consistent(&sh->lock);
}

/* A change made under the lock whose sleepers are woken once it is
 * released: woken under it, they ran straight into the lock still held,
 * slept on it, and needed a second wake-up. */
static __thread bool t_wake_pending;

void wait_unlock(void)
{
    pthread_mutex_unlock(&g_shared->lock);
    if (t_wake_pending) {
        t_wake_pending = false;
        syscall(SYS_futex, &g_shared->generation, FUTEX_WAKE, 0x7fffffff, NULL, NULL, 0);
    }
}

/* Under the lock. Shared (not private) futex calls: waiters of other
 * processes sleep on the same word. A sleeper counted now is woken at
 * wait_unlock; one that comes later reads the new generation first. */
void wait_state_changed(void)
{
    __atomic_add_fetch(&g_shared->generation, 1, __ATOMIC_RELEASE);
    if (g_shared->sleepers)
        t_wake_pending = true;
}

/* How long a waiter watches for a change before it sleeps: a thread on
 * another processor that answers at once (a handoff between two threads)
 * is then seen without the sleep and its wake-up, two system calls and a
 * trip through the scheduler. Short, as glibc's adaptive mutexes and
 * Windows' critical sections spin; none on a single processor, where the
 * other thread cannot run meanwhile, nor for threads and processes (see
 * worth_spinning). */
#define SPIN_NS 20000

static bool spin_for_change(uint32_t seen)
{
    static int processors;
    if (!processors)
        processors = (int)sysconf(_SC_NPROCESSORS_ONLN);
    if (processors < 2)
        return false;
    struct timespec start, now;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (unsigned i = 1;; i++) {
        if (__atomic_load_n(&g_shared->generation, __ATOMIC_ACQUIRE) != seen)
            return true;
        __builtin_ia32_pause();
        if (i % 32 == 0) {
            clock_gettime(CLOCK_MONOTONIC, &now);
            if ((now.tv_sec - start.tv_sec) * 1000000000l + now.tv_nsec - start.tv_nsec > SPIN_NS)
                return false;
        }
    }
}

/* Drops the lock, waits until a change or the deadline, takes it again.
 * Returns false when the deadline has passed. */
static bool sleep_for_change(const struct timespec *deadline, bool spin)
{
    uint32_t seen = __atomic_load_n(&g_shared->generation, __ATOMIC_ACQUIRE);
    wait_unlock();
    bool changed = spin && spin_for_change(seen);
    wait_lock();
    /* A change while spinning, or between the spin and the lock: look. */
    if (changed || __atomic_load_n(&g_shared->generation, __ATOMIC_ACQUIRE) != seen)
        return true;
    g_shared->sleepers++;
    wait_unlock();
    struct timespec rel, *tp = NULL;
    bool timed_out = false;
    if (deadline) {
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        rel.tv_sec = deadline->tv_sec - now.tv_sec;
        rel.tv_nsec = deadline->tv_nsec - now.tv_nsec;
        if (rel.tv_nsec < 0) {
            rel.tv_sec--;
            rel.tv_nsec += 1000000000;
        }
        timed_out = rel.tv_sec < 0;
        tp = &rel;
    }
    if (!timed_out &&
        syscall(SYS_futex, &g_shared->generation, FUTEX_WAIT, seen, tp, NULL, 0) &&
        errno == ETIMEDOUT)
        timed_out = true;
    wait_lock();
    /* A process killed asleep leaves its count behind: harmless, it only
     * costs needless wakes. */
    if (g_shared->sleepers)
        g_shared->sleepers--;
    return !timed_out;
}

void wait_register_type(enum object_type type, const struct wait_ops *ops)
{
    g_ops[type] = ops;
}

/* Files and the like are always signaled, as Windows reports them when no
 * overlapped I/O is pending. */
static bool is_signaled(struct object *obj, DWORD tid)
{
    const struct wait_ops *ops = g_ops[obj->type];
    return !ops || ops->signaled(obj, tid);
}

static bool acquire(struct object *obj, DWORD tid)
{
    const struct wait_ops *ops = g_ops[obj->type];
    return ops && ops->acquire(obj, tid);
}

/* The index of the satisfied object, or -1. */
static int check(struct object **objs, DWORD count, bool all, DWORD tid, bool *abandoned)
{
    if (all) {
        for (DWORD i = 0; i < count; i++)
            if (!is_signaled(objs[i], tid))
                return -1;
        bool any_abandoned = false;
        for (DWORD i = 0; i < count; i++)
            any_abandoned |= acquire(objs[i], tid);
        *abandoned = any_abandoned;
        return 0;
    }
    for (DWORD i = 0; i < count; i++)
        if (is_signaled(objs[i], tid)) {
            *abandoned = acquire(objs[i], tid);
            return (int)i;
        }
    return -1;
}

static struct timespec deadline_after(DWORD ms)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    ts.tv_sec += ms / 1000;
    ts.tv_nsec += (long)(ms % 1000) * 1000000;
    if (ts.tv_nsec >= 1000000000) {
        ts.tv_sec++;
        ts.tv_nsec -= 1000000000;
    }
    return ts;
}

struct object *thread_object_current(void);

static struct object *lookup(HANDLE h)
{
    if (h == (HANDLE)(LONG_PTR)-2)
        return thread_object_current();
    return handle_table_get(h, OBJ_ANY);
}

/* Events, semaphores and mutexes are handed from thread to thread, often
 * at once: worth watching for. A thread or a process ends after work of
 * its own; a waiter spinning meanwhile only keeps its processor from the
 * thread it waits for (a thread just created runs best where its creator
 * goes to sleep: create+join took 5% longer with the spin). */
static bool worth_spinning(struct object *const *objs, DWORD count)
{
    for (DWORD i = 0; i < count; i++)
        if (objs[i]->type == OBJ_EVENT || objs[i]->type == OBJ_SEMAPHORE ||
            objs[i]->type == OBJ_MUTEX)
            return true;
    return false;
}

DWORD wait_for_handles(DWORD count, const HANDLE *handles, bool wait_all, DWORD timeout)
{
    if (count == 0 || count > MAXIMUM_WAIT_OBJECTS) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return WAIT_FAILED;
    }
    struct object *objs[MAXIMUM_WAIT_OBJECTS];
    for (DWORD i = 0; i < count; i++) {
        objs[i] = lookup(handles[i]);
        if (!objs[i]) {
            while (i--)
                object_release(objs[i]);
            SetLastError(ERROR_INVALID_HANDLE);
            return WAIT_FAILED;
        }
    }
    DWORD tid = GetCurrentThreadId();
    struct timespec deadline = deadline_after(timeout);
    DWORD result = WAIT_TIMEOUT;
    bool spin = worth_spinning(objs, count);
    wait_lock();
    for (;;) {
        bool abandoned = false;
        int i = check(objs, count, wait_all, tid, &abandoned);
        if (i >= 0) {
            result = (abandoned ? WAIT_ABANDONED_0 : WAIT_OBJECT_0) + i;
            break;
        }
        if (timeout == 0)
            break;
        if (!sleep_for_change(timeout == INFINITE ? NULL : &deadline, spin)) {
            i = check(objs, count, wait_all, tid, &abandoned);
            if (i >= 0)
                result = (abandoned ? WAIT_ABANDONED_0 : WAIT_OBJECT_0) + i;
            break;
        }
    }
    wait_unlock();
    for (DWORD i = 0; i < count; i++)
        object_release(objs[i]);
    return result;
}

DWORD WINAPI WaitForSingleObject(HANDLE h, DWORD timeout)
{
    return wait_for_handles(1, &h, false, timeout);
}

DWORD WINAPI WaitForSingleObjectEx(HANDLE h, DWORD timeout, BOOL alertable)
{
    (void)alertable;
    return wait_for_handles(1, &h, false, timeout);
}

DWORD WINAPI WaitForMultipleObjects(DWORD count, const HANDLE *handles, BOOL all,
                                    DWORD timeout)
{
    return wait_for_handles(count, handles, all, timeout);
}

DWORD WINAPI WaitForMultipleObjectsEx(DWORD count, const HANDLE *handles, BOOL all,
                                      DWORD timeout, BOOL alertable)
{
    (void)alertable;
    return wait_for_handles(count, handles, all, timeout);
}
