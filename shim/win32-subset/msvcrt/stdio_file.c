/* Opening and closing streams: fopen's mode strings, fdopen, freopen. */
#include <stdlib.h>
#include "msvcrt.spec.h"
#include "stdio_private.h"

static bool wstr_starts(const WCHAR *s, const char *prefix)
{
    for (; *prefix; s++, prefix++) {
        WCHAR c = *s >= 'a' && *s <= 'z' ? *s - 32 : *s;
        if (c != (WCHAR)*prefix)
            return false;
    }
    return true;
}

static bool parse_ccs(const WCHAR *p, int *oflag)
{
    while (*p == ' ')
        p++;
    if (!wstr_starts(p, "CCS="))
        return false;
    p += 4;
    if (wstr_starts(p, "UTF-8"))
        *oflag |= MSVCRT_O_U8TEXT;
    else if (wstr_starts(p, "UTF-16LE"))
        *oflag |= MSVCRT_O_U16TEXT;
    else if (wstr_starts(p, "UNICODE"))
        *oflag |= MSVCRT_O_WTEXT;
    else
        return false;
    return true;
}

bool msvcrt_stream_parse_mode(const WCHAR *mode, int *oflag, int *sflag)
{
    const WCHAR *p = mode;
    while (*p == ' ')
        p++;
    switch (*p) {
    case 'r':
        *oflag = MSVCRT_O_RDONLY;
        *sflag = MSVCRT_IOREAD;
        break;
    case 'w':
        *oflag = MSVCRT_O_WRONLY | MSVCRT_O_CREAT | MSVCRT_O_TRUNC;
        *sflag = MSVCRT_IOWRT;
        break;
    case 'a':
        *oflag = MSVCRT_O_WRONLY | MSVCRT_O_CREAT | MSVCRT_O_APPEND;
        *sflag = MSVCRT_IOWRT;
        break;
    default:
        msvcrt_set_errno(MSVCRT_EINVAL);
        return false;
    }
    for (p++; *p && *p != ','; p++) {
        switch (*p) {
        case '+':
            *oflag = (*oflag & ~MSVCRT_O_ACCMODE) | MSVCRT_O_RDWR;
            *sflag = MSVCRT_IORW;
            break;
        case 't':
            *oflag |= MSVCRT_O_TEXT;
            break;
        case 'b':
            *oflag |= MSVCRT_O_BINARY;
            break;
        case 'D':
            *oflag |= MSVCRT_O_TEMPORARY;
            break;
        case 'N':
            *oflag |= MSVCRT_O_NOINHERIT;
            break;
        case 'c': case 'n': case 'S': case 'R': case 'T': case ' ':
            break;
        default:
            msvcrt_set_errno(MSVCRT_EINVAL);
            return false;
        }
    }
    if ((*oflag & MSVCRT_O_TEXT) && (*oflag & MSVCRT_O_BINARY)) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return false;
    }
    if (*p == ',' && !parse_ccs(p + 1, oflag)) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return false;
    }
    return true;
}

static WCHAR *mode_to_w(const char *mode)
{
    return mode ? msvcrt_a_to_w(mode) : NULL;
}

static MSVCRT_FILE *wfsopen(const WCHAR *path, const WCHAR *mode, int share)
{
    int oflag, sflag;
    if (!path || !mode || !*path) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return NULL;
    }
    if (!msvcrt_stream_parse_mode(mode, &oflag, &sflag))
        return NULL;
    int fd = msvcrt__wsopen(path, oflag, share, MSVCRT_S_IREAD | MSVCRT_S_IWRITE);
    if (fd < 0)
        return NULL;
    MSVCRT_FILE *f = msvcrt_stream_open_fd(fd, sflag);
    if (!f)
        msvcrt__close(fd);
    return f;
}

MSVCRT_FILE *CDECL msvcrt__wfsopen(const WCHAR *path, const WCHAR *mode, int share)
{
    return wfsopen(path, mode, share);
}

MSVCRT_FILE *CDECL msvcrt__fsopen(const char *path, const char *mode, int share)
{
    WCHAR *wpath = msvcrt_a_to_w(path), *wmode = mode_to_w(mode);
    MSVCRT_FILE *f = wfsopen(wpath, wmode, share);
    free(wpath);
    free(wmode);
    return f;
}

MSVCRT_FILE *CDECL msvcrt__wfopen(const WCHAR *path, const WCHAR *mode)
{
    return wfsopen(path, mode, MSVCRT_SH_DENYNO);
}

MSVCRT_FILE *CDECL msvcrt_fopen(const char *path, const char *mode)
{
    return msvcrt__fsopen(path, mode, MSVCRT_SH_DENYNO);
}

int CDECL msvcrt__wfopen_s(MSVCRT_FILE **pf, const WCHAR *path, const WCHAR *mode)
{
    if (!pf || !path || !mode) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    *pf = wfsopen(path, mode, MSVCRT_SH_DENYNO);
    return *pf ? 0 : *msvcrt_errno_location();
}

int CDECL msvcrt_fopen_s(MSVCRT_FILE **pf, const char *path, const char *mode)
{
    if (!pf || !path || !mode) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    *pf = msvcrt__fsopen(path, mode, MSVCRT_SH_DENYNO);
    return *pf ? 0 : *msvcrt_errno_location();
}

MSVCRT_FILE *CDECL msvcrt__wfdopen(int fd, const WCHAR *mode)
{
    int oflag, sflag;
    if (!mode) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return NULL;
    }
    if (!msvcrt_stream_parse_mode(mode, &oflag, &sflag))
        return NULL;
    struct fd_entry *e = msvcrt_fd_lock(fd);
    if (!e)
        return NULL;
    if (oflag & MSVCRT_O_MODES) {
        e->flags &= ~FD_TEXT;
        e->flags |= msvcrt_fd_mode_flags(oflag, &e->textmode);
    }
    if (oflag & MSVCRT_O_APPEND)
        e->flags |= FD_APPEND;
    msvcrt_fd_unlock(e);
    return msvcrt_stream_open_fd(fd, sflag);
}

MSVCRT_FILE *CDECL msvcrt__fdopen(int fd, const char *mode)
{
    WCHAR *wmode = mode_to_w(mode);
    MSVCRT_FILE *f = msvcrt__wfdopen(fd, wmode);
    free(wmode);
    return f;
}

static bool in_use(MSVCRT_FILE *f)
{
    return f && (f->_flag & (MSVCRT_IOREAD | MSVCRT_IOWRT | MSVCRT_IORW));
}

int CDECL msvcrt_fclose(MSVCRT_FILE *f)
{
    if (!f) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EOF;
    }
    msvcrt_stream_lock(f);
    int ret = MSVCRT_EOF;
    if (in_use(f))
        ret = msvcrt_stream_close(f);
    else
        msvcrt_set_errno(MSVCRT_EINVAL);
    msvcrt_stream_unlock(f);
    return ret;
}

static int close_user_stream(MSVCRT_FILE *f)
{
    if (f >= msvcrt__iob && f < msvcrt__iob + 3)
        return 0;
    msvcrt_stream_close(f);
    return 1;
}

int CDECL msvcrt__fcloseall(void)
{
    return msvcrt_stream_each(close_user_stream);
}

MSVCRT_FILE *CDECL msvcrt__wfreopen(const WCHAR *path, const WCHAR *mode, MSVCRT_FILE *f)
{
    int oflag, sflag;
    if (!path || !mode || !f) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return NULL;
    }
    msvcrt_stream_lock(f);
    if (in_use(f))
        msvcrt_stream_close(f);
    MSVCRT_FILE *ret = NULL;
    if (msvcrt_stream_parse_mode(mode, &oflag, &sflag)) {
        int fd = msvcrt__wsopen(path, oflag, MSVCRT_SH_DENYNO,
                                MSVCRT_S_IREAD | MSVCRT_S_IWRITE);
        if (fd >= 0) {
            msvcrt_stream_init(f, fd, sflag);
            ret = f;
        }
    }
    msvcrt_stream_unlock(f);
    return ret;
}

MSVCRT_FILE *CDECL msvcrt_freopen(const char *path, const char *mode, MSVCRT_FILE *f)
{
    WCHAR *wpath = msvcrt_a_to_w(path), *wmode = mode_to_w(mode);
    MSVCRT_FILE *ret = msvcrt__wfreopen(wpath, wmode, f);
    free(wpath);
    free(wmode);
    return ret;
}

int CDECL msvcrt__wfreopen_s(MSVCRT_FILE **pf, const WCHAR *path, const WCHAR *mode,
                             MSVCRT_FILE *f)
{
    if (!pf) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    *pf = msvcrt__wfreopen(path, mode, f);
    return *pf ? 0 : *msvcrt_errno_location();
}

int CDECL msvcrt_freopen_s(MSVCRT_FILE **pf, const char *path, const char *mode,
                           MSVCRT_FILE *f)
{
    if (!pf) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    *pf = msvcrt_freopen(path, mode, f);
    return *pf ? 0 : *msvcrt_errno_location();
}

int CDECL msvcrt_fflush(MSVCRT_FILE *f)
{
    if (!f) {
        msvcrt_stdio_flush_all();
        return 0;
    }
    msvcrt_stream_lock(f);
    int ret = msvcrt_stream_flush(f);
    msvcrt_stream_unlock(f);
    return ret;
}

static int flush_counting(MSVCRT_FILE *f)
{
    if (f->_flag & MSVCRT_IOWRT)
        msvcrt_stream_flush(f);
    return 1;
}

int CDECL msvcrt__flushall(void)
{
    return msvcrt_stream_each(flush_counting);
}

int CDECL msvcrt__fileno(MSVCRT_FILE *f)
{
    if (!f) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    return f->_file;
}

int CDECL msvcrt_setvbuf(MSVCRT_FILE *f, char *buf, int mode, size_t size)
{
    if (!f || (mode != MSVCRT_IONBF && (size < 2 || size > INT32_MAX))
        || (mode != MSVCRT_IONBF && mode != MSVCRT_IOFBF && mode != MSVCRT_IOLBF)) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    msvcrt_stream_lock(f);
    msvcrt_stream_flush(f);
    if (f->_flag & MSVCRT_IOMYBUF)
        free(f->_base);
    f->_flag &= ~(MSVCRT_IONBF | MSVCRT_IOMYBUF | MSVCRT_IOYOURBUF);
    f->_cnt = 0;
    if (mode == MSVCRT_IONBF) {
        f->_flag |= MSVCRT_IONBF;
        f->_base = (char *)&f->_charbuf;
        f->_bufsiz = 2;
    } else if (buf) {
        f->_flag |= MSVCRT_IOYOURBUF;
        f->_base = buf;
        f->_bufsiz = (int)(size & ~(size_t)1);
    } else {
        f->_base = malloc(size);
        if (!f->_base) {
            f->_flag |= MSVCRT_IONBF;
            f->_base = (char *)&f->_charbuf;
            f->_bufsiz = 2;
        } else {
            f->_flag |= MSVCRT_IOMYBUF;
            f->_bufsiz = (int)size;
        }
    }
    f->_ptr = f->_base;
    msvcrt_stream_state(f)->flags &= ~STREAM_CALL_FLUSH;
    msvcrt_stream_unlock(f);
    return 0;
}

void CDECL msvcrt_setbuf(MSVCRT_FILE *f, char *buf)
{
    msvcrt_setvbuf(f, buf, buf ? MSVCRT_IOFBF : MSVCRT_IONBF, MSVCRT_BUFSIZ);
}

void CDECL msvcrt__lock_file(MSVCRT_FILE *f)
{
    msvcrt_stream_lock(f);
}

void CDECL msvcrt__unlock_file(MSVCRT_FILE *f)
{
    msvcrt_stream_unlock(f);
}

MSVCRT_FILE *CDECL msvcrt___iob_func(void)
{
    return msvcrt__iob;
}

int *CDECL msvcrt___p__commode(void)
{
    return &msvcrt__commode;
}

int CDECL msvcrt__getmaxstdio(void)
{
    return 512;
}
