/* Named events, semaphores and mutexes are shared between processes: a
 * child (this program started again with "child") opens them by name,
 * signals, finds the parent's mutex owned, and ends holding another one,
 * which the parent then finds abandoned. */
#include <stdio.h>
#include <string.h>
#include <windows.h>
#include "test.h"

static int child(void)
{
    HANDLE ev = OpenEventA(EVENT_ALL_ACCESS, FALSE, "lvrun-shared-event");
    HANDLE sem = OpenSemaphoreA(SEMAPHORE_ALL_ACCESS, FALSE, "lvrun-shared-sem");
    HANDLE mtx = OpenMutexA(SYNCHRONIZE | MUTEX_MODIFY_STATE, FALSE, "lvrun-shared-mutex");
    HANDLE own;
    int code = 0;

    if (!ev || !sem || !mtx)
        return 100;
    if (WaitForSingleObject(mtx, 0) == WAIT_TIMEOUT)
        code |= 1; /* the parent owns it */
    ReleaseSemaphore(sem, 2, NULL);
    own = OpenMutexA(SYNCHRONIZE, FALSE, "lvrun-shared-abandon");
    if (own && WaitForSingleObject(own, 0) == WAIT_OBJECT_0)
        code |= 2;
    SetEvent(ev);
    return code; /* ends holding "lvrun-shared-abandon" */
}

int main(int argc, char **argv)
{
    STARTUPINFOA si = { sizeof si };
    PROCESS_INFORMATION pi;
    char cmd[MAX_PATH + 16];
    HANDLE ev, sem, mtx, ab;
    DWORD code = 0, w;
    LONG prev = -1;

    if (argc > 1 && !strcmp(argv[1], "child"))
        return child();
    ev = CreateEventA(NULL, FALSE, FALSE, "lvrun-shared-event");
    sem = CreateSemaphoreA(NULL, 0, 10, "lvrun-shared-sem");
    mtx = CreateMutexA(NULL, TRUE, "lvrun-shared-mutex");
    ab = CreateMutexA(NULL, FALSE, "lvrun-shared-abandon");
    ok(ev && sem && mtx && ab, "create named objects");
    GetModuleFileNameA(NULL, cmd, MAX_PATH);
    strcat(cmd, " child");
    ok(CreateProcessA(NULL, cmd, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi), "CreateProcess");
    w = WaitForSingleObject(ev, 10000);
    printf("event set by the child: %lu\n", w);
    WaitForSingleObject(pi.hProcess, 10000);
    GetExitCodeProcess(pi.hProcess, &code);
    printf("child saw the mutex owned: %lu, took the other: %lu\n", code & 1, (code >> 1) & 1);
    w = WaitForSingleObject(sem, 0);
    ReleaseSemaphore(sem, 1, &prev);
    printf("semaphore after the child's release: wait %lu, count before my release %ld\n", w, prev);
    printf("abandoned by the ended child: %#lx\n", WaitForSingleObject(ab, 1000));
    ReleaseMutex(ab);
    ReleaseMutex(mtx);
    CloseHandle(pi.hProcess);
    CloseHandle(pi.hThread);
    return test_summary();
}
