/* Opening files through the view: open and its variants, the _FORTIFY
 * forms, creat, fopen/freopen, truncate, mkstemp and friends. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "wrap.h"

REAL_DECL(freopen);
REAL_DECL(mkstemp);
REAL_DECL(mkostemp);
REAL_DECL(mkostemps);
REAL_DECL(mkstemps);
REAL_DECL(mkdtemp);

bool view_is_self(const char *path, const char *what)
{
    char own[40];
    size_t n = strlen(what);
    if (!strncmp(path, "/proc/self/", 11))
        return !strcmp(path + 11, what);
    int len = snprintf(own, sizeof own, "/proc/%d/", (int)getpid());
    return !strncmp(path, own, (size_t)len) && !strncmp(path + len, what, n) && !path[len + n];
}

/* /proc/self/cmdline as the guest's arguments, in a memory file. */
static int self_cmdline(void)
{
    size_t size;
    const char *cmd = view_cmdline(&size);
    int fd = memfd_create("cmdline", MFD_CLOEXEC);
    if (fd < 0)
        return -1;
    if (write(fd, cmd, size) != (ssize_t)size || lseek(fd, 0, SEEK_SET) != 0) {
        close(fd);
        return -1;
    }
    return fd;
}

static int do_open(int dirfd, const char *path, int flags, mode_t mode)
{
    if (view_program() && path && view_is_self(path, "cmdline"))
        return self_cmdline();
    return view_openat(dirfd, path, flags, mode);
}

#define MODE_ARG(flags)                                                       \
    mode_t mode = 0;                                                          \
    if ((flags) & (O_CREAT | O_TMPFILE)) {                                    \
        va_list ap;                                                           \
        va_start(ap, flags);                                                  \
        mode = va_arg(ap, mode_t);                                            \
        va_end(ap);                                                           \
    }

int W(open)(const char *path, int flags, ...)
{
    MODE_ARG(flags);
    return do_open(AT_FDCWD, path, flags, mode);
}

int W(open64)(const char *path, int flags, ...)
{
    MODE_ARG(flags);
    return do_open(AT_FDCWD, path, flags, mode);
}

int W(openat)(int dirfd, const char *path, int flags, ...)
{
    MODE_ARG(flags);
    return do_open(dirfd, path, flags, mode);
}

int W(openat64)(int dirfd, const char *path, int flags, ...)
{
    MODE_ARG(flags);
    return do_open(dirfd, path, flags, mode);
}

int W(creat)(const char *path, mode_t mode)
{
    return do_open(AT_FDCWD, path, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

int W(creat64)(const char *path, mode_t mode)
{
    return do_open(AT_FDCWD, path, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

#ifdef VIEW_PRELOAD
int __open_2(const char *path, int flags);
int __open64_2(const char *path, int flags);
int __openat_2(int dirfd, const char *path, int flags);
int __openat64_2(int dirfd, const char *path, int flags);

int __open_2(const char *path, int flags)
{
    return do_open(AT_FDCWD, path, flags, 0);
}

int __open64_2(const char *path, int flags)
{
    return do_open(AT_FDCWD, path, flags, 0);
}

int __openat_2(int dirfd, const char *path, int flags)
{
    return do_open(dirfd, path, flags, 0);
}

int __openat64_2(int dirfd, const char *path, int flags)
{
    return do_open(dirfd, path, flags, 0);
}
#endif

/* fopen's mode as open flags; NULL-safe, EINVAL for a bad first letter. */
static int mode_flags(const char *mode)
{
    int flags;
    switch (mode[0]) {
    case 'r': flags = O_RDONLY; break;
    case 'w': flags = O_WRONLY | O_CREAT | O_TRUNC; break;
    case 'a': flags = O_WRONLY | O_CREAT | O_APPEND; break;
    default: return -1;
    }
    for (const char *p = mode + 1; *p && *p != ','; p++) {
        if (*p == '+')
            flags = (flags & ~O_ACCMODE) | O_RDWR;
        else if (*p == 'x')
            flags |= O_EXCL;
        else if (*p == 'e')
            flags |= O_CLOEXEC;
    }
    return flags;
}

static FILE *do_fopen(const char *path, const char *mode)
{
    int flags = mode_flags(mode);
    if (flags < 0) {
        errno = EINVAL;
        return NULL;
    }
    int fd = do_open(AT_FDCWD, path, flags, 0666);
    if (fd < 0)
        return NULL;
    FILE *f = fdopen(fd, mode);
    if (!f) {
        int saved = errno;
        close(fd);
        errno = saved;
    }
    return f;
}

FILE *W(fopen)(const char *path, const char *mode)
{
    return do_fopen(path, mode);
}

FILE *W(fopen64)(const char *path, const char *mode)
{
    return do_fopen(path, mode);
}

static FILE *do_freopen(const char *path, const char *mode, FILE *stream)
{
    if (!path || !view_active())
        return REAL(freopen)(path, mode, stream);
    int flags = mode_flags(mode);
    if (flags < 0) {
        errno = EINVAL;
        return NULL;
    }
    int fd = do_open(AT_FDCWD, path, flags, 0666);
    if (fd < 0)
        return NULL;
    char self[40];
    snprintf(self, sizeof self, "/proc/self/fd/%d", fd);
    FILE *f = REAL(freopen)(self, mode, stream);
    int saved = errno;
    close(fd);
    errno = saved;
    return f;
}

FILE *W(freopen)(const char *path, const char *mode, FILE *stream)
{
    return do_freopen(path, mode, stream);
}

FILE *W(freopen64)(const char *path, const char *mode, FILE *stream)
{
    return do_freopen(path, mode, stream);
}

static int do_truncate(const char *path, off_t length)
{
    int fd = do_open(AT_FDCWD, path, O_WRONLY | O_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    int r = ftruncate(fd, length);
    int saved = errno;
    close(fd);
    errno = saved;
    return r;
}

int W(truncate)(const char *path, off_t length)
{
    return do_truncate(path, length);
}

int W(truncate64)(const char *path, off_t length)
{
    return do_truncate(path, length);
}

/* The temporary-name functions fill in the template's Xs: the host
 * template is made, and its filled-in end copied back. */
#define VIEW_TEMPLATE(type, failed, tmpl, how, call)                          \
    do {                                                                      \
        if (!view_active())                                                   \
            return call(tmpl);                                                \
        char host_[PATH_MAX];                                                 \
        if (view_translate(tmpl, how, host_, sizeof host_) < 0)               \
            return failed;                                                    \
        size_t gl_ = strlen(tmpl), hl_ = strlen(host_), k_ = 0;               \
        while (k_ < gl_ && k_ < hl_ && tmpl[gl_ - 1 - k_] != '/')             \
            k_++;                                                             \
        type ret_ = call(host_);                                              \
        memcpy(tmpl + gl_ - k_, host_ + hl_ - k_, k_);                        \
        return ret_;                                                          \
    } while (0)

int W(mkstemp)(char *tmpl)
{
#define CALL(t) REAL(mkstemp)(t)
    VIEW_TEMPLATE(int, -1, tmpl, VIEW_WRITE, CALL);
#undef CALL
}

int W(mkstemps)(char *tmpl, int suffix)
{
#define CALL(t) REAL(mkstemps)(t, suffix)
    VIEW_TEMPLATE(int, -1, tmpl, VIEW_WRITE, CALL);
#undef CALL
}

int W(mkostemp)(char *tmpl, int flags)
{
#define CALL(t) REAL(mkostemp)(t, flags)
    VIEW_TEMPLATE(int, -1, tmpl, VIEW_WRITE, CALL);
#undef CALL
}

int W(mkostemps)(char *tmpl, int suffix, int flags)
{
#define CALL(t) REAL(mkostemps)(t, suffix, flags)
    VIEW_TEMPLATE(int, -1, tmpl, VIEW_WRITE, CALL);
#undef CALL
}

char *W(mkdtemp)(char *tmpl)
{
    if (!view_active())
        return REAL(mkdtemp)(tmpl);
    char host[PATH_MAX];
    if (view_translate(tmpl, VIEW_WRITE, host, sizeof host) < 0)
        return NULL;
    size_t gl = strlen(tmpl), hl = strlen(host), k = 0;
    while (k < gl && k < hl && tmpl[gl - 1 - k] != '/')
        k++;
    if (!REAL(mkdtemp)(host))
        return NULL;
    memcpy(tmpl + gl - k, host + hl - k, k);
    return tmpl;
}
