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

static void **slot(TEB *teb, DWORD i)
{
    if (i < TLS_MINIMUM_AVAILABLE)
        return &teb->TlsSlots[i];
    if (!teb->TlsExpansionSlots)
        teb->TlsExpansionSlots = calloc(TLS_EXPANSION_SLOTS, sizeof(void *));
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
