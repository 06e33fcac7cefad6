/* The stream table and the buffering under every stream function: _ptr,
 * _cnt and _base keep msvcrt's meaning, since programs built against old
 * headers read them through getc/putc macros. */
#include <stdlib.h>
#include <string.h>
#include "kernel32.spec.h"
#include "msvcrt.spec.h"
#include "stdio_private.h"

MSVCRT_FILE msvcrt__iob[MSVCRT_IOB_COUNT];
int msvcrt__commode;

static struct stream_state iob_state[MSVCRT_IOB_COUNT];
static MSVCRT_FILE *streams[MSVCRT_MAX_STREAMS];
static int stream_count;
static pthread_mutex_t stream_table_lock = PTHREAD_MUTEX_INITIALIZER;

static void state_init(struct stream_state *st)
{
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&st->lock, &attr);
    pthread_mutexattr_destroy(&attr);
    st->flags = 0;
    st->tmp_path = NULL;
}

struct stream_state *msvcrt_stream_state(MSVCRT_FILE *f)
{
    if (f >= msvcrt__iob && f < msvcrt__iob + MSVCRT_IOB_COUNT)
        return &iob_state[f - msvcrt__iob];
    return &((struct stream_ext *)f)->state;
}

void msvcrt_stream_lock(MSVCRT_FILE *f)
{
    pthread_mutex_lock(&msvcrt_stream_state(f)->lock);
}

void msvcrt_stream_unlock(MSVCRT_FILE *f)
{
    pthread_mutex_unlock(&msvcrt_stream_state(f)->lock);
}

void msvcrt_stream_end_call(MSVCRT_FILE *f)
{
    if (msvcrt_stream_state(f)->flags & STREAM_CALL_FLUSH)
        msvcrt_stream_flush(f);
}

void msvcrt_stream_init(MSVCRT_FILE *f, int fd, int sflag)
{
    f->_ptr = f->_base = NULL;
    f->_cnt = 0;
    f->_bufsiz = 0;
    f->_charbuf = 0;
    f->_tmpfname = NULL;
    f->_file = fd;
    f->_flag = sflag;
    msvcrt_stream_state(f)->flags = 0;
}

MSVCRT_FILE *msvcrt_stream_open_fd(int fd, int sflag)
{
    MSVCRT_FILE *f = NULL;
    pthread_mutex_lock(&stream_table_lock);
    for (int i = 3; i < stream_count && !f; i++)
        if (!(streams[i]->_flag & (MSVCRT_IOREAD | MSVCRT_IOWRT | MSVCRT_IORW)))
            f = streams[i];
    if (!f && stream_count < MSVCRT_MAX_STREAMS) {
        if (stream_count < MSVCRT_IOB_COUNT) {
            f = &msvcrt__iob[stream_count];
        } else {
            struct stream_ext *x = calloc(1, sizeof *x);
            if (x) {
                state_init(&x->state);
                f = &x->file;
            }
        }
        if (f)
            streams[stream_count++] = f;
    }
    if (f)
        msvcrt_stream_init(f, fd, sflag);
    pthread_mutex_unlock(&stream_table_lock);
    if (!f)
        msvcrt_set_errno(MSVCRT_EMFILE);
    return f;
}

int msvcrt_stream_each(int (*fn)(MSVCRT_FILE *f))
{
    int ret = 0;
    pthread_mutex_lock(&stream_table_lock);
    for (int i = 0; i < stream_count; i++) {
        MSVCRT_FILE *f = streams[i];
        if (!(f->_flag & (MSVCRT_IOREAD | MSVCRT_IOWRT | MSVCRT_IORW)))
            continue;
        msvcrt_stream_lock(f);
        ret += fn(f);
        msvcrt_stream_unlock(f);
    }
    pthread_mutex_unlock(&stream_table_lock);
    return ret;
}

static void alloc_buffer(MSVCRT_FILE *f)
{
    if (!(f->_flag & MSVCRT_IONBF)) {
        f->_base = malloc(MSVCRT_INTERNAL_BUFSIZ);
        if (f->_base) {
            f->_flag |= MSVCRT_IOMYBUF;
            f->_bufsiz = MSVCRT_INTERNAL_BUFSIZ;
        }
    }
    if (!f->_base) {
        f->_flag |= MSVCRT_IONBF;
        f->_base = (char *)&f->_charbuf;
        f->_bufsiz = 2;
    }
    f->_ptr = f->_base;
    f->_cnt = 0;
}

int msvcrt_stream_flush(MSVCRT_FILE *f)
{
    int ret = 0;
    if ((f->_flag & (MSVCRT_IOREAD | MSVCRT_IOWRT)) == MSVCRT_IOWRT && f->_base) {
        int n = f->_ptr - f->_base;
        if (n > 0 && msvcrt__write(f->_file, f->_base, n) != n) {
            f->_flag |= MSVCRT_IOERR;
            ret = MSVCRT_EOF;
        }
        f->_ptr = f->_base;
        f->_cnt = 0;
    }
    if (f->_flag & MSVCRT_IORW)
        f->_flag &= ~(MSVCRT_IOREAD | MSVCRT_IOWRT);
    return ret;
}

/* Ready to write: a stream open for update switches from reading only at
 * the end of the input. */
static bool begin_write(MSVCRT_FILE *f)
{
    if (f->_flag & MSVCRT_IOREAD) {
        f->_cnt = 0;
        if (!(f->_flag & MSVCRT_IORW) || !(f->_flag & MSVCRT_IOEOF)) {
            f->_flag |= MSVCRT_IOERR;
            return false;
        }
        f->_ptr = f->_base;
        f->_flag &= ~(MSVCRT_IOREAD | MSVCRT_IOEOF);
    }
    if (!(f->_flag & (MSVCRT_IOWRT | MSVCRT_IORW)) || (f->_flag & MSVCRT_IOSTRG)) {
        f->_flag |= MSVCRT_IOERR;
        return false;
    }
    f->_flag |= MSVCRT_IOWRT;
    if (!f->_base)
        alloc_buffer(f);
    return true;
}

static bool begin_read(MSVCRT_FILE *f)
{
    if (f->_flag & MSVCRT_IOWRT) {
        if (!(f->_flag & MSVCRT_IORW)) {
            f->_flag |= MSVCRT_IOERR;
            return false;
        }
        if (msvcrt_stream_flush(f))
            return false;
        f->_flag &= ~MSVCRT_IOWRT;
    }
    if (!(f->_flag & (MSVCRT_IOREAD | MSVCRT_IORW))) {
        f->_flag |= MSVCRT_IOERR;
        return false;
    }
    f->_flag |= MSVCRT_IOREAD;
    if (!f->_base)
        alloc_buffer(f);
    return true;
}

/* Refill the buffer: the next byte, or EOF. */
static int fill(MSVCRT_FILE *f)
{
    if (f->_flag & MSVCRT_IOSTRG) {
        f->_flag |= MSVCRT_IOEOF;
        return MSVCRT_EOF;
    }
    if (!begin_read(f))
        return MSVCRT_EOF;
    int n = msvcrt__read(f->_file, f->_base, f->_bufsiz);
    if (n <= 0) {
        f->_cnt = 0;
        f->_flag |= n ? MSVCRT_IOERR : MSVCRT_IOEOF;
        return MSVCRT_EOF;
    }
    f->_ptr = f->_base + 1;
    f->_cnt = n - 1;
    return (unsigned char)f->_base[0];
}

int msvcrt_stream_getc(MSVCRT_FILE *f)
{
    if (f->_cnt > 0 && (f->_flag & MSVCRT_IOREAD)) {
        f->_cnt--;
        return (unsigned char)*f->_ptr++;
    }
    return fill(f);
}

int msvcrt_stream_putc(int c, MSVCRT_FILE *f)
{
    if (f->_cnt > 0 && (f->_flag & MSVCRT_IOWRT)) {
        f->_cnt--;
        *f->_ptr++ = (char)c;
        return (unsigned char)c;
    }
    if (!begin_write(f))
        return MSVCRT_EOF;
    if (f->_flag & MSVCRT_IONBF) {
        char ch = (char)c;
        if (msvcrt__write(f->_file, &ch, 1) != 1) {
            f->_flag |= MSVCRT_IOERR;
            return MSVCRT_EOF;
        }
        return (unsigned char)c;
    }
    if (f->_ptr - f->_base >= f->_bufsiz && msvcrt_stream_flush(f))
        return MSVCRT_EOF;
    f->_flag |= MSVCRT_IOWRT;
    *f->_ptr++ = (char)c;
    f->_cnt = f->_bufsiz - (f->_ptr - f->_base);
    return (unsigned char)c;
}

int msvcrt_stream_ungetc(int c, MSVCRT_FILE *f)
{
    if (c == MSVCRT_EOF || (f->_flag & MSVCRT_IOWRT)
        || !(f->_flag & (MSVCRT_IOREAD | MSVCRT_IORW)))
        return MSVCRT_EOF;
    if (!f->_base)
        alloc_buffer(f);
    if (f->_ptr == f->_base) {
        if (f->_cnt)
            return MSVCRT_EOF;
        f->_ptr++;
    }
    f->_ptr--;
    f->_cnt++;
    if (!(f->_flag & MSVCRT_IOSTRG))
        *f->_ptr = (char)c;
    f->_flag = (f->_flag | MSVCRT_IOREAD) & ~MSVCRT_IOEOF;
    return (unsigned char)c;
}

size_t msvcrt_stream_write(MSVCRT_FILE *f, const void *buf, size_t size)
{
    const char *p = buf;
    size_t left = size;
    if (!size || !begin_write(f))
        return 0;
    while (left) {
        if (f->_cnt > 0) {
            size_t n = left < (size_t)f->_cnt ? left : (size_t)f->_cnt;
            memcpy(f->_ptr, p, n);
            f->_ptr += n;
            f->_cnt -= n;
            p += n;
            left -= n;
            continue;
        }
        if (f->_ptr > f->_base && msvcrt_stream_flush(f))
            break;
        f->_flag |= MSVCRT_IOWRT;
        if ((f->_flag & MSVCRT_IONBF) || left >= (size_t)f->_bufsiz) {
            size_t n = (f->_flag & MSVCRT_IONBF) ? left : left - left % f->_bufsiz;
            unsigned chunk = n > 0x40000000 ? 0x40000000 : n;
            if (msvcrt__write(f->_file, p, chunk) != (int)chunk) {
                f->_flag |= MSVCRT_IOERR;
                break;
            }
            p += chunk;
            left -= chunk;
            continue;
        }
        f->_cnt = f->_bufsiz - (f->_ptr - f->_base);
    }
    return size - left;
}

size_t msvcrt_stream_read(MSVCRT_FILE *f, void *buf, size_t size)
{
    char *p = buf;
    size_t left = size;
    if (!size)
        return 0;
    if ((!(f->_flag & MSVCRT_IOREAD) || !f->_base) && !begin_read(f))
        return 0;
    while (left) {
        if (f->_cnt > 0) {
            size_t n = left < (size_t)f->_cnt ? left : (size_t)f->_cnt;
            memcpy(p, f->_ptr, n);
            f->_ptr += n;
            f->_cnt -= n;
            p += n;
            left -= n;
            continue;
        }
        if (left >= (size_t)f->_bufsiz && !(f->_flag & MSVCRT_IOSTRG)) {
            size_t want = left - left % f->_bufsiz;
            unsigned chunk = want > 0x40000000 ? 0x40000000 : want;
            int n = msvcrt__read(f->_file, p, chunk);
            if (n <= 0) {
                f->_flag |= n ? MSVCRT_IOERR : MSVCRT_IOEOF;
                break;
            }
            p += n;
            left -= n;
            continue;
        }
        int c = fill(f);
        if (c == MSVCRT_EOF)
            break;
        *p++ = (char)c;
        left--;
    }
    return size - left;
}

int msvcrt_stream_close(MSVCRT_FILE *f)
{
    struct stream_state *st = msvcrt_stream_state(f);
    int ret = msvcrt_stream_flush(f);
    if (msvcrt__close(f->_file))
        ret = MSVCRT_EOF;
    if (f->_flag & MSVCRT_IOMYBUF)
        free(f->_base);
    if (st->tmp_path) {
        DeleteFileW(st->tmp_path);
        free(st->tmp_path);
        st->tmp_path = NULL;
    }
    msvcrt_stream_init(f, -1, 0);
    return ret;
}

static int flush_writer(MSVCRT_FILE *f)
{
    return (f->_flag & MSVCRT_IOWRT) ? msvcrt_stream_flush(f) : 0;
}

void msvcrt_stdio_flush_all(void)
{
    msvcrt_stream_each(flush_writer);
}

MSVCRT_FILE *msvcrt_std_stream(int index)
{
    return &msvcrt__iob[index];
}

void msvcrt_stdio_init(void)
{
    msvcrt_io_init();
    for (int i = 0; i < MSVCRT_IOB_COUNT; i++)
        state_init(&iob_state[i]);
    static const int sflag[3] = { MSVCRT_IOREAD, MSVCRT_IOWRT, MSVCRT_IOWRT };
    for (int i = 0; i < 3; i++) {
        msvcrt_stream_init(&msvcrt__iob[i], i, sflag[i]);
        streams[i] = &msvcrt__iob[i];
    }
    stream_count = 3;
    if (msvcrt__isatty(1))
        iob_state[1].flags |= STREAM_CALL_FLUSH;
    iob_state[2].flags |= STREAM_CALL_FLUSH;
}

void msvcrt_stdio_exit(void)
{
    msvcrt_stdio_flush_all();
}
