/* 8 threads x 100,000 operations over critical sections, SRW locks, an
 * auto-reset event used as a lock, and a semaphore; the totals must be
 * exact and nothing may deadlock. */
#include <windows.h>
#include "test.h"

#define THREADS 8
#define OPS 100000

static CRITICAL_SECTION cs;
static SRWLOCK srw = SRWLOCK_INIT;
static HANDLE event_lock, sem;
static long long cs_total, srw_total, event_total, sem_total;

static DWORD WINAPI worker(void *arg)
{
    int id = (int)(ULONG_PTR)arg;
    for (int i = 0; i < OPS; i++) {
        switch (i % 4) {
        case 0:
            EnterCriticalSection(&cs);
            cs_total += id;
            LeaveCriticalSection(&cs);
            break;
        case 1:
            AcquireSRWLockExclusive(&srw);
            srw_total += id;
            ReleaseSRWLockExclusive(&srw);
            break;
        case 2:
            if (i % 40 == 2) {
                WaitForSingleObject(event_lock, INFINITE);
                event_total += id;
                SetEvent(event_lock);
            } else {
                AcquireSRWLockShared(&srw);
                ReleaseSRWLockShared(&srw);
            }
            break;
        case 3:
            if (i % 40 == 3) {
                WaitForSingleObject(sem, INFINITE);
                sem_total += id;
                ReleaseSemaphore(sem, 1, NULL);
            }
            break;
        }
    }
    return 0;
}

int main(void)
{
    HANDLE t[THREADS];
    long long per = 0;
    int i;

    InitializeCriticalSectionAndSpinCount(&cs, 4000);
    event_lock = CreateEventA(NULL, FALSE, TRUE, NULL);
    sem = CreateSemaphoreA(NULL, 1, 1, NULL);
    for (i = 0; i < THREADS; i++)
        t[i] = CreateThread(NULL, 0, worker, (void *)(ULONG_PTR)(i + 1), 0, NULL);
    printf("all done: %lu\n", WaitForMultipleObjects(THREADS, t, TRUE, 120000));
    for (i = 1; i <= THREADS; i++)
        per += i;
    printf("critical section %lld (expected %lld)\n", cs_total, per * (OPS / 4));
    printf("srw %lld (expected %lld)\n", srw_total, per * (OPS / 4));
    printf("event %lld (expected %lld)\n", event_total, per * (OPS / 40));
    printf("semaphore %lld (expected %lld)\n", sem_total, per * (OPS / 40));
    return test_summary();
}
