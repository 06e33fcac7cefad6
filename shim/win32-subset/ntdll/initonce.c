/* One-time initialization. The pointer-sized word holds the state in its
 * low two bits (0 new, 1 running, 2 done) and the context above them, as
 * Windows keeps it (contexts are aligned to 4). */
#include <stdatomic.h>
#include "ntdll.spec.h"
#include "lv/futex.h"
#include "lv/winerror.h"

#define ONCE_NEW 0
#define ONCE_RUNNING 1
#define ONCE_DONE 2
#define INIT_ONCE_CHECK_ONLY 1
#define INIT_ONCE_ASYNC 2
#define INIT_ONCE_INIT_FAILED 4
#define STATUS_PENDING ((NTSTATUS)0x00000103)

typedef BOOL (CALLBACK *once_fn)(RTL_RUN_ONCE *, void *, void **);

static _Atomic uintptr_t *state(RTL_RUN_ONCE *once)
{
    return (_Atomic uintptr_t *)&once->Ptr;
}

NTSTATUS WINAPI RtlRunOnceBeginInitialize(RTL_RUN_ONCE *once, ULONG flags, void **context)
{
    for (;;) {
        uintptr_t v = atomic_load(state(once));
        if ((v & 3) == ONCE_DONE) {
            if (context)
                *context = (void *)(v & ~(uintptr_t)3);
            return 0;
        }
        if (flags & INIT_ONCE_CHECK_ONLY)
            return STATUS_UNSUCCESSFUL;
        if ((v & 3) == ONCE_NEW) {
            if (atomic_compare_exchange_strong(state(once), &v, ONCE_RUNNING))
                return STATUS_PENDING;
            continue;
        }
        /* Another thread runs it: sleep on the low half of the word. */
        futex_wait(state(once), (uint32_t)v, NULL);
    }
}

NTSTATUS WINAPI RtlRunOnceComplete(RTL_RUN_ONCE *once, ULONG flags, void *context)
{
    uintptr_t v = (flags & INIT_ONCE_INIT_FAILED) ? ONCE_NEW
                                                  : ((uintptr_t)context & ~(uintptr_t)3) | ONCE_DONE;
    atomic_store(state(once), v);
    futex_wake(state(once), 0x7fffffff);
    return 0;
}

NTSTATUS WINAPI RtlRunOnceExecuteOnce(RTL_RUN_ONCE *once, void *fn, void *param, void **context)
{
    NTSTATUS status = RtlRunOnceBeginInitialize(once, 0, context);
    if (status != STATUS_PENDING)
        return status;
    void *ctx = NULL;
    if (!((once_fn)fn)(once, param, &ctx)) {
        RtlRunOnceComplete(once, INIT_ONCE_INIT_FAILED, NULL);
        return STATUS_UNSUCCESSFUL;
    }
    RtlRunOnceComplete(once, 0, ctx);
    if (context)
        *context = ctx;
    return 0;
}
