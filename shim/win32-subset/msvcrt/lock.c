/* _lock and _unlock: the CRT's numbered internal locks, which MinGW's
 * start-up code also takes (around its atexit table). */
#include <pthread.h>
#include "msvcrt.spec.h"
#include "runtime_private.h"

#define LOCK_COUNT 64

static pthread_mutex_t g_locks[LOCK_COUNT];
static pthread_once_t g_locks_once = PTHREAD_ONCE_INIT;

static void locks_init(void)
{
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    for (int i = 0; i < LOCK_COUNT; i++)
        pthread_mutex_init(&g_locks[i], &attr);
    pthread_mutexattr_destroy(&attr);
}

void CDECL msvcrt__lock(int n)
{
    pthread_once(&g_locks_once, locks_init);
    if (n >= 0 && n < LOCK_COUNT)
        pthread_mutex_lock(&g_locks[n]);
}

void CDECL msvcrt__unlock(int n)
{
    if (n >= 0 && n < LOCK_COUNT)
        pthread_mutex_unlock(&g_locks[n]);
}
