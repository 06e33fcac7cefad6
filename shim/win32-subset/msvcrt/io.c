/* The low-level io layer's fd table: small ints over Win32 handles, as
 * the CRT keeps them, with the text-mode state of each. */
#include <stdlib.h>
#include "kernel32.spec.h"
#include "msvcrt.spec.h"
#include "stdio_private.h"

#define CP_ACP 0
#define DUPLICATE_SAME_ACCESS 2

/* Locks initialized statically (a GCC range initializer): start-up does
 * not pay for 2048 mutexes. */
static struct fd_entry fd_table[MSVCRT_MAX_FDS] = {
    [0 ... MSVCRT_MAX_FDS - 1] = { .lock = PTHREAD_RECURSIVE_MUTEX_INITIALIZER_NP },
};
static pthread_mutex_t fd_table_lock = PTHREAD_MUTEX_INITIALIZER;

int msvcrt__fmode;

WCHAR *msvcrt_a_to_w(const char *s)
{
    if (!s)
        return NULL;
    int n = MultiByteToWideChar(CP_ACP, 0, s, -1, NULL, 0);
    WCHAR *w = malloc((n ? n : 1) * sizeof(WCHAR));
    if (!w) {
        msvcrt_set_errno(MSVCRT_ENOMEM);
        return NULL;
    }
    w[0] = 0;
    MultiByteToWideChar(CP_ACP, 0, s, -1, w, n);
    return w;
}

char *msvcrt_w_to_a(const WCHAR *s)
{
    int n = WideCharToMultiByte(CP_ACP, 0, s, -1, NULL, 0, NULL, NULL);
    char *a = malloc(n ? n : 1);
    if (!a) {
        msvcrt_set_errno(MSVCRT_ENOMEM);
        return NULL;
    }
    a[0] = 0;
    WideCharToMultiByte(CP_ACP, 0, s, -1, a, n, NULL, NULL);
    return a;
}

static unsigned type_flags(HANDLE h)
{
    switch (GetFileType(h)) {
    case FILE_TYPE_CHAR: return FD_DEV;
    case FILE_TYPE_PIPE: return FD_PIPE;
    default: return 0;
    }
}

static void fd_set_entry(int fd, HANDLE h, unsigned flags, enum fd_textmode mode)
{
    struct fd_entry *e = &fd_table[fd];
    e->handle = h;
    e->flags = flags | FD_OPEN | type_flags(h);
    e->textmode = mode;
    e->peek = -1;
}

int msvcrt_fd_alloc(HANDLE h, unsigned flags)
{
    enum fd_textmode mode = FD_ANSI;
    pthread_mutex_lock(&fd_table_lock);
    for (int fd = 0; fd < MSVCRT_MAX_FDS; fd++) {
        if (fd_table[fd].flags & FD_OPEN)
            continue;
        fd_set_entry(fd, h, flags, mode);
        pthread_mutex_unlock(&fd_table_lock);
        return fd;
    }
    pthread_mutex_unlock(&fd_table_lock);
    msvcrt_set_errno(MSVCRT_EMFILE);
    return -1;
}

struct fd_entry *msvcrt_fd_lock(int fd)
{
    if (fd < 0 || fd >= MSVCRT_MAX_FDS) {
        msvcrt_set_errno(MSVCRT_EBADF);
        return NULL;
    }
    struct fd_entry *e = &fd_table[fd];
    pthread_mutex_lock(&e->lock);
    if (!(e->flags & FD_OPEN)) {
        pthread_mutex_unlock(&e->lock);
        msvcrt_set_errno(MSVCRT_EBADF);
        return NULL;
    }
    return e;
}

void msvcrt_fd_unlock(struct fd_entry *e)
{
    pthread_mutex_unlock(&e->lock);
}

unsigned msvcrt_fd_mode_flags(int oflag, enum fd_textmode *mode)
{
    *mode = FD_ANSI;
    if (oflag & MSVCRT_O_U8TEXT)
        *mode = FD_UTF8;
    else if (oflag & (MSVCRT_O_U16TEXT | MSVCRT_O_WTEXT))
        *mode = FD_UTF16LE;
    if (oflag & (MSVCRT_O_TEXT | MSVCRT_O_U8TEXT | MSVCRT_O_U16TEXT | MSVCRT_O_WTEXT))
        return FD_TEXT;
    if (oflag & MSVCRT_O_BINARY)
        return 0;
    return (msvcrt__fmode & MSVCRT_O_BINARY) ? 0 : FD_TEXT;
}

void msvcrt_io_init(void)
{
    static const DWORD std[3] = { STD_INPUT_HANDLE, STD_OUTPUT_HANDLE, STD_ERROR_HANDLE };
    for (int fd = 0; fd < 3; fd++) {
        HANDLE h = GetStdHandle(std[fd]);
        if (h && h != INVALID_HANDLE_VALUE)
            fd_set_entry(fd, h, FD_TEXT, FD_ANSI);
    }
}

int CDECL msvcrt__open_osfhandle(intptr_t handle, int oflag)
{
    enum fd_textmode mode;
    unsigned flags = msvcrt_fd_mode_flags(oflag, &mode);
    if (oflag & MSVCRT_O_APPEND)
        flags |= FD_APPEND;
    if (GetFileType((HANDLE)handle) == FILE_TYPE_UNKNOWN) {
        msvcrt_set_errno(MSVCRT_EBADF);
        return -1;
    }
    int fd = msvcrt_fd_alloc((HANDLE)handle, flags);
    if (fd >= 0)
        fd_table[fd].textmode = mode;
    return fd;
}

intptr_t CDECL msvcrt__get_osfhandle(int fd)
{
    struct fd_entry *e = msvcrt_fd_lock(fd);
    if (!e)
        return -1;
    HANDLE h = e->handle;
    msvcrt_fd_unlock(e);
    return (intptr_t)h;
}

int CDECL msvcrt__close(int fd)
{
    struct fd_entry *e = msvcrt_fd_lock(fd);
    if (!e)
        return -1;
    BOOL ok = CloseHandle(e->handle);
    DWORD err = GetLastError();
    e->flags = 0;
    e->handle = INVALID_HANDLE_VALUE;
    msvcrt_fd_unlock(e);
    if (!ok) {
        msvcrt_set_errno_from_win32(err);
        return -1;
    }
    return 0;
}

static HANDLE dup_handle(HANDLE h)
{
    HANDLE process = GetCurrentProcess(), out;
    if (!DuplicateHandle(process, h, process, &out, 0, TRUE, DUPLICATE_SAME_ACCESS)) {
        msvcrt_set_errno_from_win32(GetLastError());
        return NULL;
    }
    return out;
}

int CDECL msvcrt__dup(int fd)
{
    struct fd_entry *e = msvcrt_fd_lock(fd);
    if (!e)
        return -1;
    unsigned flags = e->flags & (FD_TEXT | FD_APPEND);
    enum fd_textmode mode = e->textmode;
    HANDLE h = dup_handle(e->handle);
    msvcrt_fd_unlock(e);
    if (!h)
        return -1;
    int nfd = msvcrt_fd_alloc(h, flags);
    if (nfd < 0) {
        CloseHandle(h);
        return -1;
    }
    fd_table[nfd].textmode = mode;
    return nfd;
}

int CDECL msvcrt__dup2(int fd, int target)
{
    if (target < 0 || target >= MSVCRT_MAX_FDS) {
        msvcrt_set_errno(MSVCRT_EBADF);
        return -1;
    }
    struct fd_entry *e = msvcrt_fd_lock(fd);
    if (!e)
        return -1;
    if (fd == target) {
        msvcrt_fd_unlock(e);
        return 0;
    }
    unsigned flags = e->flags & (FD_TEXT | FD_APPEND);
    enum fd_textmode mode = e->textmode;
    HANDLE h = dup_handle(e->handle);
    msvcrt_fd_unlock(e);
    if (!h)
        return -1;
    pthread_mutex_lock(&fd_table_lock);
    struct fd_entry *t = &fd_table[target];
    pthread_mutex_lock(&t->lock);
    if (t->flags & FD_OPEN)
        CloseHandle(t->handle);
    fd_set_entry(target, h, flags, mode);
    pthread_mutex_unlock(&t->lock);
    pthread_mutex_unlock(&fd_table_lock);
    if (target <= 2)
        SetStdHandle(target == 0 ? STD_INPUT_HANDLE
                     : target == 1 ? STD_OUTPUT_HANDLE : STD_ERROR_HANDLE, h);
    return 0;
}

int CDECL msvcrt__setmode(int fd, int mode)
{
    int text = mode & ~MSVCRT_O_BINARY;
    if ((mode & MSVCRT_O_MODES) != mode || (text && (text & (text - 1)))
        || (text && (mode & MSVCRT_O_BINARY)) || !mode) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    struct fd_entry *e = msvcrt_fd_lock(fd);
    if (!e)
        return -1;
    int old = !(e->flags & FD_TEXT) ? MSVCRT_O_BINARY
              : e->textmode == FD_UTF8 ? MSVCRT_O_U8TEXT
              : e->textmode == FD_UTF16LE ? MSVCRT_O_U16TEXT : MSVCRT_O_TEXT;
    e->flags &= ~FD_TEXT;
    e->flags |= msvcrt_fd_mode_flags(mode, &e->textmode);
    msvcrt_fd_unlock(e);
    return old;
}

int CDECL msvcrt__isatty(int fd)
{
    struct fd_entry *e = msvcrt_fd_lock(fd);
    if (!e)
        return 0;
    int dev = (e->flags & FD_DEV) != 0;
    msvcrt_fd_unlock(e);
    return dev ? FD_DEV : 0;
}

int *CDECL msvcrt___p__fmode(void)
{
    return &msvcrt__fmode;
}

int CDECL msvcrt__set_fmode(int mode)
{
    if (mode != MSVCRT_O_TEXT && mode != MSVCRT_O_BINARY && mode != MSVCRT_O_WTEXT) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    msvcrt__fmode = mode;
    return 0;
}

int CDECL msvcrt__get_fmode(int *mode)
{
    if (!mode) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    *mode = msvcrt__fmode;
    return 0;
}
