/* The exit status, from a thread calling exit. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void *quit(void *arg)
{
    (void)arg;
    printf("exiting from a thread\n");
    exit(42);
}

int main(void)
{
    pthread_t t;
    pthread_create(&t, NULL, quit, NULL);
    for (;;)
        pause();
}
