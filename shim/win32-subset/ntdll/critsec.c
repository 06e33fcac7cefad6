/* Critical sections. The layout is Windows' (programs embed them in their
 * own structures and some zero-fill instead of initializing); the lock
 * word is a futex kept in LockSemaphore: 0 free, 1 held, 2 held with
 * waiters. Recursion is tracked in OwningThread/RecursionCount.
 *
 * The uncontended paths call no host (System V) function: an ms_abi
 * function that does must save xmm6-15 in its prologue, which would double
 * the cost of an Enter/Leave pair. The contended paths live in functions
 * of their own, also ms_abi, that pay it only when they run.
 *
 * While the process has one thread, nothing can take a lock between a
 * load and a store, so the lock word is read and written without atomic
 * read-modify-write instructions (a locked cmpxchg costs as much as the
 * rest of the pair), as glibc's own locks do. __libc_single_threaded turns
 * false when the first thread is created and never back; that creation
 * orders the plain stores before anything the new thread does. */
#include <linux/futex.h>
#include <stdatomic.h>
#include <sys/single_threaded.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "ntdll.spec.h"
#include "lv/teb.h"

static _Atomic int *lock_word(RTL_CRITICAL_SECTION *cs)
{
    return (_Atomic int *)&cs->LockSemaphore;
}

static HANDLE current_tid(void)
{
    return lv_teb()->UniqueThread;
}

NTSTATUS WINAPI RtlInitializeCriticalSectionEx(RTL_CRITICAL_SECTION *cs, ULONG spin,
                                               ULONG flags)
{
    (void)flags;
    cs->DebugInfo = NULL;
    cs->LockCount = -1;
    cs->RecursionCount = 0;
    cs->OwningThread = NULL;
    cs->LockSemaphore = NULL;
    cs->SpinCount = spin & 0xffffff;
    return 0;
}

NTSTATUS WINAPI RtlInitializeCriticalSectionAndSpinCount(RTL_CRITICAL_SECTION *cs,
                                                         ULONG spin)
{
    return RtlInitializeCriticalSectionEx(cs, spin, 0);
}

NTSTATUS WINAPI RtlInitializeCriticalSection(RTL_CRITICAL_SECTION *cs)
{
    return RtlInitializeCriticalSectionEx(cs, 0, 0);
}

NTSTATUS WINAPI RtlDeleteCriticalSection(RTL_CRITICAL_SECTION *cs)
{
    cs->LockSemaphore = NULL;
    cs->OwningThread = NULL;
    cs->RecursionCount = 0;
    return 0;
}

ULONG WINAPI RtlSetCriticalSectionSpinCount(RTL_CRITICAL_SECTION *cs, ULONG spin)
{
    ULONG old = (ULONG)cs->SpinCount;
    cs->SpinCount = spin;
    return old;
}

static int try_lock(RTL_CRITICAL_SECTION *cs)
{
    if (__libc_single_threaded) {
        if (atomic_load_explicit(lock_word(cs), memory_order_relaxed))
            return 0;
        atomic_store_explicit(lock_word(cs), 1, memory_order_relaxed);
        return 1;
    }
    int expected = 0;
    return atomic_compare_exchange_strong(lock_word(cs), &expected, 1);
}

static void take_ownership(RTL_CRITICAL_SECTION *cs, HANDLE tid)
{
    cs->OwningThread = tid;
    cs->RecursionCount = 1;
    cs->LockCount = 0;
}

static __attribute__((ms_abi, noinline)) void enter_contended(RTL_CRITICAL_SECTION *cs,
                                                              HANDLE tid)
{
    for (ULONG_PTR i = 0; i < (cs->SpinCount & 0xffffff); i++) {
        if (atomic_load_explicit(lock_word(cs), memory_order_relaxed) == 0 && try_lock(cs)) {
            take_ownership(cs, tid);
            return;
        }
        __builtin_ia32_pause();
    }
    while (atomic_exchange(lock_word(cs), 2) != 0)
        syscall(SYS_futex, lock_word(cs), FUTEX_WAIT_PRIVATE, 2, NULL, NULL, 0);
    take_ownership(cs, tid);
}

NTSTATUS WINAPI RtlEnterCriticalSection(RTL_CRITICAL_SECTION *cs)
{
    HANDLE tid = current_tid();
    if (cs->OwningThread == tid) {
        cs->RecursionCount++;
        return 0;
    }
    if (try_lock(cs))
        take_ownership(cs, tid);
    else
        enter_contended(cs, tid);
    return 0;
}

BOOL WINAPI RtlTryEnterCriticalSection(RTL_CRITICAL_SECTION *cs)
{
    HANDLE tid = current_tid();
    if (cs->OwningThread == tid) {
        cs->RecursionCount++;
        return TRUE;
    }
    if (!try_lock(cs))
        return FALSE;
    take_ownership(cs, tid);
    return TRUE;
}

static __attribute__((ms_abi, noinline)) void wake_one(RTL_CRITICAL_SECTION *cs)
{
    syscall(SYS_futex, lock_word(cs), FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
}

NTSTATUS WINAPI RtlLeaveCriticalSection(RTL_CRITICAL_SECTION *cs)
{
    if (--cs->RecursionCount > 0)
        return 0;
    cs->RecursionCount = 0;
    cs->OwningThread = NULL;
    cs->LockCount = -1;
    if (__libc_single_threaded)
        atomic_store_explicit(lock_word(cs), 0, memory_order_relaxed);
    else if (atomic_exchange(lock_word(cs), 0) == 2)
        wake_one(cs);
    return 0;
}
