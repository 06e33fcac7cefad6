/* SRW locks, condition variables (a bounded queue between threads), a
 * one-time initialization raced by several threads, WaitOnAddress and a
 * condition-variable timeout. */
#include <windows.h>
#include "test.h"

#define ITEMS 2000

static SRWLOCK lock = SRWLOCK_INIT;
static CONDITION_VARIABLE not_empty = CONDITION_VARIABLE_INIT, not_full = CONDITION_VARIABLE_INIT;
static int queue[8], head, count;
static long long consumed_sum;

static DWORD WINAPI producer(void *arg)
{
    (void)arg;
    for (int i = 1; i <= ITEMS; i++) {
        AcquireSRWLockExclusive(&lock);
        while (count == 8)
            SleepConditionVariableSRW(&not_full, &lock, INFINITE, 0);
        queue[(head + count++) % 8] = i;
        WakeConditionVariable(&not_empty);
        ReleaseSRWLockExclusive(&lock);
    }
    return 0;
}

static DWORD WINAPI consumer(void *arg)
{
    (void)arg;
    for (int i = 0; i < ITEMS; i++) {
        AcquireSRWLockExclusive(&lock);
        while (count == 0)
            SleepConditionVariableSRW(&not_empty, &lock, INFINITE, 0);
        consumed_sum += queue[head];
        head = (head + 1) % 8;
        count--;
        WakeConditionVariable(&not_full);
        ReleaseSRWLockExclusive(&lock);
    }
    return 0;
}

static INIT_ONCE once = INIT_ONCE_STATIC_INIT;
static volatile LONG init_calls;

static BOOL CALLBACK init_fn(INIT_ONCE *o, void *param, void **ctx)
{
    (void)o;
    InterlockedIncrement(&init_calls);
    Sleep(20);
    *ctx = param;
    return TRUE;
}

static DWORD WINAPI racer(void *arg)
{
    void *ctx = NULL;
    (void)arg;
    InitOnceExecuteOnce(&once, init_fn, (void *)0x1230, &ctx);
    return ctx == (void *)0x1230;
}

static volatile LONG flag;

static DWORD WINAPI setter(void *arg)
{
    (void)arg;
    Sleep(30);
    InterlockedExchange(&flag, 1);
    WakeByAddressAll((void *)&flag);
    return 0;
}

int main(void)
{
    HANDLE t[4];
    DWORD code;
    int i, good = 0;
    CRITICAL_SECTION cs;
    CONDITION_VARIABLE cv = CONDITION_VARIABLE_INIT;
    SRWLOCK shared = SRWLOCK_INIT;
    LONG zero = 0;
    BOOLEAN b1, b2, b3;
    BOOL r;

    t[0] = CreateThread(NULL, 0, producer, NULL, 0, NULL);
    t[1] = CreateThread(NULL, 0, consumer, NULL, 0, NULL);
    WaitForMultipleObjects(2, t, TRUE, INFINITE);
    printf("queue sum %lld (expected %d)\n", consumed_sum, ITEMS * (ITEMS + 1) / 2);

    for (i = 0; i < 4; i++)
        t[i] = CreateThread(NULL, 0, racer, NULL, 0, NULL);
    WaitForMultipleObjects(4, t, TRUE, INFINITE);
    for (i = 0; i < 4; i++) {
        GetExitCodeThread(t[i], &code);
        good += code;
        CloseHandle(t[i]);
    }
    printf("init once: %ld call(s), %d threads saw the context\n", init_calls, good);

    b1 = TryAcquireSRWLockShared(&shared);
    b2 = TryAcquireSRWLockShared(&shared);
    b3 = TryAcquireSRWLockExclusive(&shared);
    printf("shared twice: %d %d, exclusive while shared: %d\n", b1, b2, b3);
    ReleaseSRWLockShared(&shared);
    ReleaseSRWLockShared(&shared);
    b1 = TryAcquireSRWLockExclusive(&shared);
    b2 = TryAcquireSRWLockShared(&shared);
    printf("exclusive when free: %d, shared while exclusive: %d\n", b1, b2);
    ReleaseSRWLockExclusive(&shared);

    InitializeCriticalSection(&cs);
    EnterCriticalSection(&cs);
    SetLastError(0xdeadbeef);
    r = SleepConditionVariableCS(&cv, &cs, 30);
    printf("condition timeout: %d error %lu\n", r, GetLastError());
    printf("still own the section: %d\n", TryEnterCriticalSection(&cs));
    LeaveCriticalSection(&cs);
    LeaveCriticalSection(&cs);
    DeleteCriticalSection(&cs);

    t[0] = CreateThread(NULL, 0, setter, NULL, 0, NULL);
    while (flag == 0)
        WaitOnAddress(&flag, &zero, sizeof zero, INFINITE);
    printf("WaitOnAddress saw %ld\n", flag);
    WaitForSingleObject(t[0], INFINITE);
    CloseHandle(t[0]);
    SetLastError(0xdeadbeef);
    r = WaitOnAddress(&flag, (void *)&flag, 4, 20);
    printf("WaitOnAddress timeout: %d error %lu\n", r, GetLastError());
    return test_summary();
}
