/* WaitOnAddress and WakeByAddress: waiters sleep on the futex of a bucket
 * chosen by the address, whose count a wake advances; they check the
 * watched value after noting the count, so no wake is lost. Wakes may be
 * spurious (another address in the bucket), as Windows allows. */
#include <errno.h>
#include <stdatomic.h>
#include <string.h>
#include "ntdll.spec.h"
#include "lv/futex.h"
#include "lv/winerror.h"

#define STATUS_TIMEOUT ((NTSTATUS)0x00000102)
#define BUCKETS 256

static _Atomic uint32_t g_buckets[BUCKETS];

static _Atomic uint32_t *bucket(const void *addr)
{
    uintptr_t a = (uintptr_t)addr;
    return &g_buckets[(a >> 3 ^ a >> 11) % BUCKETS];
}

NTSTATUS WINAPI RtlWaitOnAddress(const void *addr, const void *cmp, SIZE_T size,
                                 const LARGE_INTEGER *timeout)
{
    if (size != 1 && size != 2 && size != 4 && size != 8)
        return STATUS_INVALID_PARAMETER;
    _Atomic uint32_t *b = bucket(addr);
    uint32_t noted = atomic_load(b);
    if (memcmp((const void *)addr, cmp, size))
        return 0;
    struct timespec ts, *tp = NULL;
    if (timeout) {
        int64_t t = timeout->QuadPart < 0 ? -timeout->QuadPart : 0;
        ts.tv_sec = t / 10000000;
        ts.tv_nsec = (t % 10000000) * 100;
        tp = &ts;
    }
    if (futex_wait(b, noted, tp) && errno == ETIMEDOUT)
        return STATUS_TIMEOUT;
    return 0;
}

void WINAPI RtlWakeAddressAll(const void *addr)
{
    _Atomic uint32_t *b = bucket(addr);
    atomic_fetch_add(b, 1);
    futex_wake(b, 0x7fffffff);
}

/* Every waiter of the bucket wakes: with one counter per bucket a single
 * wake could reach a waiter of another address and be lost. */
void WINAPI RtlWakeAddressSingle(const void *addr)
{
    RtlWakeAddressAll(addr);
}
