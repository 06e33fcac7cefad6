/* A mutex whose owner thread ends without releasing it is abandoned: the
 * next wait gets WAIT_ABANDONED and the mutex with it, once; a waiter
 * already blocked when the owner ends is woken by it. */
#include <stdio.h>
#include <windows.h>

static HANDLE mutex, ready;

static DWORD WINAPI owner(void *arg)
{
    WaitForSingleObject(mutex, INFINITE);
    SetEvent(ready);
    Sleep((DWORD)(ULONG_PTR)arg);
    return 0; /* ends holding the mutex */
}

static const char *name(DWORD r)
{
    return r == WAIT_OBJECT_0 ? "WAIT_OBJECT_0" : r == WAIT_ABANDONED ? "WAIT_ABANDONED"
           : r == WAIT_TIMEOUT ? "WAIT_TIMEOUT" : "WAIT_FAILED";
}

int main(void)
{
    mutex = CreateMutexA(NULL, FALSE, NULL);
    ready = CreateEventA(NULL, FALSE, FALSE, NULL);

    /* A waiter blocked before the owner ends. */
    HANDLE t = CreateThread(NULL, 0, owner, (void *)100, 0, NULL);
    WaitForSingleObject(ready, INFINITE);
    printf("held by the other thread: %s\n", name(WaitForSingleObject(mutex, 0)));
    printf("waiting while its owner ends: %s\n", name(WaitForSingleObject(mutex, 5000)));
    printf("released by its new owner: %d\n", ReleaseMutex(mutex));
    printf("the next wait: %s\n", name(WaitForSingleObject(mutex, 0)));
    printf("released: %d\n", ReleaseMutex(mutex));
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);

    /* Nobody waiting when the owner ends. */
    t = CreateThread(NULL, 0, owner, (void *)0, 0, NULL);
    WaitForSingleObject(t, INFINITE);
    CloseHandle(t);
    printf("after its owner ended: %s\n", name(WaitForSingleObject(mutex, 0)));
    printf("released: %d\n", ReleaseMutex(mutex));
    printf("the next wait: %s\n", name(WaitForSingleObject(mutex, 0)));
    printf("released: %d\n", ReleaseMutex(mutex));
    printf("released again, not owned: %d\n", ReleaseMutex(mutex));
    return 0;
}
