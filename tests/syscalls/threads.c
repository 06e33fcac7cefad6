/* Threads: pthread_create (clone), mutexes, a condition variable,
 * __thread variables, join and a detached thread. */
#include <pthread.h>
#include <stdio.h>
#include <unistd.h>

static __thread int t_id = -1;
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t g_cond = PTHREAD_COND_INITIALIZER;
static long g_total;
static int g_done;

static void *work(void *arg)
{
    t_id = (int)(long)arg;
    long sum = 0;
    for (int i = 0; i < 10000; i++) {
        pthread_mutex_lock(&g_lock);
        g_total++;
        pthread_mutex_unlock(&g_lock);
        sum += t_id;
    }
    return (void *)(sum + t_id);
}

static void *detached(void *arg)
{
    (void)arg;
    pthread_mutex_lock(&g_lock);
    g_done = 1;
    pthread_cond_signal(&g_cond);
    pthread_mutex_unlock(&g_lock);
    return NULL;
}

int main(void)
{
    pthread_t th[8];
    t_id = 100;
    for (long i = 0; i < 8; i++)
        pthread_create(&th[i], NULL, work, (void *)i);
    for (int i = 0; i < 8; i++) {
        void *ret;
        pthread_join(th[i], &ret);
        printf("thread %d returned %ld\n", i, (long)ret);
    }
    printf("total %ld, main's t_id %d\n", g_total, t_id);
    pthread_t d;
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    pthread_create(&d, &attr, detached, NULL);
    pthread_mutex_lock(&g_lock);
    while (!g_done)
        pthread_cond_wait(&g_cond, &g_lock);
    pthread_mutex_unlock(&g_lock);
    printf("detached thread signalled\n");
    usleep(10000);
    return 0;
}
