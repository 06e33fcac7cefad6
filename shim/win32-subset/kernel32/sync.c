/* Events, mutexes and semaphores: waitable objects of the one wait
 * mechanism. A named object lives in the user's shared segment (lv/wait.h)
 * so that every lvrun process opens the same one by name; its state is
 * there, and a process's handles to it are local objects pointing at it. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include "kernel32.spec.h"
#include "kernel32_private.h"
#include "lv/teb.h"
#include "lv/w32error.h"
#include "lv/wait.h"
#include "lv/wstr.h"

struct sync_object {
    struct object obj;
    struct sync_state *st;        /* &local, or the shared slot's state */
    struct sync_state local;
    struct shared_named *slot;    /* a named object's shared slot */
    struct sync_object *next;
};

static struct sync_object *g_objects; /* this process's, under the wait lock */

static int32_t self_pid(void)
{
    return (int32_t)GetCurrentProcessId();
}

/* Under the wait lock: the slot's holders that died go; a slot no one
 * holds is free. */
static void slot_collect(struct shared_named *slot)
{
    bool held = false;
    for (int i = 0; i < SHARED_HOLDERS; i++) {
        if (slot->holders[i].handles &&
            !lv_process_alive(slot->holders[i].pid, slot->holders[i].start))
            slot->holders[i].handles = 0;
        held |= slot->holders[i].handles != 0;
    }
    if (!held)
        slot->type = 0;
}

static bool slot_hold(struct shared_named *slot, int delta)
{
    int32_t me = self_pid();
    int free_i = -1;
    for (int i = 0; i < SHARED_HOLDERS; i++) {
        if (slot->holders[i].handles && slot->holders[i].pid == me) {
            slot->holders[i].handles += delta;
            return true;
        }
        if (!slot->holders[i].handles && free_i < 0)
            free_i = i;
    }
    if (delta <= 0 || free_i < 0)
        return false;
    slot->holders[free_i].pid = me;
    slot->holders[free_i].start = lv_process_start_self();
    slot->holders[free_i].handles = delta;
    return true;
}

static void sync_destroy(struct object *obj)
{
    struct sync_object *s = (struct sync_object *)obj;
    wait_lock();
    for (struct sync_object **pp = &g_objects; *pp; pp = &(*pp)->next)
        if (*pp == s) {
            *pp = s->next;
            break;
        }
    if (s->slot) {
        slot_hold(s->slot, -1);
        slot_collect(s->slot);
    }
    wait_unlock();
    free(s);
}

static bool event_signaled(struct object *obj, DWORD tid)
{
    (void)tid;
    return ((struct sync_object *)obj)->st->u.event.set;
}

static bool event_acquire(struct object *obj, DWORD tid)
{
    (void)tid;
    struct sync_state *st = ((struct sync_object *)obj)->st;
    if (!st->u.event.manual)
        st->u.event.set = false;
    return false;
}

/* A mutex whose owning process died is abandoned, as Windows abandons the
 * mutexes of a process that ends. */
static bool mutex_signaled(struct object *obj, DWORD tid)
{
    struct sync_state *st = ((struct sync_object *)obj)->st;
    if (st->u.mutex.count && !lv_process_alive(st->u.mutex.owner_pid, st->u.mutex.owner_start)) {
        st->u.mutex.count = 0;
        st->u.mutex.abandoned = true;
    }
    return !st->u.mutex.count ||
           (st->u.mutex.owner_pid == self_pid() && st->u.mutex.owner_tid == tid);
}

static bool mutex_acquire(struct object *obj, DWORD tid)
{
    struct sync_state *st = ((struct sync_object *)obj)->st;
    bool abandoned = st->u.mutex.abandoned;
    st->u.mutex.abandoned = false;
    st->u.mutex.owner_pid = self_pid();
    st->u.mutex.owner_start = lv_process_start_self();
    st->u.mutex.owner_tid = tid;
    st->u.mutex.count++;
    return abandoned;
}

static bool sem_signaled(struct object *obj, DWORD tid)
{
    (void)tid;
    return ((struct sync_object *)obj)->st->u.sem.count > 0;
}

static bool sem_acquire(struct object *obj, DWORD tid)
{
    (void)tid;
    ((struct sync_object *)obj)->st->u.sem.count--;
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

/* Under the wait lock: the live slot of that name, or NULL. */
static struct shared_named *find_named(const WCHAR *name)
{
    struct shared_sync *sh = wait_shared();
    for (int i = 0; i < SHARED_NAMES; i++) {
        struct shared_named *slot = &sh->named[i];
        if (!slot->type || wstr_cmp(slot->name, name))
            continue;
        slot_collect(slot);
        if (slot->type)
            return slot;
    }
    return NULL;
}

static struct shared_named *new_slot(const WCHAR *name, enum object_type type)
{
    struct shared_sync *sh = wait_shared();
    for (int i = 0; i < SHARED_NAMES; i++) {
        struct shared_named *slot = &sh->named[i];
        if (slot->type)
            slot_collect(slot);
        if (slot->type)
            continue;
        memset(slot, 0, sizeof *slot);
        slot->type = (uint8_t)type;
        memcpy(slot->name, name, (wstr_len(name) + 1) * sizeof(WCHAR));
        return slot;
    }
    return NULL;
}

/* Under the wait lock: a local object for the state st (a slot's, when
 * slot is not NULL: the process holds one more handle to it). */
static struct sync_object *local_object(enum object_type type, struct shared_named *slot)
{
    struct sync_object *s = calloc(1, sizeof *s);
    object_init(&s->obj, type, sync_destroy);
    s->slot = slot;
    s->st = slot ? &slot->state : &s->local;
    s->next = g_objects;
    g_objects = s;
    return s;
}

static HANDLE insert(struct sync_object *s, bool inherit)
{
    HANDLE h = handle_table_insert(&s->obj, inherit);
    object_release(&s->obj);
    return h;
}

/* Creates (or, by name, opens) an object; init fills a new one's state. */
static HANDLE create_sync(enum object_type type, const WCHAR *name,
                          SECURITY_ATTRIBUTES *sa, void (*init)(struct sync_state *, const void *),
                          const void *arg)
{
    bool inherit = sa && sa->bInheritHandle;
    bool named = name && *name;
    if (named && wstr_len(name) >= SHARED_NAME_MAX) {
        SetLastError(ERROR_FILENAME_EXCED_RANGE);
        return NULL;
    }
    wait_lock();
    struct shared_named *slot = named ? find_named(name) : NULL;
    if (slot) {
        /* An existing object of the name is opened (ERROR_ALREADY_EXISTS),
         * or refused when it is of another type. */
        if (slot->type != type || !slot_hold(slot, 1)) {
            wait_unlock();
            SetLastError(ERROR_INVALID_HANDLE);
            return NULL;
        }
        struct sync_object *s = local_object(type, slot);
        wait_unlock();
        HANDLE h = insert(s, inherit);
        SetLastError(ERROR_ALREADY_EXISTS);
        return h;
    }
    if (named) {
        slot = new_slot(name, type);
        if (!slot || !slot_hold(slot, 1)) {
            wait_unlock();
            SetLastError(ERROR_NOT_ENOUGH_MEMORY);
            return NULL;
        }
    }
    struct sync_object *s = local_object(type, slot);
    init(s->st, arg);
    wait_unlock();
    HANDLE h = insert(s, inherit);
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
    struct shared_named *slot = find_named(name);
    if (!slot) {
        wait_unlock();
        SetLastError(ERROR_FILE_NOT_FOUND);
        return NULL;
    }
    if (slot->type != type || !slot_hold(slot, 1)) {
        wait_unlock();
        SetLastError(ERROR_INVALID_HANDLE);
        return NULL;
    }
    struct sync_object *s = local_object(type, slot);
    wait_unlock();
    return insert(s, inherit);
}

struct event_init {
    bool manual, set;
};

static void init_event(struct sync_state *st, const void *arg)
{
    const struct event_init *e = arg;
    st->u.event.manual = e->manual;
    st->u.event.set = e->set;
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
    s->st->u.event.set = arg != NULL;
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

static void init_mutex(struct sync_state *st, const void *arg)
{
    DWORD owner = *(const DWORD *)arg;
    st->u.mutex.owner_pid = owner ? self_pid() : 0;
    st->u.mutex.owner_start = owner ? lv_process_start_self() : 0;
    st->u.mutex.owner_tid = owner;
    st->u.mutex.count = owner ? 1 : 0;
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
    struct sync_state *st = s->st;
    if (!st->u.mutex.count || st->u.mutex.owner_pid != self_pid() ||
        st->u.mutex.owner_tid != tid) {
        SetLastError(ERROR_NOT_OWNER);
        return FALSE;
    }
    if (--st->u.mutex.count == 0)
        st->u.mutex.owner_pid = 0, st->u.mutex.owner_tid = 0;
    return TRUE;
}

BOOL WINAPI ReleaseMutex(HANDLE h)
{
    DWORD tid = GetCurrentThreadId();
    return with_object(h, OBJ_MUTEX, do_release_mutex, &tid);
}

/* A thread that ends holding mutexes abandons them: the next wait gets
 * WAIT_ABANDONED. Called by the exiting thread. */
/* Waiters are woken only when a mutex was abandoned: a wake-up for
 * nothing, at every thread's end, sent the thread's joiner back to sleep
 * after a fight for the wait lock. */
void sync_abandon_mutexes(DWORD tid)
{
    bool abandoned = false;
    wait_lock();
    for (struct sync_object *s = g_objects; s; s = s->next) {
        struct sync_state *st = s->st;
        if (s->obj.type == OBJ_MUTEX && st->u.mutex.count &&
            st->u.mutex.owner_pid == self_pid() && st->u.mutex.owner_tid == tid) {
            st->u.mutex.count = 0;
            st->u.mutex.owner_pid = 0;
            st->u.mutex.owner_tid = 0;
            st->u.mutex.abandoned = true;
            abandoned = true;
        }
    }
    if (abandoned)
        wait_state_changed();
    wait_unlock();
}

struct sem_init {
    LONG initial, max;
};

static void init_sem(struct sync_state *st, const void *arg)
{
    const struct sem_init *i = arg;
    st->u.sem.count = i->initial;
    st->u.sem.max = i->max;
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
    struct sync_state *st = s->st;
    if (r->count <= 0 || r->count > st->u.sem.max - st->u.sem.count) {
        SetLastError(ERROR_TOO_MANY_POSTS);
        return FALSE;
    }
    if (r->previous)
        *r->previous = st->u.sem.count;
    st->u.sem.count += r->count;
    return TRUE;
}

BOOL WINAPI ReleaseSemaphore(HANDLE h, LONG count, LONG *previous)
{
    struct sem_release r = { count, previous };
    return with_object(h, OBJ_SEMAPHORE, do_release_sem, &r);
}

HANDLE WINAPI OpenMutexA(DWORD access, BOOL inherit, const char *name)
{
    WCHAR *w = ansi_to_wstr(name);
    HANDLE h = OpenMutexW(access, inherit, w);
    free(w);
    return h;
}

HANDLE WINAPI OpenSemaphoreA(DWORD access, BOOL inherit, const char *name)
{
    WCHAR *w = ansi_to_wstr(name);
    HANDLE h = OpenSemaphoreW(access, inherit, w);
    free(w);
    return h;
}
