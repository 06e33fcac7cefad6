/* Exit: the tables of exit functions, exit and its variants, abort. */
#include <pthread.h>
#include <string.h>
#include "lv/process.h"
#include "msvcrt.spec.h"
#include "runtime_private.h"

static pthread_mutex_t g_exit_lock = PTHREAD_MUTEX_INITIALIZER;
/* atexit and _onexit of msvcrt, and the UCRT's _crt_atexit. */
struct msvcrt_onexit_table msvcrt_atexit_table;
struct msvcrt_onexit_table msvcrt_quick_exit_table;

int msvcrt_onexit_register(struct msvcrt_onexit_table *t, msvcrt_ifn fn)
{
    pthread_mutex_lock(&g_exit_lock);
    if (t->last == t->end) {
        size_t count = t->last - t->first, cap = count ? count * 2 : 32;
        msvcrt_ifn *n = msvcrt_realloc(t->first, cap * sizeof *n);
        if (!n) {
            pthread_mutex_unlock(&g_exit_lock);
            return -1;
        }
        t->first = n;
        t->last = n + count;
        t->end = n + cap;
    }
    *t->last++ = fn;
    pthread_mutex_unlock(&g_exit_lock);
    return 0;
}

/* Last registered first; a function registered while the table runs runs
 * next. The functions of atexit return nothing: their int is not read. */
int msvcrt_onexit_execute(struct msvcrt_onexit_table *t)
{
    for (;;) {
        pthread_mutex_lock(&g_exit_lock);
        msvcrt_ifn fn = t->last > t->first ? *--t->last : NULL;
        pthread_mutex_unlock(&g_exit_lock);
        if (!fn)
            break;
        fn();
    }
    pthread_mutex_lock(&g_exit_lock);
    msvcrt_free(t->first);
    t->first = t->last = t->end = NULL;
    pthread_mutex_unlock(&g_exit_lock);
    return 0;
}

msvcrt_ifn CDECL msvcrt__onexit(msvcrt_ifn fn)
{
    return fn && !msvcrt_onexit_register(&msvcrt_atexit_table, fn) ? fn : NULL;
}

int CDECL msvcrt_atexit(msvcrt_vfn fn)
{
    return fn && !msvcrt_onexit_register(&msvcrt_atexit_table, (msvcrt_ifn)fn) ? 0 : -1;
}

/* A DLL's own table, run when the DLL's CRT start-up code detaches it. */
msvcrt_ifn CDECL msvcrt___dllonexit(msvcrt_ifn fn, msvcrt_ifn **first, msvcrt_ifn **last)
{
    if (!fn || !first || !last)
        return NULL;
    size_t count = *last - *first;
    msvcrt_ifn *n = msvcrt_realloc(*first, (count + 1) * sizeof *n);
    if (!n)
        return NULL;
    n[count] = fn;
    *first = n;
    *last = n + count + 1;
    return fn;
}

int CDECL msvcrt_at_quick_exit(msvcrt_vfn fn)
{
    return fn && !msvcrt_onexit_register(&msvcrt_quick_exit_table, (msvcrt_ifn)fn) ? 0 : -1;
}

void CDECL msvcrt__cexit(void)
{
    msvcrt_onexit_execute(&msvcrt_atexit_table);
    msvcrt_stdio_flush_all();
}

/* No exit functions and no flushing: the caller ends the process next. */
void CDECL msvcrt__c_exit(void)
{
}

/* ExitProcess follows: it detaches the DLLs, which flushes stdio. */
void msvcrt_do_exit(int code, bool run_handlers)
{
    if (run_handlers)
        msvcrt__cexit();
    process_exit((UINT)code);
}

void CDECL msvcrt_exit(int code)
{
    msvcrt_do_exit(code, true);
}

void CDECL msvcrt__exit(int code)
{
    msvcrt_do_exit(code, false);
}

void CDECL msvcrt_quick_exit(int code)
{
    msvcrt_onexit_execute(&msvcrt_quick_exit_table);
    msvcrt_do_exit(code, false);
}

/* The CRT's fatal runtime errors end the program with code 255. */
void CDECL msvcrt__amsg_exit(int error)
{
    (void)error;
    msvcrt_do_exit(255, false);
}

/* SIGABRT's handler runs first; its default ends the program with 3. */
void CDECL msvcrt_abort(void)
{
    msvcrt_raise(22);
    msvcrt_signal_default(22);
}
