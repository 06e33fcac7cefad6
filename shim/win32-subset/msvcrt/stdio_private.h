/* The stdio area's internals: the fd table of the low-level io layer and
 * the CRT's own state of each stream. */
#ifndef MSVCRT_STDIO_PRIVATE_H
#define MSVCRT_STDIO_PRIVATE_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include "msvcrt_private.h"

/* <fcntl.h> */
#define MSVCRT_O_RDONLY 0x0000
#define MSVCRT_O_WRONLY 0x0001
#define MSVCRT_O_RDWR 0x0002
#define MSVCRT_O_ACCMODE 0x0003
#define MSVCRT_O_APPEND 0x0008
#define MSVCRT_O_TEMPORARY 0x0040
#define MSVCRT_O_NOINHERIT 0x0080
#define MSVCRT_O_CREAT 0x0100
#define MSVCRT_O_TRUNC 0x0200
#define MSVCRT_O_EXCL 0x0400
#define MSVCRT_O_TEXT 0x4000
#define MSVCRT_O_BINARY 0x8000
#define MSVCRT_O_WTEXT 0x10000
#define MSVCRT_O_U16TEXT 0x20000
#define MSVCRT_O_U8TEXT 0x40000
#define MSVCRT_O_MODES (MSVCRT_O_TEXT | MSVCRT_O_BINARY | MSVCRT_O_WTEXT | \
                        MSVCRT_O_U16TEXT | MSVCRT_O_U8TEXT)

/* <share.h> */
#define MSVCRT_SH_DENYRW 0x10
#define MSVCRT_SH_DENYWR 0x20
#define MSVCRT_SH_DENYRD 0x30
#define MSVCRT_SH_DENYNO 0x40

/* <sys/stat.h> */
#define MSVCRT_S_IFMT 0xF000
#define MSVCRT_S_IFDIR 0x4000
#define MSVCRT_S_IFCHR 0x2000
#define MSVCRT_S_IFIFO 0x1000
#define MSVCRT_S_IFREG 0x8000
#define MSVCRT_S_IREAD 0x0100
#define MSVCRT_S_IWRITE 0x0080
#define MSVCRT_S_IEXEC 0x0040

/* <stdio.h> */
#define MSVCRT_EOF (-1)
#define MSVCRT_WEOF ((MSVCRT_wint_t)0xFFFF)
#define MSVCRT_BUFSIZ 512
#define MSVCRT_SEEK_SET 0
#define MSVCRT_SEEK_CUR 1
#define MSVCRT_SEEK_END 2
#define MSVCRT_IOREAD 0x0001
#define MSVCRT_IOWRT 0x0002
#define MSVCRT_IONBF 0x0004
#define MSVCRT_IOMYBUF 0x0008
#define MSVCRT_IOEOF 0x0010
#define MSVCRT_IOERR 0x0020
#define MSVCRT_IOSTRG 0x0040
#define MSVCRT_IORW 0x0080
#define MSVCRT_IOFBF 0x0000
#define MSVCRT_IOLBF 0x0040
#define MSVCRT_IOYOURBUF 0x0100 /* setvbuf with the caller's buffer */
#define MSVCRT_INTERNAL_BUFSIZ 4096
#define MSVCRT_IOB_COUNT 20
#define MSVCRT_MAX_STREAMS 2048
#define MSVCRT_MAX_FDS 2048

/* -- the fd table (io.c) -- */

/* Per-fd flags. */
#define FD_OPEN 0x01
#define FD_EOF 0x02    /* a Ctrl-Z ended text-mode input */
#define FD_PIPE 0x08
#define FD_APPEND 0x20
#define FD_DEV 0x40    /* a character device: the console, NUL */
#define FD_TEXT 0x80

enum fd_textmode { FD_ANSI, FD_UTF8, FD_UTF16LE };

struct fd_entry {
    HANDLE handle;
    unsigned flags;
    enum fd_textmode textmode;
    int peek;       /* a byte read ahead from a pipe or device, or -1 */
    pthread_mutex_t lock;
};

/* An fd over h (the table owns it), lowest free number; -1 with EMFILE. */
int msvcrt_fd_alloc(HANDLE h, unsigned flags);
/* The entry of an open fd, locked; NULL with EBADF. */
struct fd_entry *msvcrt_fd_lock(int fd);
void msvcrt_fd_unlock(struct fd_entry *e);
/* Flags for _open's O_* mode bits: text unless binary (or _fmode says). */
unsigned msvcrt_fd_mode_flags(int oflag, enum fd_textmode *mode);
void msvcrt_io_init(void);

/* The wide path of a narrow one in the ANSI code page (malloc); NULL with
 * ENOMEM or for NULL. */
WCHAR *msvcrt_a_to_w(const char *s);
/* The narrow form of a wide path (malloc); NULL with ENOMEM. */
char *msvcrt_w_to_a(const WCHAR *s);

/* Lowest-level moves, with the fd locked. */
int64_t msvcrt_fd_seek(struct fd_entry *e, int64_t off, int whence);

/* -- streams (stdio_*.c) -- */

#define STREAM_CALL_FLUSH 0x01  /* flushed at the end of each call: console, stderr */

struct stream_state {
    pthread_mutex_t lock;
    unsigned flags;
    WCHAR *tmp_path;
};

/* A stream opened beyond _iob: its state right after it. */
struct stream_ext {
    MSVCRT_FILE file;
    struct stream_state state;
};

extern MSVCRT_FILE msvcrt__iob[MSVCRT_IOB_COUNT];

struct stream_state *msvcrt_stream_state(MSVCRT_FILE *f);
void msvcrt_stream_lock(MSVCRT_FILE *f);
void msvcrt_stream_unlock(MSVCRT_FILE *f);
/* End of a public call: flush streams that want each call written out. */
void msvcrt_stream_end_call(MSVCRT_FILE *f);
/* A stream over fd with _flag sflag, or NULL with EMFILE. */
MSVCRT_FILE *msvcrt_stream_open_fd(int fd, int sflag);
/* Set up a stream over fd. */
void msvcrt_stream_init(MSVCRT_FILE *f, int fd, int sflag);
/* Parse fopen's mode: O_* flags for _open and _flag for the stream;
 * false with EINVAL. */
bool msvcrt_stream_parse_mode(const WCHAR *mode, int *oflag, int *sflag);
/* Flush with the stream locked: 0, or EOF on a write error. */
int msvcrt_stream_flush(MSVCRT_FILE *f);
/* Buffered I/O with the stream locked. */
int msvcrt_stream_getc(MSVCRT_FILE *f);
int msvcrt_stream_putc(int c, MSVCRT_FILE *f);
int msvcrt_stream_ungetc(int c, MSVCRT_FILE *f);
size_t msvcrt_stream_write(MSVCRT_FILE *f, const void *buf, size_t size);
size_t msvcrt_stream_read(MSVCRT_FILE *f, void *buf, size_t size);
MSVCRT_wint_t msvcrt_stream_getwc(MSVCRT_FILE *f);
MSVCRT_wint_t msvcrt_stream_putwc(MSVCRT_wint_t c, MSVCRT_FILE *f);
int msvcrt_stream_close(MSVCRT_FILE *f);
/* printf and scanf over a stream (format narrow, or WCHARs when wide),
 * the stream locked for the whole call; flags are format.h's FMT_*. */
int msvcrt_stream_vprintf(MSVCRT_FILE *f, const void *format, MSVCRT_va_list ap,
                          unsigned flags, bool wide);
int msvcrt_stream_vscanf(MSVCRT_FILE *f, const void *format, MSVCRT_va_list ap,
                         unsigned flags, bool wide);
/* Each stream in use, as fn(f) with the table locked. */
int msvcrt_stream_each(int (*fn)(MSVCRT_FILE *f));
void msvcrt_stdio_init(void);
void msvcrt_stdio_exit(void);

#endif
