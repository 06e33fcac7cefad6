/* Thread-local storage slots (TlsAlloc): 64 in the TEB, then 1024 more in
 * the expansion array, as Windows lays them out. */
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include "kernel32.spec.h"
#include "lv/w32error.h"

#define TLS_OUT_OF_INDEXES 0xffffffffu
#define TLS_SLOTS (TLS_MINIMUM_AVAILABLE + TLS_EXPANSION_SLOTS)

static unsigned char g_used[TLS_SLOTS];
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;

DWORD WINAPI TlsAlloc(void)
{
    pthread_mutex_lock(&g_lock);
    DWORD i = 0;
    while (i < TLS_SLOTS && g_used[i])
        i++;
    if (i < TLS_SLOTS)
        g_used[i] = 1;
    pthread_mutex_unlock(&g_lock);
    if (i == TLS_SLOTS) {
        SetLastError(ERROR_NO_MORE_ITEMS);
        return TLS_OUT_OF_INDEXES;
    }
    /* A reused slot reads NULL in this thread. */
    TlsSetValue(i, NULL);
    return i;
}

/* Out of line and ms_abi: the callers stay free of host calls, which would
 * make their prologues save xmm6-15 on every call (see ntdll/critsec.c). */
static __attribute__((ms_abi, noinline)) void alloc_expansion(TEB *teb)
{
    teb->TlsExpansionSlots = calloc(TLS_EXPANSION_SLOTS, sizeof(void *));
}

static void **slot(TEB *teb, DWORD i)
{
    if (i < TLS_MINIMUM_AVAILABLE)
        return &teb->TlsSlots[i];
    if (!teb->TlsExpansionSlots)
        alloc_expansion(teb);
    return &teb->TlsExpansionSlots[i - TLS_MINIMUM_AVAILABLE];
}

void *WINAPI TlsGetValue(DWORD i)
{
    if (i >= TLS_SLOTS) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    TEB *teb = lv_teb();
    teb->LastErrorValue = ERROR_SUCCESS;
    if (i >= TLS_MINIMUM_AVAILABLE && !teb->TlsExpansionSlots)
        return NULL;
    return *slot(teb, i);
}

BOOL WINAPI TlsSetValue(DWORD i, void *value)
{
    if (i >= TLS_SLOTS) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    *slot(lv_teb(), i) = value;
    return TRUE;
}

BOOL WINAPI TlsFree(DWORD i)
{
    pthread_mutex_lock(&g_lock);
    bool ok = i < TLS_SLOTS && g_used[i];
    if (ok)
        g_used[i] = 0;
    pthread_mutex_unlock(&g_lock);
    if (!ok)
        SetLastError(ERROR_INVALID_PARAMETER);
    return ok;
}

/* Fiber-local storage: slots like TlsAlloc's, each with an optional
 * callback that Windows calls with a thread's non-NULL value when the
 * thread ends and when the slot is freed. There are no fibers: a thread's
 * values live in its TEB's FlsData. */
#define FLS_SLOTS 256
#define FLS_OUT_OF_INDEXES 0xffffffffu

typedef void (WINAPI *fls_callback_fn)(void *);

static fls_callback_fn g_fls_callbacks[FLS_SLOTS];
static unsigned char g_fls_used[FLS_SLOTS];

DWORD WINAPI FlsAlloc(void *callback)
{
    pthread_mutex_lock(&g_lock);
    DWORD i = 0;
    while (i < FLS_SLOTS && g_fls_used[i])
        i++;
    if (i < FLS_SLOTS) {
        g_fls_used[i] = 1;
        g_fls_callbacks[i] = (fls_callback_fn)callback;
    }
    pthread_mutex_unlock(&g_lock);
    if (i == FLS_SLOTS) {
        SetLastError(ERROR_NO_MORE_ITEMS);
        return FLS_OUT_OF_INDEXES;
    }
    FlsSetValue(i, NULL);
    return i;
}

void *WINAPI FlsGetValue(DWORD i)
{
    TEB *teb = lv_teb();
    if (i >= FLS_SLOTS || !g_fls_used[i]) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    SetLastError(ERROR_SUCCESS);
    return teb->FlsData ? teb->FlsData[i] : NULL;
}

BOOL WINAPI FlsSetValue(DWORD i, void *value)
{
    TEB *teb = lv_teb();
    if (i >= FLS_SLOTS || !g_fls_used[i]) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    if (!teb->FlsData)
        teb->FlsData = calloc(FLS_SLOTS, sizeof(void *));
    teb->FlsData[i] = value;
    return TRUE;
}

static void fls_free_in(TEB *teb, void *arg)
{
    DWORD i = (DWORD)(uintptr_t)arg;
    if (!teb->FlsData || !teb->FlsData[i])
        return;
    void *value = teb->FlsData[i];
    teb->FlsData[i] = NULL;
    if (g_fls_callbacks[i])
        g_fls_callbacks[i](value);
}

BOOL WINAPI FlsFree(DWORD i)
{
    pthread_mutex_lock(&g_lock);
    bool ok = i < FLS_SLOTS && g_fls_used[i];
    pthread_mutex_unlock(&g_lock);
    if (!ok) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    teb_for_each(fls_free_in, (void *)(uintptr_t)i);
    pthread_mutex_lock(&g_lock);
    g_fls_used[i] = 0;
    g_fls_callbacks[i] = NULL;
    pthread_mutex_unlock(&g_lock);
    return TRUE;
}

void fls_thread_exit(void)
{
    TEB *teb = lv_teb();
    for (DWORD i = 0; teb->FlsData && i < FLS_SLOTS; i++)
        fls_free_in(teb, (void *)(uintptr_t)i);
}
