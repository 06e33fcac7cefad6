/* What every harness does first. */
#ifndef LV_FUZZ_HARNESS_H
#define LV_FUZZ_HARNESS_H

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

/* lvcore installs lvrun's fault handler before main (it reports faults
 * as guest exceptions or internal errors); a harness gives faults back to
 * libFuzzer, which writes the input that caused one. */
static inline void harness_init(void)
{
    static const int signals[] = { SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGTRAP };
    for (unsigned i = 0; i < sizeof signals / sizeof *signals; i++)
        signal(signals[i], SIG_DFL);
}

/* A file in memory for harnesses whose code under test opens a path:
 * each input is written to it (harness_file_write) and opened as *path. */
struct harness_file {
    int fd;
    char path[64];
};

static inline void harness_file_init(struct harness_file *f, const char *name)
{
    f->fd = memfd_create(name, 0);
    if (f->fd < 0)
        abort();
    snprintf(f->path, sizeof f->path, "/proc/self/fd/%d", f->fd);
}

static inline void harness_file_write(struct harness_file *f, const void *data, size_t size)
{
    if (ftruncate(f->fd, 0) || pwrite(f->fd, data, size, 0) != (ssize_t)size)
        abort();
}

#endif
