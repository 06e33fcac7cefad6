#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static __thread int counter = 7;
static __thread long big[64] = { 1, 2, 3 };
static __thread int zeroed[100];
static pthread_key_t key;
static pthread_once_t once = PTHREAD_ONCE_INIT;
static int once_runs, destructor_runs;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void init_once(void) { once_runs++; }

static void destroy(void *v)
{
    pthread_mutex_lock(&lock);
    destructor_runs++;
    pthread_mutex_unlock(&lock);
    free(v);
}

static void *worker(void *arg)
{
    long id = (long)arg;
    pthread_once(&once, init_once);
    int ok = counter == 7 && big[2] == 3 && big[63] == 0 && zeroed[99] == 0;
    counter += id;
    big[63] = id;
    zeroed[99] = (int)id;
    pthread_setspecific(key, malloc(16));
    return (void *)(long)(ok && counter == 7 + id && big[63] == id);
}

int main(void)
{
    pthread_key_create(&key, destroy);
    pthread_t t[8];
    for (long i = 0; i < 8; i++)
        pthread_create(&t[i], NULL, worker, (void *)(i + 1));
    int good = 0;
    for (int i = 0; i < 8; i++) {
        void *r;
        pthread_join(t[i], &r);
        good += (long)r;
    }
    printf("threads with a fresh TLS image: %d of 8\n", good);
    printf("once ran %d, destructors ran %d\n", once_runs, destructor_runs);
    printf("main still has counter %d big[2] %ld\n", counter, big[2]);
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_JOINABLE);
    pthread_attr_setstacksize(&attr, 1 << 20);
    size_t size;
    pthread_attr_getstacksize(&attr, &size);
    printf("stack size %zu\n", size);
    pthread_create(&t[0], &attr, worker, (void *)100L);
    void *r;
    pthread_join(t[0], &r);
    printf("attr thread ok %ld\n", (long)r);
    return 0;
}
