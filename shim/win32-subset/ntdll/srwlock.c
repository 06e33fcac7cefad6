/* Slim reader/writer locks: one pointer-sized word, zero when free. Its
 * low 32 bits are a futex word: the writer bit, the waiters bit and the
 * count of readers. Waiters are woken all at once and race again; a
 * waiting writer does not block new readers (Windows makes no fairness
 * promise either). */
#include <errno.h>
#include <stdatomic.h>
#include "ntdll.spec.h"
#include "lv/futex.h"

#define SRW_WRITER 0x80000000u
#define SRW_WAITERS 0x40000000u
#define SRW_READERS 0x3fffffffu

static _Atomic uint32_t *word(RTL_SRWLOCK *lock)
{
    return (_Atomic uint32_t *)&lock->Ptr;
}

void WINAPI RtlInitializeSRWLock(RTL_SRWLOCK *lock)
{
    lock->Ptr = NULL;
}

static void wait_changed(RTL_SRWLOCK *lock, uint32_t v)
{
    /* Announce the waiter, then sleep unless the word moved on. */
    if (!(v & SRW_WAITERS) &&
        !atomic_compare_exchange_strong(word(lock), &v, v | SRW_WAITERS))
        return;
    futex_wait(word(lock), v | SRW_WAITERS, NULL);
}

BOOLEAN WINAPI RtlTryAcquireSRWLockExclusive(RTL_SRWLOCK *lock)
{
    uint32_t v = 0;
    return atomic_compare_exchange_strong(word(lock), &v, SRW_WRITER);
}

void WINAPI RtlAcquireSRWLockExclusive(RTL_SRWLOCK *lock)
{
    for (;;) {
        uint32_t v = atomic_load(word(lock));
        if (!(v & (SRW_WRITER | SRW_READERS))) {
            if (atomic_compare_exchange_weak(word(lock), &v, (v & SRW_WAITERS) | SRW_WRITER))
                return;
            continue;
        }
        wait_changed(lock, v);
    }
}

BOOLEAN WINAPI RtlTryAcquireSRWLockShared(RTL_SRWLOCK *lock)
{
    uint32_t v = atomic_load(word(lock));
    while (!(v & SRW_WRITER))
        if (atomic_compare_exchange_weak(word(lock), &v, v + 1))
            return TRUE;
    return FALSE;
}

void WINAPI RtlAcquireSRWLockShared(RTL_SRWLOCK *lock)
{
    for (;;) {
        uint32_t v = atomic_load(word(lock));
        if (!(v & SRW_WRITER)) {
            if (atomic_compare_exchange_weak(word(lock), &v, v + 1))
                return;
            continue;
        }
        wait_changed(lock, v);
    }
}

static void wake_if_waiters(RTL_SRWLOCK *lock, uint32_t v)
{
    if ((v & SRW_WAITERS) &&
        atomic_compare_exchange_strong(word(lock), &(uint32_t){ SRW_WAITERS }, 0))
        futex_wake(word(lock), 0x7fffffff);
}

void WINAPI RtlReleaseSRWLockExclusive(RTL_SRWLOCK *lock)
{
    uint32_t v = atomic_fetch_and(word(lock), ~SRW_WRITER) & ~SRW_WRITER;
    wake_if_waiters(lock, v);
}

void WINAPI RtlReleaseSRWLockShared(RTL_SRWLOCK *lock)
{
    uint32_t v = atomic_fetch_sub(word(lock), 1) - 1;
    if (!(v & SRW_READERS))
        wake_if_waiters(lock, v);
}
