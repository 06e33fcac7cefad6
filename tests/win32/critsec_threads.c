/* A critical section taken while the process has one thread, then wanted
 * by a second thread created while it is held: the second waits until the
 * first leaves, and sees what was written under the lock. Then both
 * threads count to 200,000 under it together: nothing is lost. */
#include <windows.h>
#include <stdio.h>

static CRITICAL_SECTION cs;
static volatile LONG written, seen, counter;

static DWORD WINAPI waiter(void *arg)
{
    (void)arg;
    EnterCriticalSection(&cs);
    seen = written;
    LeaveCriticalSection(&cs);
    return 0;
}

static DWORD WINAPI counting(void *arg)
{
    (void)arg;
    for (int i = 0; i < 100000; i++) {
        EnterCriticalSection(&cs);
        counter++;
        LeaveCriticalSection(&cs);
    }
    return 0;
}

int main(void)
{
    InitializeCriticalSection(&cs);
    EnterCriticalSection(&cs);
    EnterCriticalSection(&cs);
    HANDLE t = CreateThread(NULL, 0, waiter, NULL, 0, NULL);
    Sleep(100);
    written = 42;
    LeaveCriticalSection(&cs);
    printf("still held after one leave: %d\n", WaitForSingleObject(t, 100) == WAIT_TIMEOUT);
    LeaveCriticalSection(&cs);
    WaitForSingleObject(t, INFINITE);
    printf("the waiter saw %ld\n", seen);
    HANDLE a = CreateThread(NULL, 0, counting, NULL, 0, NULL);
    HANDLE b = CreateThread(NULL, 0, counting, NULL, 0, NULL);
    WaitForSingleObject(a, INFINITE);
    WaitForSingleObject(b, INFINITE);
    printf("counted %ld\n", counter);
    printf("free again: %d\n", TryEnterCriticalSection(&cs));
    LeaveCriticalSection(&cs);
    DeleteCriticalSection(&cs);
    return 0;
}
