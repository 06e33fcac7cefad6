/* Child processes, shared by the files that start them and the files that
 * wait for them. */
#ifndef PROCESS_PRIVATE_H
#define PROCESS_PRIVATE_H

#include <stdbool.h>
#include <sys/types.h>
#include "lv/handle.h"
#include "lv/windef.h"

typedef struct {
    HANDLE hProcess;
    HANDLE hThread;
    DWORD dwProcessId;
    DWORD dwThreadId;
} PROCESS_INFORMATION;

/* A process object for child pid, reaped by a thread of its own; code_fd
 * is the read end of the pipe on which a child lvrun reports its full
 * 32-bit exit code (-1 for host programs), owned by the object unless
 * this fails (NULL). */
struct object *process_object_for_child(pid_t pid, int code_fd);
/* The host pid behind a process handle (the current process included),
 * or 0 with ERROR_INVALID_HANDLE. */
DWORD process_object_pid(HANDLE h);
BOOL process_object_terminate(HANDLE h, UINT code);
BOOL process_object_times(HANDLE h, FILETIME *creation, FILETIME *exit_time,
                          FILETIME *kernel, FILETIME *user);

#endif
