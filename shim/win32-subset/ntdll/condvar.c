/* Condition variables: the pointer-sized word's low 32 bits count wakes;
 * a sleeper notes the count before releasing its lock and sleeps while it
 * is unchanged, so no wake between the two is lost. */
#include <errno.h>
#include <stdatomic.h>
#include <stdbool.h>
#include "ntdll.spec.h"
#include "lv/futex.h"
#include "lv/winerror.h"

#define STATUS_TIMEOUT ((NTSTATUS)0x00000102)
#define CONDITION_VARIABLE_LOCKMODE_SHARED 1

static _Atomic uint32_t *seq(RTL_CONDITION_VARIABLE *cv)
{
    return (_Atomic uint32_t *)&cv->Ptr;
}

void WINAPI RtlInitializeConditionVariable(RTL_CONDITION_VARIABLE *cv)
{
    cv->Ptr = NULL;
}

void WINAPI RtlWakeConditionVariable(RTL_CONDITION_VARIABLE *cv)
{
    atomic_fetch_add(seq(cv), 1);
    futex_wake(seq(cv), 1);
}

void WINAPI RtlWakeAllConditionVariable(RTL_CONDITION_VARIABLE *cv)
{
    atomic_fetch_add(seq(cv), 1);
    futex_wake(seq(cv), 0x7fffffff);
}

/* Sleeps until a wake or the timeout (LARGE_INTEGER of 100 ns units,
 * negative relative, NULL forever: ntdll's convention). */
static NTSTATUS sleep_on(RTL_CONDITION_VARIABLE *cv, uint32_t noted, const LARGE_INTEGER *timeout)
{
    struct timespec ts, *tp = NULL;
    if (timeout) {
        int64_t t = timeout->QuadPart < 0 ? -timeout->QuadPart : 0;
        ts.tv_sec = t / 10000000;
        ts.tv_nsec = (t % 10000000) * 100;
        tp = &ts;
    }
    if (futex_wait(seq(cv), noted, tp) && errno == ETIMEDOUT)
        return STATUS_TIMEOUT;
    return 0;
}

NTSTATUS WINAPI RtlSleepConditionVariableCS(RTL_CONDITION_VARIABLE *cv,
                                            RTL_CRITICAL_SECTION *cs,
                                            const LARGE_INTEGER *timeout)
{
    uint32_t noted = atomic_load(seq(cv));
    /* A recursively held section is released whole and taken back whole. */
    LONG depth = cs->RecursionCount;
    cs->RecursionCount = 1;
    RtlLeaveCriticalSection(cs);
    NTSTATUS status = sleep_on(cv, noted, timeout);
    RtlEnterCriticalSection(cs);
    cs->RecursionCount = depth;
    return status;
}

NTSTATUS WINAPI RtlSleepConditionVariableSRW(RTL_CONDITION_VARIABLE *cv, RTL_SRWLOCK *lock,
                                             const LARGE_INTEGER *timeout, ULONG flags)
{
    uint32_t noted = atomic_load(seq(cv));
    bool shared = flags & CONDITION_VARIABLE_LOCKMODE_SHARED;
    if (shared)
        RtlReleaseSRWLockShared(lock);
    else
        RtlReleaseSRWLockExclusive(lock);
    NTSTATUS status = sleep_on(cv, noted, timeout);
    if (shared)
        RtlAcquireSRWLockShared(lock);
    else
        RtlAcquireSRWLockExclusive(lock);
    return status;
}
