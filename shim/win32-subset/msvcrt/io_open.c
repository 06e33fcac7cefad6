/* _open and its family: O_* flags and share modes to CreateFileW. */
#include <stdlib.h>
#include "kernel32.spec.h"
#include "msvcrt.spec.h"
#include "stdio_private.h"

static int umask_value;

static DWORD share_mode(int shflag)
{
    switch (shflag) {
    case MSVCRT_SH_DENYRW: return 0;
    case MSVCRT_SH_DENYWR: return FILE_SHARE_READ;
    case MSVCRT_SH_DENYRD: return FILE_SHARE_WRITE;
    default: return FILE_SHARE_READ | FILE_SHARE_WRITE;
    }
}

static DWORD disposition(int oflag)
{
    if (oflag & MSVCRT_O_CREAT) {
        if (oflag & MSVCRT_O_EXCL)
            return CREATE_NEW;
        return (oflag & MSVCRT_O_TRUNC) ? CREATE_ALWAYS : OPEN_ALWAYS;
    }
    return (oflag & MSVCRT_O_TRUNC) ? TRUNCATE_EXISTING : OPEN_EXISTING;
}

static int wsopen(int *pfd, const WCHAR *path, int oflag, int shflag, int pmode)
{
    static const DWORD access_of[4] = { GENERIC_READ, GENERIC_WRITE,
                                        GENERIC_READ | GENERIC_WRITE, 0 };
    *pfd = -1;
    if (!path || (oflag & MSVCRT_O_ACCMODE) == MSVCRT_O_ACCMODE) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    DWORD attrs = FILE_ATTRIBUTE_NORMAL;
    if ((oflag & MSVCRT_O_CREAT) && !(pmode & ~umask_value & MSVCRT_S_IWRITE))
        attrs = FILE_ATTRIBUTE_READONLY;
    if (oflag & MSVCRT_O_TEMPORARY)
        attrs |= FILE_FLAG_DELETE_ON_CLOSE;
    SECURITY_ATTRIBUTES sa = { sizeof sa, NULL, !(oflag & MSVCRT_O_NOINHERIT) };
    HANDLE h = CreateFileW(path, access_of[oflag & MSVCRT_O_ACCMODE], share_mode(shflag),
                           &sa, disposition(oflag), attrs, NULL);
    if (h == INVALID_HANDLE_VALUE) {
        msvcrt_set_errno_from_win32(GetLastError());
        return *msvcrt_errno_location();
    }
    enum fd_textmode mode;
    unsigned flags = msvcrt_fd_mode_flags(oflag, &mode);
    if (oflag & MSVCRT_O_APPEND)
        flags |= FD_APPEND;
    int fd = msvcrt_fd_alloc(h, flags);
    if (fd < 0) {
        CloseHandle(h);
        return MSVCRT_EMFILE;
    }
    struct fd_entry *e = msvcrt_fd_lock(fd);
    e->textmode = mode;
    msvcrt_fd_unlock(e);
    *pfd = fd;
    return 0;
}

static int asopen(int *pfd, const char *path, int oflag, int shflag, int pmode)
{
    if (!path) {
        *pfd = -1;
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    WCHAR *w = msvcrt_a_to_w(path);
    if (!w) {
        *pfd = -1;
        return MSVCRT_ENOMEM;
    }
    int err = wsopen(pfd, w, oflag, shflag, pmode);
    free(w);
    return err;
}

static int opt_pmode(int oflag, MSVCRT_va_list ap)
{
    return (oflag & MSVCRT_O_CREAT) ? __builtin_va_arg(ap, int) : 0;
}

int CDECL msvcrt__wsopen_s(int *pfd, const WCHAR *path, int oflag, int shflag, int pmode)
{
    if (!pfd) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    return wsopen(pfd, path, oflag, shflag, pmode);
}

int CDECL msvcrt__sopen_s(int *pfd, const char *path, int oflag, int shflag, int pmode)
{
    if (!pfd) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    return asopen(pfd, path, oflag, shflag, pmode);
}

int CDECL msvcrt__wsopen(const WCHAR *path, int oflag, int shflag, ...)
{
    MSVCRT_va_list ap;
    __builtin_ms_va_start(ap, shflag);
    int fd, pmode = opt_pmode(oflag, ap);
    __builtin_ms_va_end(ap);
    wsopen(&fd, path, oflag, shflag, pmode);
    return fd;
}

int CDECL msvcrt__sopen(const char *path, int oflag, int shflag, ...)
{
    MSVCRT_va_list ap;
    __builtin_ms_va_start(ap, shflag);
    int fd, pmode = opt_pmode(oflag, ap);
    __builtin_ms_va_end(ap);
    asopen(&fd, path, oflag, shflag, pmode);
    return fd;
}

int CDECL msvcrt__wopen(const WCHAR *path, int oflag, ...)
{
    MSVCRT_va_list ap;
    __builtin_ms_va_start(ap, oflag);
    int fd, pmode = opt_pmode(oflag, ap);
    __builtin_ms_va_end(ap);
    wsopen(&fd, path, oflag, MSVCRT_SH_DENYNO, pmode);
    return fd;
}

int CDECL msvcrt__open(const char *path, int oflag, ...)
{
    MSVCRT_va_list ap;
    __builtin_ms_va_start(ap, oflag);
    int fd, pmode = opt_pmode(oflag, ap);
    __builtin_ms_va_end(ap);
    asopen(&fd, path, oflag, MSVCRT_SH_DENYNO, pmode);
    return fd;
}

int CDECL msvcrt__wcreat(const WCHAR *path, int pmode)
{
    int fd;
    wsopen(&fd, path, MSVCRT_O_CREAT | MSVCRT_O_TRUNC | MSVCRT_O_RDWR, MSVCRT_SH_DENYNO, pmode);
    return fd;
}

int CDECL msvcrt__creat(const char *path, int pmode)
{
    int fd;
    asopen(&fd, path, MSVCRT_O_CREAT | MSVCRT_O_TRUNC | MSVCRT_O_RDWR, MSVCRT_SH_DENYNO, pmode);
    return fd;
}

int CDECL msvcrt__umask(int mode)
{
    int old = umask_value;
    umask_value = mode & (MSVCRT_S_IREAD | MSVCRT_S_IWRITE);
    return old;
}

int CDECL msvcrt__umask_s(int mode, int *old)
{
    if (!old || (mode & ~(MSVCRT_S_IREAD | MSVCRT_S_IWRITE))) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    *old = msvcrt__umask(mode);
    return 0;
}
