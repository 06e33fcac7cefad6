/* The one wait mechanism behind WaitForSingleObject and
 * WaitForMultipleObjects: every waitable object describes its signaled
 * state and what a successful wait takes from it; all state changes and
 * all checks happen under one lock, and a change wakes the waiters, who
 * look again. */
#ifndef LV_WAIT_H
#define LV_WAIT_H

#include <stdbool.h>
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

void wait_lock(void);
void wait_unlock(void);
/* After changing an object's state (lock held): wake the waiters. */
void wait_state_changed(void);

/* The ops of a waitable object type, registered once per type. */
void wait_register_type(enum object_type type, const struct wait_ops *ops);

DWORD wait_for_handles(DWORD count, const HANDLE *handles, bool wait_all, DWORD timeout_ms);

#endif
