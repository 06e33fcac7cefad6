/* Synchronization benchmarks, Windows side: an uncontended critical
 * section pair, SetEvent/WaitForSingleObject ping-pong between two
 * threads, thread create+join. Usage: sync_win MODE COUNT */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

static HANDLE ping, pong;
static long rounds;

static DWORD WINAPI ponger(void *arg)
{
    (void)arg;
    for (long i = 0; i < rounds; i++) {
        WaitForSingleObject(ping, INFINITE);
        SetEvent(pong);
    }
    return 0;
}

static DWORD WINAPI nothing(void *arg)
{
    return (DWORD)(ULONG_PTR)arg;
}

int main(int argc, char **argv)
{
    long n = argc > 2 ? atol(argv[2]) : 1000000;
    if (argc > 1 && !strcmp(argv[1], "cs")) {
        CRITICAL_SECTION cs;
        InitializeCriticalSection(&cs);
        for (long i = 0; i < n; i++) {
            EnterCriticalSection(&cs);
            LeaveCriticalSection(&cs);
        }
    } else if (argc > 1 && !strcmp(argv[1], "pingpong")) {
        ping = CreateEventA(NULL, FALSE, FALSE, NULL);
        pong = CreateEventA(NULL, FALSE, FALSE, NULL);
        rounds = n;
        HANDLE t = CreateThread(NULL, 0, ponger, NULL, 0, NULL);
        for (long i = 0; i < n; i++) {
            SetEvent(ping);
            WaitForSingleObject(pong, INFINITE);
        }
        WaitForSingleObject(t, INFINITE);
    } else if (argc > 1 && !strcmp(argv[1], "threads")) {
        for (long i = 0; i < n; i++) {
            HANDLE t = CreateThread(NULL, 0, nothing, (void *)(ULONG_PTR)i, 0, NULL);
            WaitForSingleObject(t, INFINITE);
            CloseHandle(t);
        }
    } else {
        fprintf(stderr, "usage: sync_win cs|pingpong|threads COUNT\n");
        return 2;
    }
    return 0;
}
