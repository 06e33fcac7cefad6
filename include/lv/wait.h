/* The one wait mechanism behind WaitForSingleObject and
 * WaitForMultipleObjects: every waitable object describes its signaled
 * state and what a successful wait takes from it; all state changes and
 * all checks happen under one lock, and a change wakes the waiters, who
 * look again. */
#ifndef LV_WAIT_H
#define LV_WAIT_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include "lv/handle.h"

struct wait_ops {
    /* With the wait lock held: can tid's wait be satisfied now? */
    bool (*signaled)(struct object *obj, DWORD tid);
    /* With the wait lock held, after the wait is satisfied: take what the
     * wait takes (reset an auto event, own a mutex...). Returns true when
     * the object was abandoned (a mutex whose owner died). */
    bool (*acquire)(struct object *obj, DWORD tid);
};

#define WAIT_OBJECT_0 0u
#define WAIT_ABANDONED_0 0x80u
#define WAIT_IO_COMPLETION 0xc0u
#define WAIT_TIMEOUT 258u
#define WAIT_FAILED 0xffffffffu
#define INFINITE 0xffffffffu
#define MAXIMUM_WAIT_OBJECTS 64

/* The state of events, mutexes and semaphores; a named object's lives in
 * the shared segment so that every lvrun process of the user sees it. */
struct sync_state {
    union {
        struct {
            bool manual, set;
        } event;
        struct {
            int32_t owner_pid;  /* with owner_tid: thread ids are per process */
            DWORD owner_tid;
            uint64_t owner_start; /* the owner process's start (lv_process_start) */
            unsigned count;
            bool abandoned;
        } mutex;
        struct {
            LONG count, max;
        } sem;
    } u;
};

#define SHARED_NAMES 512
#define SHARED_HOLDERS 16
#define SHARED_NAME_MAX 128

/* A named object: its type (0 when the slot is free), its name, the
 * processes holding handles to it (an object whose holders have all gone,
 * dead ones included, is freed), its state. */
struct shared_named {
    uint8_t type;
    WCHAR name[SHARED_NAME_MAX];
    struct {
        int32_t pid;
        uint32_t handles;
        uint64_t start;  /* with pid, the process (ids are reused) */
    } holders[SHARED_HOLDERS];
    struct sync_state state;
};

struct shared_sync {
    uint32_t magic;
    uint32_t generation; /* bumped at every change; a shared futex */
    uint32_t sleepers;   /* threads asleep on it: wakes cost nothing without */
    pthread_mutex_t lock;
    struct shared_named named[SHARED_NAMES];
};

/* The user's shared segment (mapped on first use). */
struct shared_sync *wait_shared(void);

void wait_lock(void);
void wait_unlock(void);
/* After changing an object's state (lock held): wake the waiters. */
void wait_state_changed(void);

/* The ops of a waitable object type, registered once per type. */
void wait_register_type(enum object_type type, const struct wait_ops *ops);

DWORD wait_for_handles(DWORD count, const HANDLE *handles, bool wait_all, DWORD timeout_ms);

#endif
