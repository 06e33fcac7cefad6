/* Threads: parameters and exit codes, wait-all on thread handles,
 * STILL_ACTIVE, ExitThread from a nested call, CREATE_SUSPENDED, thread
 * ids, the pseudo-handle of the current thread. */
#include <windows.h>
#include "test.h"

static HANDLE go;

static DWORD WINAPI square(void *arg)
{
    DWORD v = (DWORD)(ULONG_PTR)arg;
    return v * v;
}

static DWORD WINAPI waiter(void *arg)
{
    (void)arg;
    WaitForSingleObject(go, INFINITE);
    return 77;
}

static void leave_early(void)
{
    ExitThread(12);
}

static DWORD WINAPI nested_exit(void *arg)
{
    (void)arg;
    leave_early();
    return 99; /* not reached */
}

static volatile LONG ran;

static DWORD WINAPI mark(void *arg)
{
    *(DWORD *)arg = GetCurrentThreadId();
    InterlockedIncrement(&ran);
    return 0;
}

int main(void)
{
    HANDLE h[4];
    DWORD code, tid, seen = 0;
    BOOL r;
    int i;

    for (i = 0; i < 4; i++) {
        h[i] = CreateThread(NULL, 0, square, (void *)(ULONG_PTR)(i + 2), 0, NULL);
        ok(h[i] != NULL, "CreateThread %d", i);
    }
    printf("wait all: %lu\n", WaitForMultipleObjects(4, h, TRUE, 10000));
    for (i = 0; i < 4; i++) {
        GetExitCodeThread(h[i], &code);
        printf("thread %d exit code %lu\n", i, code);
        CloseHandle(h[i]);
    }

    go = CreateEventA(NULL, TRUE, FALSE, NULL);
    h[0] = CreateThread(NULL, 0, waiter, NULL, 0, NULL);
    GetExitCodeThread(h[0], &code);
    printf("running thread: %lu (STILL_ACTIVE %d)\n", code, code == STILL_ACTIVE);
    printf("wait with timeout: %lu\n", WaitForSingleObject(h[0], 50));
    SetEvent(go);
    printf("wait after event: %lu\n", WaitForSingleObject(h[0], 10000));
    GetExitCodeThread(h[0], &code);
    printf("exit code %lu\n", code);
    CloseHandle(h[0]);

    h[0] = CreateThread(NULL, 0, nested_exit, NULL, 0, NULL);
    WaitForSingleObject(h[0], INFINITE);
    GetExitCodeThread(h[0], &code);
    printf("ExitThread code %lu\n", code);
    CloseHandle(h[0]);

    h[0] = CreateThread(NULL, 0, mark, &seen, CREATE_SUSPENDED, &tid);
    Sleep(50);
    printf("suspended thread ran: %ld\n", ran);
    printf("ResumeThread: %lu\n", ResumeThread(h[0]));
    WaitForSingleObject(h[0], INFINITE);
    printf("resumed thread ran: %ld, id matches: %d, ", ran, seen == tid);
    printf("GetThreadId matches: %d\n", GetThreadId(h[0]) == tid);
    ok(tid != GetCurrentThreadId(), "a new thread id");
    CloseHandle(h[0]);

    printf("current thread pseudo-handle: %p\n", GetCurrentThread());
    SetLastError(0xdeadbeef);
    r = GetExitCodeThread((HANDLE)0x1234, &code);
    printf("GetExitCodeThread(bad) = %d, error %lu\n", r, GetLastError());
    return test_summary();
}
