/* Vectored exception and continue handlers: process-wide lists called
 * before (exception) and after (continue) the frame-based handlers. A
 * handler may remove itself, or others, while it runs: entries are
 * reference-counted and freed by whoever drops the last reference. */
#include <pthread.h>
#include <stdlib.h>
#include "ntdll.spec.h"
#include "except_private.h"

struct vectored {
    struct vectored *next;
    PVECTORED_EXCEPTION_HANDLER handler;
    int refs;
    bool removed;
};

static struct vectored *g_lists[2];
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;

static void *add_handler(int kind, ULONG first, PVECTORED_EXCEPTION_HANDLER handler)
{
    struct vectored *v = calloc(1, sizeof *v);
    if (!v)
        return NULL;
    v->handler = handler;
    v->refs = 1;
    pthread_mutex_lock(&g_lock);
    struct vectored **p = &g_lists[kind];
    if (!first)
        while (*p)
            p = &(*p)->next;
    v->next = *p;
    *p = v;
    pthread_mutex_unlock(&g_lock);
    return v;
}

/* With the lock held. */
static void unref(int kind, struct vectored *v)
{
    if (--v->refs)
        return;
    for (struct vectored **p = &g_lists[kind]; *p; p = &(*p)->next) {
        if (*p == v) {
            *p = v->next;
            break;
        }
    }
    free(v);
}

static ULONG remove_handler(int kind, void *handle)
{
    ULONG found = 0;
    pthread_mutex_lock(&g_lock);
    for (struct vectored *v = g_lists[kind]; v; v = v->next) {
        if (v == handle && !v->removed) {
            v->removed = true;
            unref(kind, v);
            found = 1;
            break;
        }
    }
    pthread_mutex_unlock(&g_lock);
    return found;
}

bool seh_call_vectored(int kind, EXCEPTION_RECORD *rec, CONTEXT *ctx)
{
    EXCEPTION_POINTERS ptrs = { rec, ctx };
    bool resume = false;
    pthread_mutex_lock(&g_lock);
    struct vectored *v = g_lists[kind];
    while (v && v->removed)
        v = v->next;
    if (v)
        v->refs++;
    while (v) {
        pthread_mutex_unlock(&g_lock);
        LONG r = v->handler(&ptrs);
        pthread_mutex_lock(&g_lock);
        struct vectored *next = v->next;
        while (next && next->removed)
            next = next->next;
        if (next && r != EXCEPTION_CONTINUE_EXECUTION)
            next->refs++;
        unref(kind, v);
        if (r == EXCEPTION_CONTINUE_EXECUTION) {
            resume = true;
            break;
        }
        v = next;
    }
    pthread_mutex_unlock(&g_lock);
    return resume;
}

void *WINAPI RtlAddVectoredExceptionHandler(ULONG first, PVECTORED_EXCEPTION_HANDLER handler)
{
    return add_handler(SEH_VECTORED_EXCEPTION, first, handler);
}

ULONG WINAPI RtlRemoveVectoredExceptionHandler(void *handle)
{
    return remove_handler(SEH_VECTORED_EXCEPTION, handle);
}

void *WINAPI RtlAddVectoredContinueHandler(ULONG first, PVECTORED_EXCEPTION_HANDLER handler)
{
    return add_handler(SEH_VECTORED_CONTINUE, first, handler);
}

ULONG WINAPI RtlRemoveVectoredContinueHandler(void *handle)
{
    return remove_handler(SEH_VECTORED_CONTINUE, handle);
}
