#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>

static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static pthread_barrier_t barrier;
static sem_t sem;
static pthread_spinlock_t spin;
static int shared, spun;

static void *worker(void *arg)
{
    (void)arg;
    for (int i = 0; i < 1000; i++) {
        pthread_rwlock_wrlock(&rw);
        shared++;
        pthread_rwlock_unlock(&rw);
        pthread_spin_lock(&spin);
        spun++;
        pthread_spin_unlock(&spin);
    }
    pthread_barrier_wait(&barrier);
    sem_post(&sem);
    return NULL;
}

int main(void)
{
    pthread_barrier_init(&barrier, NULL, 4);
    sem_init(&sem, 0, 0);
    pthread_spin_init(&spin, 0);
    pthread_t t[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&t[i], NULL, worker, NULL);
    for (int i = 0; i < 4; i++)
        sem_wait(&sem);
    for (int i = 0; i < 4; i++)
        pthread_join(t[i], NULL);
    pthread_rwlock_rdlock(&rw);
    printf("shared %d spun %d\n", shared, spun);
    printf("tryrdlock again %d trywrlock %d\n", pthread_rwlock_tryrdlock(&rw),
           pthread_rwlock_trywrlock(&rw) != 0);
    pthread_rwlock_unlock(&rw);
    pthread_rwlock_unlock(&rw);
    int v;
    sem_getvalue(&sem, &v);
    printf("sem value %d trywait %d\n", v, sem_trywait(&sem));
    pthread_mutexattr_t ma;
    pthread_mutexattr_init(&ma);
    pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_t m;
    pthread_mutex_init(&m, &ma);
    printf("recursive: %d %d %d %d\n", pthread_mutex_lock(&m), pthread_mutex_lock(&m),
           pthread_mutex_unlock(&m), pthread_mutex_unlock(&m));
    pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_ERRORCHECK);
    pthread_mutex_t m2;
    pthread_mutex_init(&m2, &ma);
    pthread_mutex_lock(&m2);
    printf("errorcheck relock is EDEADLK: %d\n", pthread_mutex_lock(&m2) == 35);
    printf("trylock busy: %d\n", pthread_mutex_trylock(&m2) != 0);
    return 0;
}
