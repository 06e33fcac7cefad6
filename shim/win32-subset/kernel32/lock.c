/* Byte-range locks: LockFile(Ex)/UnlockFile(Ex) over host open-file-
 * description locks, which exclude other handles and other processes as
 * Windows locks do. Windows also refuses a handle's second lock over a
 * range it already holds exclusively, and an unlock that names no lock
 * exactly: the ranges each handle holds are kept for that. Host locks are
 * advisory: reads and writes through other handles are not refused, as
 * Windows' mandatory locks would. An exclusive lock through a read-only
 * handle (allowed on Windows, not by the host) is taken on a second
 * description of the same file opened for writing. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "kernel32.spec.h"
#include "kernel32_private.h"
#include "lv/w32error.h"

#define LOCKFILE_FAIL_IMMEDIATELY 1
#define LOCKFILE_EXCLUSIVE_LOCK 2

struct range {
    uint64_t off, len;
    bool exclusive;
    int fd;
};

struct file_locks {
    pthread_mutex_t lock;
    struct range *ranges;
    size_t count;
    int other_fd;   /* the second description, or -1 */
};

static pthread_mutex_t g_create = PTHREAD_MUTEX_INITIALIZER;

static struct file_locks *locks_of(struct file_object *f)
{
    pthread_mutex_lock(&g_create);
    if (!f->locks) {
        struct file_locks *l = calloc(1, sizeof *l);
        if (l) {
            pthread_mutex_init(&l->lock, NULL);
            l->other_fd = -1;
        }
        f->locks = l;
    }
    pthread_mutex_unlock(&g_create);
    return f->locks;
}

void file_locks_free(struct file_object *f)
{
    struct file_locks *l = f->locks;
    if (!l)
        return;
    if (l->other_fd >= 0)
        close(l->other_fd);
    free(l->ranges);
    pthread_mutex_destroy(&l->lock);
    free(l);
}

static bool overlaps(const struct range *r, uint64_t off, uint64_t len)
{
    return off < r->off + r->len && r->off < off + len;
}

/* The fd whose access mode allows this lock type. */
static int lock_fd(struct file_object *f, struct file_locks *l, bool exclusive)
{
    int mode = fcntl(f->fd, F_GETFL) & O_ACCMODE;
    if (exclusive ? mode != O_RDONLY : mode != O_WRONLY)
        return f->fd;
    if (l->other_fd < 0) {
        char proc[64];
        snprintf(proc, sizeof proc, "/proc/self/fd/%d", f->fd);
        l->other_fd = open(proc, O_RDWR | O_CLOEXEC);
    }
    return l->other_fd;
}

static void clamp(uint64_t *off, uint64_t *len)
{
    if (*off > INT64_MAX)
        *off = INT64_MAX;
    if (*len > (uint64_t)INT64_MAX - *off)
        *len = (uint64_t)INT64_MAX - *off;
}

static BOOL lock_range(HANDLE h, uint64_t off, uint64_t len, bool exclusive, bool wait)
{
    struct file_object *f = file_from_handle(h);
    if (!f)
        return FALSE;
    struct file_locks *l = locks_of(f);
    DWORD err = ERROR_SUCCESS;
    clamp(&off, &len);
    if (!l) {
        err = ERROR_NOT_ENOUGH_MEMORY;
        goto out;
    }
    pthread_mutex_lock(&l->lock);
    for (size_t i = 0; i < l->count; i++)
        if (len && overlaps(&l->ranges[i], off, len) && (exclusive || l->ranges[i].exclusive))
            err = ERROR_LOCK_VIOLATION;
    int fd = err ? -1 : lock_fd(f, l, exclusive);
    if (!err && fd < 0)
        err = ERROR_ACCESS_DENIED;
    if (!err && len) {
        struct flock fl = { .l_type = exclusive ? F_WRLCK : F_RDLCK, .l_whence = SEEK_SET,
                            .l_start = (off_t)off, .l_len = (off_t)len };
        int r;
        do
            r = fcntl(fd, wait ? F_OFD_SETLKW : F_OFD_SETLK, &fl);
        while (r && errno == EINTR);
        if (r)
            err = errno == EAGAIN || errno == EACCES ? ERROR_LOCK_VIOLATION
                                                     : w32_error_from_errno(errno);
    }
    if (!err) {
        struct range *n = realloc(l->ranges, (l->count + 1) * sizeof *n);
        if (n) {
            l->ranges = n;
            n[l->count++] = (struct range){ off, len, exclusive, fd };
        }
    }
    pthread_mutex_unlock(&l->lock);
out:
    object_release(&f->obj);
    if (err) {
        SetLastError(err);
        return FALSE;
    }
    return TRUE;
}

static BOOL unlock_range(HANDLE h, uint64_t off, uint64_t len)
{
    struct file_object *f = file_from_handle(h);
    if (!f)
        return FALSE;
    struct file_locks *l = f->locks;
    DWORD err = ERROR_NOT_LOCKED;
    clamp(&off, &len);
    if (l) {
        pthread_mutex_lock(&l->lock);
        for (size_t i = 0; i < l->count; i++) {
            struct range *r = &l->ranges[i];
            if (r->off != off || r->len != len)
                continue;
            if (len) {
                struct flock fl = { .l_type = F_UNLCK, .l_whence = SEEK_SET,
                                    .l_start = (off_t)off, .l_len = (off_t)len };
                fcntl(r->fd, F_OFD_SETLK, &fl);
            }
            *r = l->ranges[--l->count];
            err = ERROR_SUCCESS;
            break;
        }
        pthread_mutex_unlock(&l->lock);
    }
    object_release(&f->obj);
    if (err) {
        SetLastError(err);
        return FALSE;
    }
    return TRUE;
}

static uint64_t offset_of(const OVERLAPPED *ov)
{
    return ((uint64_t)ov->u.s.OffsetHigh << 32) | ov->u.s.Offset;
}

BOOL WINAPI LockFileEx(HANDLE h, DWORD flags, DWORD reserved, DWORD len_low, DWORD len_high,
                       OVERLAPPED *ov)
{
    if (reserved || !ov) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    BOOL ok = lock_range(h, offset_of(ov), ((uint64_t)len_high << 32) | len_low,
                         flags & LOCKFILE_EXCLUSIVE_LOCK, !(flags & LOCKFILE_FAIL_IMMEDIATELY));
    ov->Internal = ok ? 0 : 0xC0000054; /* STATUS_FILE_LOCK_CONFLICT */
    if (ok && ov->hEvent)
        SetEvent(ov->hEvent);
    return ok;
}

BOOL WINAPI UnlockFileEx(HANDLE h, DWORD reserved, DWORD len_low, DWORD len_high,
                         OVERLAPPED *ov)
{
    if (reserved || !ov) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return unlock_range(h, offset_of(ov), ((uint64_t)len_high << 32) | len_low);
}

BOOL WINAPI LockFile(HANDLE h, DWORD off_low, DWORD off_high, DWORD len_low, DWORD len_high)
{
    return lock_range(h, ((uint64_t)off_high << 32) | off_low,
                      ((uint64_t)len_high << 32) | len_low, true, false);
}

BOOL WINAPI UnlockFile(HANDLE h, DWORD off_low, DWORD off_high, DWORD len_low, DWORD len_high)
{
    return unlock_range(h, ((uint64_t)off_high << 32) | off_low,
                        ((uint64_t)len_high << 32) | len_low);
}
