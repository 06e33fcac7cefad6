/* Anonymous pipes as host pipes: a read after every writer has closed
 * fails with ERROR_BROKEN_PIPE, as Windows reports it (ReadFile). */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "kernel32.spec.h"
#include "kernel32_private.h"
#include "lv/w32error.h"
#include "lv/w32file.h"

static HANDLE pipe_end(int fd, DWORD access, bool inherit)
{
    struct file_object *f = file_object_new(fd, access, NULL);
    if (!f) {
        close(fd);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    HANDLE h = handle_table_insert(&f->obj, inherit);
    object_release(&f->obj);
    return h;
}

BOOL WINAPI CreatePipe(HANDLE *read_end, HANDLE *write_end, SECURITY_ATTRIBUTES *sa,
                       DWORD size)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0)
        return w32_fail_errno();
    /* Windows rounds the size up as it likes; a larger host buffer keeps
     * a writer from blocking where the program expects room. */
    if (size > 65536)
        fcntl(fds[1], F_SETPIPE_SZ, (int)size);
    bool inherit = sa && sa->bInheritHandle;
    HANDLE r = pipe_end(fds[0], GENERIC_READ, inherit);
    if (!r) {
        close(fds[1]);
        return FALSE;
    }
    HANDLE w = pipe_end(fds[1], GENERIC_WRITE, inherit);
    if (!w) {
        CloseHandle(r);
        return FALSE;
    }
    *read_end = r;
    *write_end = w;
    return TRUE;
}

/* A copy of the first bytes in the pipe, left in it: tee(2) duplicates
 * them into a scratch pipe, from which they are read. */
static DWORD peek_bytes(int fd, void *buf, DWORD size)
{
    int tmp[2];
    if (pipe2(tmp, O_CLOEXEC | O_NONBLOCK) < 0)
        return 0;
    ssize_t n = tee(fd, tmp[1], size, SPLICE_F_NONBLOCK);
    DWORD got = 0;
    if (n > 0) {
        ssize_t r = read(tmp[0], buf, (size_t)n);
        got = r > 0 ? (DWORD)r : 0;
    }
    close(tmp[0]);
    close(tmp[1]);
    return got;
}

BOOL WINAPI PeekNamedPipe(HANDLE h, void *buf, DWORD size, DWORD *read_size,
                          DWORD *avail, DWORD *left)
{
    struct file_object *f = file_from_handle(h);
    if (!f)
        return FALSE;
    int fd = f->fd;
    if (!file_is_pipe(fd)) {
        object_release(&f->obj);
        SetLastError(ERROR_INVALID_FUNCTION);
        return FALSE;
    }
    int count = 0;
    ioctl(fd, FIONREAD, &count);
    if (count == 0) {
        struct pollfd p = { .fd = fd, .events = POLLIN };
        if (poll(&p, 1, 0) == 1 && (p.revents & POLLHUP)) {
            object_release(&f->obj);
            SetLastError(ERROR_BROKEN_PIPE);
            return FALSE;
        }
    }
    DWORD got = buf && size && count ? peek_bytes(fd, buf, size) : 0;
    object_release(&f->obj);
    if (read_size)
        *read_size = got;
    if (avail)
        *avail = (DWORD)count;
    if (left)
        *left = 0;
    return TRUE;
}
