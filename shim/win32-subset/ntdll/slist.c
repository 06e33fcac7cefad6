/* Interlocked singly linked lists. The 16-byte header holds the first
 * entry and the depth; a process-wide lock stands in for the 128-bit
 * compare-and-swap Windows uses, which only the API ever sees. */
#include <pthread.h>
#include "ntdll.spec.h"

static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;

void WINAPI RtlInitializeSListHead(SLIST_HEADER *head)
{
    head->First = NULL;
    head->Depth = 0;
}

SLIST_ENTRY *WINAPI RtlFirstEntrySList(const SLIST_HEADER *head)
{
    return head->First;
}

SLIST_ENTRY *WINAPI RtlInterlockedPushEntrySList(SLIST_HEADER *head, SLIST_ENTRY *entry)
{
    pthread_mutex_lock(&g_lock);
    SLIST_ENTRY *old = head->First;
    entry->Next = old;
    head->First = entry;
    head->Depth++;
    pthread_mutex_unlock(&g_lock);
    return old;
}

SLIST_ENTRY *WINAPI RtlInterlockedPopEntrySList(SLIST_HEADER *head)
{
    pthread_mutex_lock(&g_lock);
    SLIST_ENTRY *e = head->First;
    if (e) {
        head->First = e->Next;
        head->Depth--;
    }
    pthread_mutex_unlock(&g_lock);
    return e;
}

SLIST_ENTRY *WINAPI RtlInterlockedFlushSList(SLIST_HEADER *head)
{
    pthread_mutex_lock(&g_lock);
    SLIST_ENTRY *e = head->First;
    head->First = NULL;
    head->Depth = 0;
    pthread_mutex_unlock(&g_lock);
    return e;
}

WORD WINAPI RtlQueryDepthSList(SLIST_HEADER *head)
{
    pthread_mutex_lock(&g_lock);
    WORD depth = (WORD)head->Depth;
    pthread_mutex_unlock(&g_lock);
    return depth;
}
