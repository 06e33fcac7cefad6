/* The Win32 faces of ntdll's light primitives where the signature differs
 * (milliseconds and BOOL instead of NT timeouts and NTSTATUS). */
#include "kernel32.spec.h"
#include "ntdll.spec.h"
#include "lv/w32error.h"

#define STATUS_TIMEOUT ((NTSTATUS)0x00000102)
#define STATUS_PENDING ((NTSTATUS)0x00000103)

static const LARGE_INTEGER *nt_timeout(DWORD ms, LARGE_INTEGER *li)
{
    if (ms == 0xffffffffu)
        return NULL;
    li->QuadPart = -(LONGLONG)ms * 10000;
    return li;
}

static BOOL timed_result(NTSTATUS status)
{
    if (status == STATUS_TIMEOUT) {
        SetLastError(ERROR_TIMEOUT);
        return FALSE;
    }
    return TRUE;
}

BOOL WINAPI SleepConditionVariableCS(RTL_CONDITION_VARIABLE *cv, RTL_CRITICAL_SECTION *cs,
                                     DWORD ms)
{
    LARGE_INTEGER li;
    return timed_result(RtlSleepConditionVariableCS(cv, cs, nt_timeout(ms, &li)));
}

BOOL WINAPI SleepConditionVariableSRW(RTL_CONDITION_VARIABLE *cv, RTL_SRWLOCK *lock,
                                      DWORD ms, ULONG flags)
{
    LARGE_INTEGER li;
    return timed_result(RtlSleepConditionVariableSRW(cv, lock, nt_timeout(ms, &li), flags));
}

BOOL WINAPI WaitOnAddress(volatile void *addr, void *cmp, SIZE_T size, DWORD ms)
{
    LARGE_INTEGER li;
    return timed_result(RtlWaitOnAddress((const void *)addr, cmp, size, nt_timeout(ms, &li)));
}

void WINAPI InitOnceInitialize(RTL_RUN_ONCE *once)
{
    once->Ptr = NULL;
}

BOOL WINAPI InitOnceExecuteOnce(RTL_RUN_ONCE *once, void *fn, void *param, void **context)
{
    return RtlRunOnceExecuteOnce(once, fn, param, context) == 0;
}

BOOL WINAPI InitOnceBeginInitialize(RTL_RUN_ONCE *once, DWORD flags, BOOL *pending,
                                    void **context)
{
    NTSTATUS status = RtlRunOnceBeginInitialize(once, flags, context);
    if (status != 0 && status != STATUS_PENDING) {
        SetLastError(ERROR_GEN_FAILURE);
        return FALSE;
    }
    if (pending)
        *pending = status == STATUS_PENDING;
    return TRUE;
}

BOOL WINAPI InitOnceComplete(RTL_RUN_ONCE *once, DWORD flags, void *context)
{
    return RtlRunOnceComplete(once, flags, context) == 0;
}
