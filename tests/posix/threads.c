#include <pthread.h>
#include <stdio.h>

#define N 4
#define ITEMS 1000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t ready = PTHREAD_COND_INITIALIZER;
static int queue[16], head, tail, count, done;
static long total;
static __thread int tls_counter = 100;
static __thread char tls_name[16] = "main";

static void *consumer(void *arg)
{
    long sum = 0;
    snprintf(tls_name, sizeof tls_name, "worker%ld", (long)arg);
    for (;;) {
        pthread_mutex_lock(&lock);
        while (!count && !done)
            pthread_cond_wait(&ready, &lock);
        if (!count && done) {
            pthread_mutex_unlock(&lock);
            break;
        }
        int v = queue[head];
        head = (head + 1) % 16;
        count--;
        pthread_cond_broadcast(&ready);
        pthread_mutex_unlock(&lock);
        sum += v;
        tls_counter++;
    }
    pthread_mutex_lock(&lock);
    total += sum;
    pthread_mutex_unlock(&lock);
    return (void *)(long)(tls_counter >= 100 && tls_name[0] == 'w');
}

int main(void)
{
    pthread_t t[N];
    for (long i = 0; i < N; i++)
        pthread_create(&t[i], NULL, consumer, (void *)i);
    for (int i = 1; i <= ITEMS; i++) {
        pthread_mutex_lock(&lock);
        while (count == 16)
            pthread_cond_wait(&ready, &lock);
        queue[tail] = i;
        tail = (tail + 1) % 16;
        count++;
        pthread_cond_signal(&ready);
        pthread_mutex_unlock(&lock);
    }
    pthread_mutex_lock(&lock);
    done = 1;
    pthread_cond_broadcast(&ready);
    pthread_mutex_unlock(&lock);
    int good = 0;
    for (int i = 0; i < N; i++) {
        void *r;
        pthread_join(t[i], &r);
        good += (long)r;
    }
    printf("total %ld (expected %d), %d threads saw their own TLS\n", total,
           ITEMS * (ITEMS + 1) / 2, good);
    printf("main TLS: %d %s\n", tls_counter, tls_name);
    return 0;
}
