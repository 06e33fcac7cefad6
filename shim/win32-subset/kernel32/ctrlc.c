/* Console control handlers. Ctrl-C on the host (SIGINT) becomes
 * CTRL_C_EVENT: as on Windows, the handlers run on a thread of their own,
 * the last registered first, until one returns TRUE; when none does, the
 * process ends with STATUS_CONTROL_C_EXIT. The signal handler only writes
 * a byte to a pipe (async-signal-safe); the dispatcher thread does the
 * rest. Without registered handlers the host's default applies. */
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include "kernel32.spec.h"
#include "kernel32_private.h"
#include "lv/process.h"
#include "lv/w32error.h"

#define CTRL_C_EVENT 0
#define CTRL_BREAK_EVENT 1
#define STATUS_CONTROL_C_EXIT 0xC000013Au
#define MAX_HANDLERS 64

typedef BOOL (WINAPI *ctrl_handler_fn)(DWORD);

static ctrl_handler_fn g_handlers[MAX_HANDLERS];
static int g_count;
static bool g_ignore_ctrl_c; /* SetConsoleCtrlHandler(NULL, TRUE) */
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static int g_pipe[2] = { -1, -1 };

static void on_sigint(int sig)
{
    (void)sig;
    int saved = errno;
    char event = CTRL_C_EVENT;
    if (write(g_pipe[1], &event, 1) < 0) {
        /* The pipe is full: events are already pending. */
    }
    errno = saved;
}

static void dispatch(DWORD event)
{
    pthread_mutex_lock(&g_lock);
    int n = g_count;
    ctrl_handler_fn handlers[MAX_HANDLERS];
    for (int i = 0; i < n; i++)
        handlers[i] = g_handlers[i];
    bool ignore = g_ignore_ctrl_c && event == CTRL_C_EVENT;
    pthread_mutex_unlock(&g_lock);
    if (ignore)
        return;
    for (int i = n - 1; i >= 0; i--)
        if (handlers[i](event))
            return;
    process_exit(STATUS_CONTROL_C_EXIT);
}

static DWORD WINAPI dispatcher(void *arg)
{
    (void)arg;
    for (;;) {
        char event;
        ssize_t r = read(g_pipe[0], &event, 1);
        if (r == 1)
            dispatch((DWORD)event);
        else if (r < 0 && errno != EINTR)
            return 0;
    }
}

/* The pipe, the dispatcher and the SIGINT handler, on first use. */
static bool start(void)
{
    if (g_pipe[0] >= 0)
        return true;
    if (pipe2(g_pipe, O_CLOEXEC))
        return false;
    fcntl(g_pipe[1], F_SETFL, O_NONBLOCK);
    HANDLE t = CreateThread(NULL, 0x40000, (void *)dispatcher, NULL, 0, NULL);
    if (!t)
        return false;
    CloseHandle(t);
    struct sigaction sa = { .sa_handler = on_sigint, .sa_flags = SA_RESTART };
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    return true;
}

BOOL WINAPI SetConsoleCtrlHandler(void *handler, BOOL add)
{
    pthread_mutex_lock(&g_lock);
    BOOL ok = TRUE;
    if (!handler) {
        g_ignore_ctrl_c = add;
    } else if (add) {
        if (g_count == MAX_HANDLERS) {
            SetLastError(ERROR_NOT_ENOUGH_MEMORY);
            ok = FALSE;
        } else {
            g_handlers[g_count++] = (ctrl_handler_fn)handler;
        }
    } else {
        int i = g_count - 1;
        while (i >= 0 && g_handlers[i] != (ctrl_handler_fn)handler)
            i--;
        if (i < 0) {
            SetLastError(ERROR_INVALID_PARAMETER);
            ok = FALSE;
        } else {
            for (; i < g_count - 1; i++)
                g_handlers[i] = g_handlers[i + 1];
            g_count--;
        }
    }
    if (ok && !start()) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        ok = FALSE;
    }
    pthread_mutex_unlock(&g_lock);
    return ok;
}

BOOL WINAPI GenerateConsoleCtrlEvent(DWORD event, DWORD group)
{
    (void)group;
    if (event != CTRL_C_EVENT && event != CTRL_BREAK_EVENT) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    pthread_mutex_lock(&g_lock);
    bool started = start();
    pthread_mutex_unlock(&g_lock);
    char e = (char)event;
    return started && write(g_pipe[1], &e, 1) == 1;
}
