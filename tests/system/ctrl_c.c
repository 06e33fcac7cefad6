/* Ctrl-C as a console program meets it, driven by test_system.py, which
 * sends SIGINT once the program prints "ready".
 *   ctrl_c handled    a handler that returns TRUE: the program goes on
 *   ctrl_c unhandled  a handler that returns FALSE: the process ends with
 *                     STATUS_CONTROL_C_EXIT (0xC000013A)
 *   ctrl_c ignored    SetConsoleCtrlHandler(NULL, TRUE): nothing happens
 * Windows runs handlers on a new thread, the last one added first. */
#include <windows.h>
#include <stdio.h>
#include <string.h>

static HANDLE g_done;
static DWORD g_main_thread;

static BOOL WINAPI first_handler(DWORD event)
{
    printf("first handler: event %lu\n", event);
    fflush(stdout);
    SetEvent(g_done);
    return TRUE;
}

static BOOL WINAPI declining_handler(DWORD event)
{
    printf("declining handler: event %lu, own thread %d\n", event,
           GetCurrentThreadId() != g_main_thread);
    fflush(stdout);
    return FALSE;
}

int main(int argc, char **argv)
{
    DWORD r;

    if (argc != 2)
        return 2;
    g_main_thread = GetCurrentThreadId();
    g_done = CreateEventA(NULL, TRUE, FALSE, NULL);
    if (!strcmp(argv[1], "handled")) {
        SetConsoleCtrlHandler(first_handler, TRUE);
        SetConsoleCtrlHandler(declining_handler, TRUE);
    } else if (!strcmp(argv[1], "unhandled")) {
        SetConsoleCtrlHandler(declining_handler, TRUE);
    } else if (!strcmp(argv[1], "ignored")) {
        SetConsoleCtrlHandler(NULL, TRUE);
    }
    printf("ready\n");
    fflush(stdout);
    r = WaitForSingleObject(g_done, 3000);
    printf("after wait: %s\n", r == WAIT_OBJECT_0 ? "handled" : "timed out");
    return 0;
}
