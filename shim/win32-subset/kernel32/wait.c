/* The wait mechanism (lv/wait.h). One process-wide lock orders every
 * signal and every check, so a wait for several objects sees one
 * consistent state and takes them all at once (wait-all); a condition
 * variable wakes the waiters after any change. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>
#include "kernel32.spec.h"
#include "lv/w32error.h"
#include "lv/wait.h"

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t g_changed;
static pthread_once_t g_once = PTHREAD_ONCE_INIT;
static const struct wait_ops *g_ops[OBJ_TOKEN + 1];

static void init_cond(void)
{
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&g_changed, &attr);
    pthread_condattr_destroy(&attr);
}

void wait_lock(void)
{
    pthread_once(&g_once, init_cond);
    pthread_mutex_lock(&g_lock);
}

void wait_unlock(void)
{
    pthread_mutex_unlock(&g_lock);
}

void wait_state_changed(void)
{
    pthread_cond_broadcast(&g_changed);
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
        if (timeout == INFINITE)
            pthread_cond_wait(&g_changed, &g_lock);
        else if (pthread_cond_timedwait(&g_changed, &g_lock, &deadline) == ETIMEDOUT) {
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
