/* Process objects: a child's handle waits, reports the exit code and can
 * be terminated. Each child has a reaper thread that waits for it on the
 * host and signals the object through the one wait mechanism. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "kernel32.spec.h"
#include "kernel32_private.h"
#include "process_private.h"
#include "user32.spec.h"
#include "lv/w32error.h"
#include "lv/w32file.h"
#include "lv/wait.h"

struct process_object {
    struct object obj;
    pid_t pid;
    bool child;         /* ours: waitpid gives its status */
    int code_fd;        /* a child lvrun's full exit code arrives here */
    int pidfd;          /* another process, watched with poll */
    bool exited;        /* under the wait lock, as the fields below */
    bool terminating;
    DWORD exit_code;
    FILETIME creation, exit_time, kernel, user;
    struct process_object *next; /* the list of children, for OpenProcess */
};

static pthread_mutex_t g_children_lock = PTHREAD_MUTEX_INITIALIZER;
static struct process_object *g_children;

static FILETIME now_filetime(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return filetime_from_timespec(ts);
}

static FILETIME duration(struct timeval tv)
{
    return filetime_from_u64((uint64_t)tv.tv_sec * 10000000u + (uint64_t)tv.tv_usec * 10u);
}

static void process_destroy(struct object *obj)
{
    struct process_object *p = (struct process_object *)obj;
    if (p->code_fd >= 0)
        close(p->code_fd);
    if (p->pidfd >= 0)
        close(p->pidfd);
    free(p);
}

static bool process_signaled(struct object *obj, DWORD tid)
{
    (void)tid;
    return ((struct process_object *)obj)->exited;
}

static bool process_acquire(struct object *obj, DWORD tid)
{
    (void)obj, (void)tid;
    return false;
}

static const struct wait_ops process_ops = { process_signaled, process_acquire };

__attribute__((constructor)) static void process_object_register(void)
{
    wait_register_type(OBJ_PROCESS, &process_ops);
}

static struct process_object *process_new(pid_t pid)
{
    struct process_object *p = calloc(1, sizeof *p);
    if (!p)
        return NULL;
    object_init(&p->obj, OBJ_PROCESS, process_destroy);
    p->pid = pid;
    p->code_fd = p->pidfd = -1;
    p->creation = now_filetime();
    return p;
}

/* A child lvrun writes its 32-bit code just before it exits; a host
 * program, or an lvrun killed before it could, leaves the host status. */
static DWORD exit_code_from(struct process_object *p, int status)
{
    DWORD code;
    if (p->code_fd >= 0 && read(p->code_fd, &code, sizeof code) == sizeof code)
        return code;
    if (WIFEXITED(status))
        return (DWORD)WEXITSTATUS(status);
    return 128u + (DWORD)WTERMSIG(status);
}

static void process_mark_exited(struct process_object *p, bool known, DWORD code,
                                const struct rusage *ru)
{
    wait_lock();
    /* A terminated process ends with the code TerminateProcess gave. */
    if (known && !p->terminating)
        p->exit_code = code;
    p->exit_time = now_filetime();
    if (ru) {
        p->kernel = duration(ru->ru_stime);
        p->user = duration(ru->ru_utime);
    }
    p->exited = true;
    wait_state_changed();
    wait_unlock();
}

static void unlist_child(struct process_object *p)
{
    pthread_mutex_lock(&g_children_lock);
    for (struct process_object **pp = &g_children; *pp; pp = &(*pp)->next)
        if (*pp == p) {
            *pp = p->next;
            break;
        }
    pthread_mutex_unlock(&g_children_lock);
}

static void *reap_child(void *arg)
{
    struct process_object *p = arg;
    int status = 0;
    struct rusage ru = { 0 };
    while (wait4(p->pid, &status, 0, &ru) < 0 && errno == EINTR)
        ;
    process_mark_exited(p, true, exit_code_from(p, status), &ru);
    unlist_child(p);
    object_release(&p->obj);
    return NULL;
}

static void *watch_pidfd(void *arg)
{
    struct process_object *p = arg;
    struct pollfd pfd = { .fd = p->pidfd, .events = POLLIN };
    while (poll(&pfd, 1, -1) < 0 && errno == EINTR)
        ;
    process_mark_exited(p, false, 0, NULL);
    object_release(&p->obj);
    return NULL;
}

static bool start_watcher(struct process_object *p, void *(*fn)(void *))
{
    pthread_t t;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    object_ref(&p->obj);
    int err = pthread_create(&t, &attr, fn, p);
    pthread_attr_destroy(&attr);
    if (err) {
        object_release(&p->obj);
        return false;
    }
    return true;
}

struct object *process_object_for_child(pid_t pid, int code_fd)
{
    struct process_object *p = process_new(pid);
    if (!p)
        return NULL;
    p->child = true;
    p->code_fd = code_fd;
    p->exit_code = STILL_ACTIVE;
    pthread_mutex_lock(&g_children_lock);
    p->next = g_children;
    g_children = p;
    pthread_mutex_unlock(&g_children_lock);
    if (!start_watcher(p, reap_child)) {
        unlist_child(p);
        p->code_fd = -1;
        object_release(&p->obj);
        return NULL;
    }
    return &p->obj;
}

static struct process_object *process_get(HANDLE h)
{
    return (struct process_object *)handle_table_get(h, OBJ_PROCESS);
}

DWORD process_object_pid(HANDLE h)
{
    if (h == CURRENT_PROCESS_HANDLE)
        return GetCurrentProcessId();
    struct process_object *p = process_get(h);
    if (!p)
        return 0;
    DWORD pid = (DWORD)p->pid;
    object_release(&p->obj);
    return pid;
}

BOOL process_object_terminate(HANDLE h, UINT code)
{
    struct process_object *p = process_get(h);
    if (!p)
        return FALSE;
    BOOL ok = TRUE;
    wait_lock();
    if (p->exited || p->terminating) {
        SetLastError(ERROR_ACCESS_DENIED);
        ok = FALSE;
    } else {
        p->terminating = true;
        p->exit_code = code;
    }
    wait_unlock();
    if (ok) {
        int r = p->pidfd >= 0 ? (int)syscall(SYS_pidfd_send_signal, p->pidfd, SIGKILL, NULL, 0)
                              : kill(p->pid, SIGKILL);
        if (r < 0 && errno != ESRCH)
            ok = w32_fail_errno();
    }
    object_release(&p->obj);
    return ok;
}

BOOL process_object_times(HANDLE h, FILETIME *creation, FILETIME *exit_time,
                          FILETIME *kernel, FILETIME *user)
{
    struct process_object *p = process_get(h);
    if (!p)
        return FALSE;
    wait_lock();
    *creation = p->creation;
    *exit_time = p->exited ? p->exit_time : filetime_from_u64(0);
    *kernel = p->kernel;
    *user = p->user;
    wait_unlock();
    object_release(&p->obj);
    return TRUE;
}

BOOL WINAPI GetExitCodeProcess(HANDLE h, DWORD *code)
{
    if (h == CURRENT_PROCESS_HANDLE) {
        *code = STILL_ACTIVE;
        return TRUE;
    }
    struct process_object *p = process_get(h);
    if (!p)
        return FALSE;
    BOOL ok = TRUE;
    wait_lock();
    if (!p->exited || p->child || p->terminating) {
        *code = p->exited || p->terminating ? p->exit_code : STILL_ACTIVE;
    } else {
        /* The host keeps the status of a process for its parent only. */
        SetLastError(ERROR_NOT_SUPPORTED);
        ok = FALSE;
    }
    wait_unlock();
    object_release(&p->obj);
    return ok;
}

static struct object *find_child(pid_t pid)
{
    struct object *found = NULL;
    pthread_mutex_lock(&g_children_lock);
    for (struct process_object *p = g_children; p && !found; p = p->next)
        if (p->pid == pid && object_ref_if_live(&p->obj))
            found = &p->obj;
    pthread_mutex_unlock(&g_children_lock);
    return found;
}

static struct object *watch_other(pid_t pid)
{
    int fd = (int)syscall(SYS_pidfd_open, pid, 0);
    if (fd < 0) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    fcntl(fd, F_SETFD, FD_CLOEXEC);
    struct process_object *p = process_new(pid);
    if (!p) {
        close(fd);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    p->pidfd = fd;
    p->exit_code = STILL_ACTIVE;
    if (!start_watcher(p, watch_pidfd)) {
        object_release(&p->obj);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    return &p->obj;
}

HANDLE WINAPI OpenProcess(DWORD access, BOOL inherit, DWORD pid)
{
    (void)access;
    if (pid == 0) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    struct object *obj = find_child((pid_t)pid);
    if (!obj)
        obj = watch_other((pid_t)pid);
    if (!obj)
        return NULL;
    HANDLE h = handle_table_insert(obj, inherit);
    object_release(obj);
    return h;
}

DWORD WINAPI WaitForInputIdle(HANDLE h, DWORD timeout)
{
    (void)h, (void)timeout;
    /* Console programs have no message queue: nothing to wait for. */
    return 0;
}
