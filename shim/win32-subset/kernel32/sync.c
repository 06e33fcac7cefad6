/* Events, mutexes and semaphores: waitable objects of the one wait
 * mechanism. Names are shared within the process; sharing them between
 * lvrun processes is not done yet (a name opens this process's object). */
#include <stdlib.h>
#include <string.h>
#include "kernel32.spec.h"
#include "kernel32_private.h"
#include "lv/w32error.h"
#include "lv/wait.h"
#include "lv/wstr.h"

struct sync_object {
    struct object obj;
    WCHAR *name;
    struct sync_object *next;
    union {
        struct {
            bool manual, set;
        } event;
        struct {
            DWORD owner;
            unsigned count;
            bool abandoned;
        } mutex;
        struct {
            LONG count, max;
        } sem;
    } u;
};

static struct sync_object *g_objects; /* all of them, under the wait lock */

static void sync_destroy(struct object *obj)
{
    struct sync_object *s = (struct sync_object *)obj;
    wait_lock();
    for (struct sync_object **pp = &g_objects; *pp; pp = &(*pp)->next)
        if (*pp == s) {
            *pp = s->next;
            break;
        }
    wait_unlock();
    free(s->name);
    free(s);
}

static bool event_signaled(struct object *obj, DWORD tid)
{
    (void)tid;
    return ((struct sync_object *)obj)->u.event.set;
}

static bool event_acquire(struct object *obj, DWORD tid)
{
    (void)tid;
    struct sync_object *s = (struct sync_object *)obj;
    if (!s->u.event.manual)
        s->u.event.set = false;
    return false;
}

static bool mutex_signaled(struct object *obj, DWORD tid)
{
    struct sync_object *s = (struct sync_object *)obj;
    return !s->u.mutex.count || s->u.mutex.owner == tid;
}

static bool mutex_acquire(struct object *obj, DWORD tid)
{
    struct sync_object *s = (struct sync_object *)obj;
    bool abandoned = s->u.mutex.abandoned;
    s->u.mutex.abandoned = false;
    s->u.mutex.owner = tid;
    s->u.mutex.count++;
    return abandoned;
}

static bool sem_signaled(struct object *obj, DWORD tid)
{
    (void)tid;
    return ((struct sync_object *)obj)->u.sem.count > 0;
}

static bool sem_acquire(struct object *obj, DWORD tid)
{
    (void)tid;
    ((struct sync_object *)obj)->u.sem.count--;
    return false;
}

static const struct wait_ops event_ops = { event_signaled, event_acquire };
static const struct wait_ops mutex_ops = { mutex_signaled, mutex_acquire };
static const struct wait_ops sem_ops = { sem_signaled, sem_acquire };

__attribute__((constructor)) static void sync_register(void)
{
    wait_register_type(OBJ_EVENT, &event_ops);
    wait_register_type(OBJ_MUTEX, &mutex_ops);
    wait_register_type(OBJ_SEMAPHORE, &sem_ops);
}

/* The live object of that name, referenced; NULL when there is none. */
static struct sync_object *find_named(const WCHAR *name)
{
    for (struct sync_object *s = g_objects; s; s = s->next)
        if (s->name && !wstr_cmp(s->name, name) && object_ref_if_live(&s->obj))
            return s;
    return NULL;
}

/* Creates (or, by name, opens) an object; init fills a new one. */
static HANDLE create_sync(enum object_type type, const WCHAR *name,
                          SECURITY_ATTRIBUTES *sa, void (*init)(struct sync_object *, const void *),
                          const void *arg)
{
    bool inherit = sa && sa->bInheritHandle;
    wait_lock();
    if (name && *name) {
        /* An existing object of the name is opened (ERROR_ALREADY_EXISTS),
         * or refused when it is of another type. */
        struct sync_object *s = find_named(name);
        if (s) {
            wait_unlock();
            if (s->obj.type != type) {
                object_release(&s->obj);
                SetLastError(ERROR_INVALID_HANDLE);
                return NULL;
            }
            HANDLE h = handle_table_insert(&s->obj, inherit);
            object_release(&s->obj);
            SetLastError(ERROR_ALREADY_EXISTS);
            return h;
        }
    }
    struct sync_object *s = calloc(1, sizeof *s);
    object_init(&s->obj, type, sync_destroy);
    init(s, arg);
    if (name && *name)
        s->name = wstr_dup(name);
    s->next = g_objects;
    g_objects = s;
    wait_unlock();
    HANDLE h = handle_table_insert(&s->obj, inherit);
    object_release(&s->obj);
    SetLastError(ERROR_SUCCESS);
    return h;
}

static HANDLE open_sync(enum object_type type, const WCHAR *name, BOOL inherit)
{
    if (!name) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    wait_lock();
    struct sync_object *s = find_named(name);
    wait_unlock();
    if (!s) {
        SetLastError(ERROR_FILE_NOT_FOUND);
        return NULL;
    }
    HANDLE h = NULL;
    if (s->obj.type == type)
        h = handle_table_insert(&s->obj, inherit);
    else
        SetLastError(ERROR_INVALID_HANDLE);
    object_release(&s->obj);
    return h;
}

struct event_init {
    bool manual, set;
};

static void init_event(struct sync_object *s, const void *arg)
{
    const struct event_init *e = arg;
    s->u.event.manual = e->manual;
    s->u.event.set = e->set;
}

#define CREATE_EVENT_MANUAL_RESET 1
#define CREATE_EVENT_INITIAL_SET 2

HANDLE WINAPI CreateEventExW(SECURITY_ATTRIBUTES *sa, const WCHAR *name, DWORD flags,
                             DWORD access)
{
    (void)access;
    struct event_init e = { flags & CREATE_EVENT_MANUAL_RESET, flags & CREATE_EVENT_INITIAL_SET };
    return create_sync(OBJ_EVENT, name, sa, init_event, &e);
}

HANDLE WINAPI CreateEventW(SECURITY_ATTRIBUTES *sa, BOOL manual, BOOL initial,
                           const WCHAR *name)
{
    struct event_init e = { manual, initial };
    return create_sync(OBJ_EVENT, name, sa, init_event, &e);
}

HANDLE WINAPI CreateEventA(SECURITY_ATTRIBUTES *sa, BOOL manual, BOOL initial,
                           const char *name)
{
    WCHAR *w = ansi_to_wstr(name);
    HANDLE h = CreateEventW(sa, manual, initial, w);
    free(w);
    return h;
}

HANDLE WINAPI OpenEventW(DWORD access, BOOL inherit, const WCHAR *name)
{
    (void)access;
    return open_sync(OBJ_EVENT, name, inherit);
}

HANDLE WINAPI OpenEventA(DWORD access, BOOL inherit, const char *name)
{
    WCHAR *w = ansi_to_wstr(name);
    HANDLE h = OpenEventW(access, inherit, w);
    free(w);
    return h;
}

/* Runs change on the object behind h under the wait lock, then wakes the
 * waiters. */
static BOOL with_object(HANDLE h, enum object_type type,
                        BOOL (*change)(struct sync_object *, void *), void *arg)
{
    struct object *obj = handle_table_get(h, type);
    if (!obj)
        return FALSE;
    wait_lock();
    BOOL ok = change((struct sync_object *)obj, arg);
    wait_state_changed();
    wait_unlock();
    object_release(obj);
    return ok;
}

static BOOL do_set(struct sync_object *s, void *arg)
{
    s->u.event.set = arg != NULL;
    return TRUE;
}

BOOL WINAPI SetEvent(HANDLE h)
{
    return with_object(h, OBJ_EVENT, do_set, (void *)1);
}

BOOL WINAPI ResetEvent(HANDLE h)
{
    return with_object(h, OBJ_EVENT, do_set, NULL);
}

static void init_mutex(struct sync_object *s, const void *arg)
{
    DWORD owner = *(const DWORD *)arg;
    s->u.mutex.owner = owner;
    s->u.mutex.count = owner ? 1 : 0;
}

HANDLE WINAPI CreateMutexW(SECURITY_ATTRIBUTES *sa, BOOL owned, const WCHAR *name)
{
    DWORD owner = owned ? GetCurrentThreadId() : 0;
    return create_sync(OBJ_MUTEX, name, sa, init_mutex, &owner);
}

HANDLE WINAPI CreateMutexA(SECURITY_ATTRIBUTES *sa, BOOL owned, const char *name)
{
    WCHAR *w = ansi_to_wstr(name);
    HANDLE h = CreateMutexW(sa, owned, w);
    free(w);
    return h;
}

HANDLE WINAPI CreateMutexExW(SECURITY_ATTRIBUTES *sa, const WCHAR *name, DWORD flags,
                             DWORD access)
{
    (void)access;
    return CreateMutexW(sa, flags & 1 /* CREATE_MUTEX_INITIAL_OWNER */, name);
}

HANDLE WINAPI OpenMutexW(DWORD access, BOOL inherit, const WCHAR *name)
{
    (void)access;
    return open_sync(OBJ_MUTEX, name, inherit);
}

static BOOL do_release_mutex(struct sync_object *s, void *arg)
{
    DWORD tid = *(DWORD *)arg;
    if (!s->u.mutex.count || s->u.mutex.owner != tid) {
        SetLastError(ERROR_NOT_OWNER);
        return FALSE;
    }
    if (--s->u.mutex.count == 0)
        s->u.mutex.owner = 0;
    return TRUE;
}

BOOL WINAPI ReleaseMutex(HANDLE h)
{
    DWORD tid = GetCurrentThreadId();
    return with_object(h, OBJ_MUTEX, do_release_mutex, &tid);
}

/* A thread that ends holding mutexes abandons them: the next wait gets
 * WAIT_ABANDONED. Called by the exiting thread. */
void sync_abandon_mutexes(DWORD tid)
{
    wait_lock();
    for (struct sync_object *s = g_objects; s; s = s->next)
        if (s->obj.type == OBJ_MUTEX && s->u.mutex.count && s->u.mutex.owner == tid) {
            s->u.mutex.count = 0;
            s->u.mutex.owner = 0;
            s->u.mutex.abandoned = true;
        }
    wait_state_changed();
    wait_unlock();
}

struct sem_init {
    LONG initial, max;
};

static void init_sem(struct sync_object *s, const void *arg)
{
    const struct sem_init *i = arg;
    s->u.sem.count = i->initial;
    s->u.sem.max = i->max;
}

HANDLE WINAPI CreateSemaphoreW(SECURITY_ATTRIBUTES *sa, LONG initial, LONG max,
                               const WCHAR *name)
{
    if (max <= 0 || initial < 0 || initial > max) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    struct sem_init i = { initial, max };
    return create_sync(OBJ_SEMAPHORE, name, sa, init_sem, &i);
}

HANDLE WINAPI CreateSemaphoreA(SECURITY_ATTRIBUTES *sa, LONG initial, LONG max,
                               const char *name)
{
    WCHAR *w = ansi_to_wstr(name);
    HANDLE h = CreateSemaphoreW(sa, initial, max, w);
    free(w);
    return h;
}

HANDLE WINAPI CreateSemaphoreExW(SECURITY_ATTRIBUTES *sa, LONG initial, LONG max,
                                 const WCHAR *name, DWORD flags, DWORD access)
{
    (void)flags, (void)access;
    return CreateSemaphoreW(sa, initial, max, name);
}

HANDLE WINAPI OpenSemaphoreW(DWORD access, BOOL inherit, const WCHAR *name)
{
    (void)access;
    return open_sync(OBJ_SEMAPHORE, name, inherit);
}

struct sem_release {
    LONG count;
    LONG *previous;
};

static BOOL do_release_sem(struct sync_object *s, void *arg)
{
    struct sem_release *r = arg;
    if (r->count <= 0 || r->count > s->u.sem.max - s->u.sem.count) {
        SetLastError(ERROR_TOO_MANY_POSTS);
        return FALSE;
    }
    if (r->previous)
        *r->previous = s->u.sem.count;
    s->u.sem.count += r->count;
    return TRUE;
}

BOOL WINAPI ReleaseSemaphore(HANDLE h, LONG count, LONG *previous)
{
    struct sem_release r = { count, previous };
    return with_object(h, OBJ_SEMAPHORE, do_release_sem, &r);
}
