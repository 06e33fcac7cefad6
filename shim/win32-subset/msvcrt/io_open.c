/* _open and its family: O_* flags and share modes to CreateFileW. */
#include <stdlib.h>
#include <string.h>
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

/* The Unicode text modes mark a new file with a BOM, and take the
 * encoding of an existing one from its BOM. */
static void unicode_bom(struct fd_entry *e, int oflag)
{
    static const unsigned char utf8[3] = { 0xEF, 0xBB, 0xBF }, utf16[2] = { 0xFF, 0xFE };
    int64_t size = msvcrt_fd_seek(e, 0, MSVCRT_SEEK_END);
    if (size < 0)
        return;
    DWORD done;
    if (!size && (oflag & MSVCRT_O_ACCMODE) != MSVCRT_O_RDONLY) {
        if (e->textmode == FD_UTF8)
            WriteFile(e->handle, utf8, sizeof utf8, &done, NULL);
        else
            WriteFile(e->handle, utf16, sizeof utf16, &done, NULL);
        return;
    }
    unsigned char bom[3] = { 0 };
    msvcrt_fd_seek(e, 0, MSVCRT_SEEK_SET);
    if (!size || (oflag & MSVCRT_O_ACCMODE) == MSVCRT_O_WRONLY
        || !ReadFile(e->handle, bom, sizeof bom, &done, NULL))
        return;
    int64_t skip = 0;
    if (done == 3 && !memcmp(bom, utf8, 3)) {
        e->textmode = FD_UTF8;
        skip = 3;
    } else if (done >= 2 && !memcmp(bom, utf16, 2)) {
        e->textmode = FD_UTF16LE;
        skip = 2;
    }
    msvcrt_fd_seek(e, skip, MSVCRT_SEEK_SET);
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
    if ((flags & FD_TEXT) && mode != FD_ANSI && !(e->flags & (FD_DEV | FD_PIPE)))
        unicode_bom(e, oflag);
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
