/* Events, mutexes and semaphores through the wait functions: auto and
 * manual reset, timeouts, wait-any order, recursion, ownership errors,
 * abandoned mutexes, semaphore limits, named objects, bad handles. */
#include <windows.h>
#include "test.h"

static HANDLE mutex;

static DWORD WINAPI take_and_leave(void *arg)
{
    (void)arg;
    WaitForSingleObject(mutex, INFINITE);
    return 0; /* ends holding it */
}

static DWORD WINAPI try_release(void *arg)
{
    (void)arg;
    SetLastError(0xdeadbeef);
    BOOL r = ReleaseMutex(mutex);
    return r ? 0 : GetLastError();
}

int main(void)
{
    HANDLE ev, man, sem, h[3], t, named, opened;
    LONG prev = -1;
    DWORD code, w1, w2, w3;
    BOOL r;

    ev = CreateEventA(NULL, FALSE, TRUE, NULL);
    w1 = WaitForSingleObject(ev, 0);
    w2 = WaitForSingleObject(ev, 0);
    printf("auto event: %lu then %lu\n", w1, w2);
    man = CreateEventA(NULL, TRUE, TRUE, NULL);
    w1 = WaitForSingleObject(man, 0);
    w2 = WaitForSingleObject(man, 0);
    printf("manual event: %lu then %lu\n", w1, w2);
    ResetEvent(man);
    printf("after reset: %lu\n", WaitForSingleObject(man, 10));

    sem = CreateSemaphoreA(NULL, 2, 3, NULL);
    w1 = WaitForSingleObject(sem, 0);
    w2 = WaitForSingleObject(sem, 0);
    w3 = WaitForSingleObject(sem, 0);
    printf("semaphore: %lu %lu %lu\n", w1, w2, w3);
    r = ReleaseSemaphore(sem, 2, &prev);
    printf("release 2: %d prev %ld\n", r, prev);
    SetLastError(0xdeadbeef);
    r = ReleaseSemaphore(sem, 2, &prev);
    printf("release past max: %d error %lu\n", r, GetLastError());
    SetLastError(0xdeadbeef);
    t = CreateSemaphoreA(NULL, 4, 3, NULL);
    printf("bad semaphore: %p error %lu\n", t, GetLastError());

    SetEvent(ev);
    h[0] = man;  /* not set */
    h[1] = ev;   /* set */
    h[2] = sem;  /* count 2 */
    printf("wait any: %lu\n", WaitForMultipleObjects(3, h, FALSE, 0));
    printf("wait any again: %lu\n", WaitForMultipleObjects(3, h, FALSE, 0));
    printf("wait all (manual unset): %lu\n", WaitForMultipleObjects(3, h, TRUE, 0));
    SetEvent(man);
    SetEvent(ev);
    printf("wait all: %lu\n", WaitForMultipleObjects(3, h, TRUE, 0));
    printf("auto event consumed by wait all: %lu\n", WaitForSingleObject(ev, 0));

    mutex = CreateMutexA(NULL, TRUE, NULL);
    printf("recursive: %lu\n", WaitForSingleObject(mutex, 0));
    r = ReleaseMutex(mutex);
    printf("release: %d", r);
    r = ReleaseMutex(mutex);
    printf(" %d\n", r);
    SetLastError(0xdeadbeef);
    r = ReleaseMutex(mutex);
    printf("release unowned: %d error %lu\n", r, GetLastError());
    WaitForSingleObject(mutex, 0);
    t = CreateThread(NULL, 0, try_release, NULL, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    GetExitCodeThread(t, &code);
    printf("release from another thread: error %lu\n", code);
    CloseHandle(t);
    ReleaseMutex(mutex);

    t = CreateThread(NULL, 0, take_and_leave, NULL, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
    printf("abandoned: %#lx\n", WaitForSingleObject(mutex, 1000));
    printf("then owned normally: %lu\n", WaitForSingleObject(mutex, 0));
    ReleaseMutex(mutex);
    ReleaseMutex(mutex);

    named = CreateEventA(NULL, TRUE, FALSE, "lvrun-test-event");
    printf("named create error: %lu\n", GetLastError());
    opened = CreateEventA(NULL, TRUE, FALSE, "lvrun-test-event");
    printf("second create error: %lu (ERROR_ALREADY_EXISTS %d)\n", GetLastError(),
           GetLastError() == ERROR_ALREADY_EXISTS);
    SetEvent(opened);
    printf("set through the other handle: %lu\n", WaitForSingleObject(named, 0));
    CloseHandle(opened);
    opened = OpenEventA(EVENT_ALL_ACCESS, FALSE, "lvrun-test-event");
    printf("OpenEvent: %d\n", opened != NULL);
    SetLastError(0xdeadbeef);
    t = OpenEventA(EVENT_ALL_ACCESS, FALSE, "lvrun-none");
    printf("OpenEvent missing: %p error %lu\n", t, GetLastError());
    SetLastError(0xdeadbeef);
    t = CreateMutexA(NULL, FALSE, "lvrun-test-event");
    printf("mutex with the event's name: %p error %lu\n", t, GetLastError());

    SetLastError(0xdeadbeef);
    w1 = WaitForSingleObject((HANDLE)0x1230, 0);
    printf("wait on bad handle: %#lx error %lu\n", w1, GetLastError());
    r = CloseHandle(ev);
    printf("close twice: %d", r);
    SetLastError(0xdeadbeef);
    r = CloseHandle(ev);
    printf(" %d error %lu\n", r, GetLastError());
    return test_summary();
}
