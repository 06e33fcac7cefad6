/* The same operations with their native pthread equivalents: a mutex
 * pair, a condition-variable event ping-pong, pthread create+join. */
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct event {
    pthread_mutex_t m;
    pthread_cond_t c;
    bool set;
};

static struct event ping = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, false };
static struct event pong = { PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, false };
static long rounds;

static void set_event(struct event *e)
{
    pthread_mutex_lock(&e->m);
    e->set = true;
    pthread_cond_signal(&e->c);
    pthread_mutex_unlock(&e->m);
}

static void wait_event(struct event *e)
{
    pthread_mutex_lock(&e->m);
    while (!e->set)
        pthread_cond_wait(&e->c, &e->m);
    e->set = false;
    pthread_mutex_unlock(&e->m);
}

static void *ponger(void *arg)
{
    (void)arg;
    for (long i = 0; i < rounds; i++) {
        wait_event(&ping);
        set_event(&pong);
    }
    return NULL;
}

static void *nothing(void *arg)
{
    return arg;
}

int main(int argc, char **argv)
{
    long n = argc > 2 ? atol(argv[2]) : 1000000;
    if (argc > 1 && !strcmp(argv[1], "cs")) {
        pthread_mutex_t m;
        pthread_mutexattr_t a;
        pthread_mutexattr_init(&a);
        pthread_mutexattr_settype(&a, PTHREAD_MUTEX_RECURSIVE);
        pthread_mutex_init(&m, &a);
        for (long i = 0; i < n; i++) {
            pthread_mutex_lock(&m);
            pthread_mutex_unlock(&m);
        }
    } else if (argc > 1 && !strcmp(argv[1], "pingpong")) {
        rounds = n;
        pthread_t t;
        pthread_create(&t, NULL, ponger, NULL);
        for (long i = 0; i < n; i++) {
            set_event(&ping);
            wait_event(&pong);
        }
        pthread_join(t, NULL);
    } else if (argc > 1 && !strcmp(argv[1], "threads")) {
        for (long i = 0; i < n; i++) {
            pthread_t t;
            pthread_create(&t, NULL, nothing, (void *)i);
            pthread_join(t, NULL);
        }
    } else {
        fprintf(stderr, "usage: sync_native cs|pingpong|threads COUNT\n");
        return 2;
    }
    return 0;
}
