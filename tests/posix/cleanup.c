#include <pthread.h>
#include <stdio.h>

static void handler(void *arg)
{
    printf("cleanup %s\n", (const char *)arg);
}

static void *worker(void *arg)
{
    pthread_cleanup_push(handler, "outer");
    pthread_cleanup_push(handler, "inner");
    if (arg)
        pthread_exit((void *)7);
    pthread_cleanup_pop(1);
    pthread_cleanup_pop(0);
    return (void *)3;
}

int main(void)
{
    pthread_t t;
    void *r;
    setvbuf(stdout, NULL, _IOLBF, 0);
    pthread_create(&t, NULL, worker, NULL);
    pthread_join(t, &r);
    printf("returned %ld\n", (long)r);
    pthread_create(&t, NULL, worker, (void *)1);
    pthread_join(t, &r);
    printf("exited %ld\n", (long)r);
    pthread_t self = pthread_self();
    printf("pthread_equal self %d\n", pthread_equal(self, pthread_self()));
    return 0;
}
