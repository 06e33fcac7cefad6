/* _read, _write and seeking: text mode turns CRLF into LF on the way in
 * (a Ctrl-Z ends the input) and LF into CRLF on the way out. */
#include <limits.h>
#include "kernel32.spec.h"
#include "lv/winerror.h"
#include "msvcrt.spec.h"
#include "stdio_private.h"

#define CTRL_Z 0x1A

/* A handle opened without the access asked for is a bad fd to the CRT. */
static void set_errno_io(DWORD err)
{
    msvcrt_set_errno_from_win32(err);
    if (err == ERROR_ACCESS_DENIED)
        msvcrt_set_errno(MSVCRT_EBADF);
}

int64_t msvcrt_fd_seek(struct fd_entry *e, int64_t off, int whence)
{
    if (whence < MSVCRT_SEEK_SET || whence > MSVCRT_SEEK_END) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    if (e->flags & (FD_PIPE | FD_DEV)) {
        msvcrt_set_errno(MSVCRT_ESPIPE);
        return -1;
    }
    LARGE_INTEGER dist, pos;
    dist.QuadPart = off;
    if (!SetFilePointerEx(e->handle, dist, &pos, whence)) {
        DWORD err = GetLastError();
        if (err == ERROR_NEGATIVE_SEEK)
            msvcrt_set_errno(MSVCRT_EINVAL);
        else
            set_errno_io(err);
        return -1;
    }
    e->flags &= ~FD_EOF;
    return pos.QuadPart;
}

/* CRLF to LF in place; returns the bytes kept. */
static unsigned text_in(struct fd_entry *e, char *buf, unsigned n)
{
    char *p = buf, *end = buf + n, *q = buf;
    while (p < end) {
        if (*p == CTRL_Z) {
            e->flags |= FD_EOF;
            break;
        }
        if (*p != '\r') {
            *q++ = *p++;
            continue;
        }
        if (p + 1 < end) {
            if (p[1] == '\n') {
                *q++ = '\n';
                p += 2;
            } else {
                *q++ = *p++;
            }
            continue;
        }
        p++;
        char next;
        DWORD got = 0;
        if (!ReadFile(e->handle, &next, 1, &got, NULL) || !got) {
            *q++ = '\r';
        } else if (next == '\n') {
            *q++ = '\n';
        } else {
            *q++ = '\r';
            if (e->flags & (FD_PIPE | FD_DEV))
                e->peek = (unsigned char)next;
            else
                msvcrt_fd_seek(e, -1, MSVCRT_SEEK_CUR);
        }
    }
    return q - buf;
}

/* CRLF to LF in UTF-16 units; returns the bytes kept. */
static unsigned text_in_wide(struct fd_entry *e, char *buf, unsigned n)
{
    WCHAR *p = (WCHAR *)buf, *end = p + n / 2, *q = p;
    while (p < end) {
        if (*p == '\r' && p + 1 < end && p[1] == '\n')
            p++;
        if (*p == CTRL_Z) {
            e->flags |= FD_EOF;
            break;
        }
        *q++ = *p++;
    }
    return (char *)q - buf;
}

static int read_locked(struct fd_entry *e, char *buf, unsigned count)
{
    if (!count || (e->flags & FD_EOF))
        return 0;
    unsigned n = 0;
    if (e->peek >= 0) {
        buf[n++] = (char)e->peek;
        e->peek = -1;
    }
    DWORD got = 0;
    if (n < count && !ReadFile(e->handle, buf + n, count - n, &got, NULL)) {
        DWORD err = GetLastError();
        if (err != ERROR_BROKEN_PIPE) {
            set_errno_io(err);
            return -1;
        }
    }
    n += got;
    if (!(e->flags & FD_TEXT))
        return n;
    /* UTF-8 text comes in as bytes: the wide stream functions decode it. */
    return e->textmode == FD_UTF16LE ? text_in_wide(e, buf, n) : text_in(e, buf, n);
}

int CDECL msvcrt__read(int fd, void *buf, unsigned count)
{
    if (count > INT_MAX || (!buf && count)) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    struct fd_entry *e = msvcrt_fd_lock(fd);
    if (!e)
        return -1;
    int n = read_locked(e, buf, count);
    msvcrt_fd_unlock(e);
    return n;
}

static bool write_all(struct fd_entry *e, const void *buf, DWORD size)
{
    DWORD done;
    if (!WriteFile(e->handle, buf, size, &done, NULL)) {
        set_errno_io(GetLastError());
        return false;
    }
    if (done < size) {
        msvcrt_set_errno(MSVCRT_ENOSPC);
        return false;
    }
    return true;
}

static int write_text(struct fd_entry *e, const char *buf, unsigned count)
{
    char out[2048];
    unsigned i = 0;
    while (i < count) {
        size_t n = 0;
        while (i < count && n < sizeof out - 1) {
            if (buf[i] == '\n')
                out[n++] = '\r';
            out[n++] = buf[i++];
        }
        if (!write_all(e, out, n))
            return -1;
    }
    return count;
}

static int write_wide(struct fd_entry *e, const char *buf, unsigned count)
{
    if (count % 2) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    const WCHAR *in = (const WCHAR *)buf;
    unsigned units = count / 2, i = 0;
    if (e->flags & FD_DEV) {
        DWORD done;
        if (!WriteConsoleW(e->handle, in, units, &done, NULL)) {
            set_errno_io(GetLastError());
            return -1;
        }
        return count;
    }
    char out[2048];
    while (i < units) {
        size_t n = 0;
        while (i < units && n < sizeof out - 8) {
            WCHAR c = in[i++];
            if (e->textmode == FD_UTF16LE) {
                if (c == '\n') {
                    out[n++] = '\r';
                    out[n++] = 0;
                }
                out[n++] = (char)c;
                out[n++] = (char)(c >> 8);
                continue;
            }
            if (c == '\n')
                out[n++] = '\r';
            if (c >= 0xD800 && c < 0xDC00 && i < units && in[i] >= 0xDC00 && in[i] < 0xE000) {
                uint32_t cp = 0x10000 + ((c - 0xD800) << 10) + (in[i++] - 0xDC00);
                out[n++] = (char)(0xF0 | cp >> 18);
                out[n++] = (char)(0x80 | ((cp >> 12) & 0x3F));
                out[n++] = (char)(0x80 | ((cp >> 6) & 0x3F));
                out[n++] = (char)(0x80 | (cp & 0x3F));
            } else if (c < 0x80) {
                out[n++] = (char)c;
            } else if (c < 0x800) {
                out[n++] = (char)(0xC0 | c >> 6);
                out[n++] = (char)(0x80 | (c & 0x3F));
            } else {
                out[n++] = (char)(0xE0 | c >> 12);
                out[n++] = (char)(0x80 | ((c >> 6) & 0x3F));
                out[n++] = (char)(0x80 | (c & 0x3F));
            }
        }
        if (!write_all(e, out, n))
            return -1;
    }
    return count;
}

int CDECL msvcrt__write(int fd, const void *buf, unsigned count)
{
    if (!buf && count) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    struct fd_entry *e = msvcrt_fd_lock(fd);
    if (!e)
        return -1;
    int n = count;
    if (e->flags & FD_APPEND)
        msvcrt_fd_seek(e, 0, MSVCRT_SEEK_END);
    if (!count)
        n = 0;
    else if (!(e->flags & FD_TEXT))
        n = write_all(e, buf, count) ? (int)count : -1;
    else if (e->textmode == FD_ANSI)
        n = write_text(e, buf, count);
    else
        n = write_wide(e, buf, count);
    msvcrt_fd_unlock(e);
    return n;
}

int64_t CDECL msvcrt__lseeki64(int fd, int64_t off, int whence)
{
    struct fd_entry *e = msvcrt_fd_lock(fd);
    if (!e)
        return -1;
    int64_t pos = msvcrt_fd_seek(e, off, whence);
    if (pos >= 0)
        e->peek = -1;
    msvcrt_fd_unlock(e);
    return pos;
}

LONG CDECL msvcrt__lseek(int fd, LONG off, int whence)
{
    int64_t pos = msvcrt__lseeki64(fd, off, whence);
    if (pos > INT32_MAX) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    return (LONG)pos;
}

int64_t CDECL msvcrt__telli64(int fd)
{
    return msvcrt__lseeki64(fd, 0, MSVCRT_SEEK_CUR);
}

LONG CDECL msvcrt__tell(int fd)
{
    return msvcrt__lseek(fd, 0, MSVCRT_SEEK_CUR);
}

int64_t CDECL msvcrt__filelengthi64(int fd)
{
    struct fd_entry *e = msvcrt_fd_lock(fd);
    if (!e)
        return -1;
    int64_t cur = msvcrt_fd_seek(e, 0, MSVCRT_SEEK_CUR), end = -1;
    if (cur >= 0) {
        end = msvcrt_fd_seek(e, 0, MSVCRT_SEEK_END);
        msvcrt_fd_seek(e, cur, MSVCRT_SEEK_SET);
    }
    msvcrt_fd_unlock(e);
    return end;
}

LONG CDECL msvcrt__filelength(int fd)
{
    int64_t len = msvcrt__filelengthi64(fd);
    return len > INT32_MAX ? -1 : (LONG)len;
}

int CDECL msvcrt__eof(int fd)
{
    struct fd_entry *e = msvcrt_fd_lock(fd);
    if (!e)
        return -1;
    int ret = 1;
    if (!(e->flags & FD_EOF)) {
        int64_t cur = msvcrt_fd_seek(e, 0, MSVCRT_SEEK_CUR);
        int64_t end = cur < 0 ? -1 : msvcrt_fd_seek(e, 0, MSVCRT_SEEK_END);
        ret = cur < 0 || end < 0 ? -1 : cur >= end;
        if (end >= 0)
            msvcrt_fd_seek(e, cur, MSVCRT_SEEK_SET);
    }
    msvcrt_fd_unlock(e);
    return ret;
}

int CDECL msvcrt__commit(int fd)
{
    struct fd_entry *e = msvcrt_fd_lock(fd);
    if (!e)
        return -1;
    int ret = 0;
    if (!FlushFileBuffers(e->handle) && !(e->flags & (FD_DEV | FD_PIPE))) {
        msvcrt_set_errno_from_win32(GetLastError());
        msvcrt_set_errno(MSVCRT_EBADF);
        ret = -1;
    }
    msvcrt_fd_unlock(e);
    return ret;
}

int CDECL msvcrt__chsize_s(int fd, int64_t size)
{
    if (size < 0) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    struct fd_entry *e = msvcrt_fd_lock(fd);
    if (!e)
        return MSVCRT_EBADF;
    int ret = 0;
    int64_t cur = msvcrt_fd_seek(e, 0, MSVCRT_SEEK_CUR);
    if (cur < 0 || msvcrt_fd_seek(e, size, MSVCRT_SEEK_SET) < 0) {
        ret = *msvcrt_errno_location();
    } else {
        if (!SetEndOfFile(e->handle)) {
            set_errno_io(GetLastError());
            ret = *msvcrt_errno_location();
        }
        msvcrt_fd_seek(e, cur, MSVCRT_SEEK_SET);
    }
    msvcrt_fd_unlock(e);
    return ret;
}

int CDECL msvcrt__chsize(int fd, LONG size)
{
    return msvcrt__chsize_s(fd, size) ? -1 : 0;
}
