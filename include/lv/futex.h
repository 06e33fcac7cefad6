/* Futex calls for the lock primitives (ntdll). */
#ifndef LV_FUTEX_H
#define LV_FUTEX_H

#include <linux/futex.h>
#include <stdint.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* Sleeps while *word == expected; timeout NULL is forever. Returns -1 with
 * errno ETIMEDOUT when the time ran out. */
static inline int futex_wait(volatile void *word, uint32_t expected,
                             const struct timespec *timeout)
{
    return (int)syscall(SYS_futex, word, FUTEX_WAIT_PRIVATE, expected, timeout, NULL, 0);
}

static inline void futex_wake(volatile void *word, int count)
{
    syscall(SYS_futex, word, FUTEX_WAKE_PRIVATE, count, NULL, NULL, 0);
}

/* A relative timeout of ms milliseconds, or NULL for INFINITE. */
static inline const struct timespec *futex_timeout(uint32_t ms, struct timespec *ts)
{
    if (ms == 0xffffffffu)
        return NULL;
    ts->tv_sec = ms / 1000;
    ts->tv_nsec = (long)(ms % 1000) * 1000000;
    return ts;
}

#endif
