/* Stream positions. In text mode the buffer holds LF where the file has
 * CRLF, so each LF buffered counts two bytes of the file. */
#include "msvcrt.spec.h"
#include "stdio_private.h"

static bool is_text(MSVCRT_FILE *f)
{
    struct fd_entry *e = msvcrt_fd_lock(f->_file);
    if (!e)
        return false;
    bool text = (e->flags & FD_TEXT) && e->textmode == FD_ANSI;
    msvcrt_fd_unlock(e);
    return text;
}

static int64_t count_lf(const char *p, int n)
{
    int64_t lf = 0;
    for (int i = 0; i < n; i++)
        lf += p[i] == '\n';
    return lf;
}

static int64_t tell_locked(MSVCRT_FILE *f)
{
    int64_t pos = msvcrt__telli64(f->_file);
    if (pos < 0 || !f->_base)
        return pos;
    bool text = is_text(f);
    if (f->_flag & MSVCRT_IOWRT) {
        int n = f->_ptr - f->_base;
        pos += n + (text ? count_lf(f->_base, n) : 0);
    } else if ((f->_flag & MSVCRT_IOREAD) && f->_cnt > 0) {
        pos -= f->_cnt + (text ? count_lf(f->_ptr, f->_cnt) : 0);
    }
    return pos;
}

static int seek_locked(MSVCRT_FILE *f, int64_t off, int whence)
{
    if (whence < MSVCRT_SEEK_SET || whence > MSVCRT_SEEK_END) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    if (whence == MSVCRT_SEEK_CUR && (f->_flag & MSVCRT_IOREAD)) {
        int64_t cur = tell_locked(f);
        if (cur < 0)
            return -1;
        off += cur;
        whence = MSVCRT_SEEK_SET;
    }
    msvcrt_stream_flush(f);
    f->_ptr = f->_base;
    f->_cnt = 0;
    f->_flag &= ~MSVCRT_IOEOF;
    if (f->_flag & MSVCRT_IORW)
        f->_flag &= ~(MSVCRT_IOREAD | MSVCRT_IOWRT);
    return msvcrt__lseeki64(f->_file, off, whence) < 0 ? -1 : 0;
}

int CDECL msvcrt__fseeki64(MSVCRT_FILE *f, int64_t off, int whence)
{
    if (!f) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    msvcrt_stream_lock(f);
    int ret = seek_locked(f, off, whence);
    msvcrt_stream_unlock(f);
    return ret;
}

int CDECL msvcrt_fseek(MSVCRT_FILE *f, LONG off, int whence)
{
    return msvcrt__fseeki64(f, off, whence);
}

int64_t CDECL msvcrt__ftelli64(MSVCRT_FILE *f)
{
    if (!f) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    msvcrt_stream_lock(f);
    int64_t pos = tell_locked(f);
    msvcrt_stream_unlock(f);
    return pos;
}

LONG CDECL msvcrt_ftell(MSVCRT_FILE *f)
{
    int64_t pos = msvcrt__ftelli64(f);
    if (pos > INT32_MAX) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    return (LONG)pos;
}

int CDECL msvcrt_fgetpos(MSVCRT_FILE *f, int64_t *pos)
{
    if (!pos) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    *pos = msvcrt__ftelli64(f);
    return *pos < 0 ? -1 : 0;
}

int CDECL msvcrt_fsetpos(MSVCRT_FILE *f, const int64_t *pos)
{
    if (!pos) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    return msvcrt__fseeki64(f, *pos, MSVCRT_SEEK_SET);
}

void CDECL msvcrt_rewind(MSVCRT_FILE *f)
{
    if (!f) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return;
    }
    msvcrt_stream_lock(f);
    seek_locked(f, 0, MSVCRT_SEEK_SET);
    f->_flag &= ~(MSVCRT_IOERR | MSVCRT_IOEOF);
    msvcrt_stream_unlock(f);
}
