/* The CRT's threads: _beginthreadex and _beginthread over CreateThread.
 * _beginthread's handle closes itself when the thread ends, as the CRT
 * documents; _beginthreadex's is the caller's to close. */
#include <stdlib.h>
#include "msvcrt.spec.h"
#include "kernel32.spec.h"

typedef unsigned (CDECL *beginthreadex_fn)(void *);
typedef void (CDECL *beginthread_fn)(void *);

struct start {
    void *fn;
    void *arg;
    HANDLE self; /* _beginthread only: closed at the end */
};

static __thread struct start *t_plain; /* the _beginthread thread's own */

static DWORD WINAPI start_ex(void *p)
{
    struct start s = *(struct start *)p;
    free(p);
    return ((beginthreadex_fn)s.fn)(s.arg);
}

static DWORD WINAPI start_plain(void *p)
{
    struct start *s = p;
    /* The creator stored the handle before letting the thread run. */
    t_plain = s;
    ((beginthread_fn)s->fn)(s->arg);
    msvcrt__endthread();
    return 0;
}

uintptr_t CDECL msvcrt__beginthreadex(void *security, unsigned stack, void *fn, void *arg,
                                      unsigned flags, unsigned *tid)
{
    if (!fn) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return 0;
    }
    struct start *s = malloc(sizeof *s);
    s->fn = fn;
    s->arg = arg;
    s->self = NULL;
    HANDLE h = CreateThread(security, stack, (void *)start_ex, s, flags, (DWORD *)tid);
    if (!h) {
        free(s);
        msvcrt_set_errno_from_win32(GetLastError());
        return 0;
    }
    return (uintptr_t)h;
}

uintptr_t CDECL msvcrt__beginthread(void *fn, unsigned stack, void *arg)
{
    if (!fn) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return (uintptr_t)-1;
    }
    struct start *s = malloc(sizeof *s);
    s->fn = fn;
    s->arg = arg;
    /* Suspended until the handle it must close is known. */
    HANDLE h = CreateThread(NULL, stack, (void *)start_plain, s, 4 /* CREATE_SUSPENDED */, NULL);
    if (!h) {
        free(s);
        msvcrt_set_errno_from_win32(GetLastError());
        return (uintptr_t)-1;
    }
    s->self = h;
    ResumeThread(h);
    return (uintptr_t)h;
}

void CDECL msvcrt__endthreadex(unsigned code)
{
    ExitThread(code);
}

void CDECL msvcrt__endthread(void)
{
    struct start *s = t_plain;
    if (s) {
        CloseHandle(s->self);
        free(s);
    }
    ExitThread(0);
}
