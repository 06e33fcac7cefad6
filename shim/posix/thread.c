/* Threads of a musl program: each starts with the guest's TLS blocks
 * initialised, and keeps musl's cleanup handler records. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include "elf/elf_loader.h"
#include "musl.sym.h"

struct start {
    px_thread_fn fn;
    void *arg;
};

static __thread struct px_ptcb *g_cleanup;

static void *thread_start(void *p)
{
    struct start s = *(struct start *)p;
    free(p);
    elf_tls_init_thread();
    return s.fn(s.arg);
}

int px_pthread_create(pthread_t *thread, const pthread_attr_t *attr, px_thread_fn fn,
                      void *arg)
{
    struct start *s = malloc(sizeof *s);
    if (!s)
        return EAGAIN;
    s->fn = fn;
    s->arg = arg;
    int r = pthread_create(thread, attr, thread_start, s);
    if (r)
        free(s);
    return r;
}

void px__pthread_cleanup_push(struct px_ptcb *cb, px_cleanup_fn f, void *x)
{
    cb->__f = f;
    cb->__x = x;
    cb->__next = g_cleanup;
    g_cleanup = cb;
}

void px__pthread_cleanup_pop(struct px_ptcb *cb, int run)
{
    g_cleanup = cb->__next;
    if (run)
        cb->__f(cb->__x);
}

/* Cancellation unwinds through glibc and does not run these records;
 * pthread_exit does, as musl's does. */
void px_pthread_exit(void *result)
{
    while (g_cleanup) {
        struct px_ptcb *cb = g_cleanup;
        g_cleanup = cb->__next;
        cb->__f(cb->__x);
    }
    pthread_exit(result);
}

/* musl reserves one more real-time signal than glibc does. */
int px___libc_current_sigrtmin(void)
{
    return 35;
}
