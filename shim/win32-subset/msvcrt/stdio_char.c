/* Character, line and block I/O on streams. */
#include <string.h>
#include "msvcrt.spec.h"
#include "stdio_private.h"

#define STDIN (&msvcrt__iob[0])
#define STDOUT (&msvcrt__iob[1])

static bool check(MSVCRT_FILE *f)
{
    if (f)
        return true;
    msvcrt_set_errno(MSVCRT_EINVAL);
    return false;
}

int CDECL msvcrt_fgetc(MSVCRT_FILE *f)
{
    if (!check(f))
        return MSVCRT_EOF;
    msvcrt_stream_lock(f);
    int c = msvcrt_stream_getc(f);
    msvcrt_stream_unlock(f);
    return c;
}

int CDECL msvcrt_getc(MSVCRT_FILE *f)
{
    return msvcrt_fgetc(f);
}

int CDECL msvcrt__getc_nolock(MSVCRT_FILE *f)
{
    return msvcrt_stream_getc(f);
}

int CDECL msvcrt_getchar(void)
{
    return msvcrt_fgetc(STDIN);
}

int CDECL msvcrt__fgetchar(void)
{
    return msvcrt_fgetc(STDIN);
}

int CDECL msvcrt__filbuf(MSVCRT_FILE *f)
{
    return msvcrt_stream_getc(f);
}

int CDECL msvcrt_fputc(int c, MSVCRT_FILE *f)
{
    if (!check(f))
        return MSVCRT_EOF;
    msvcrt_stream_lock(f);
    c = msvcrt_stream_putc(c, f);
    msvcrt_stream_end_call(f);
    msvcrt_stream_unlock(f);
    return c;
}

int CDECL msvcrt_putc(int c, MSVCRT_FILE *f)
{
    return msvcrt_fputc(c, f);
}

int CDECL msvcrt__putc_nolock(int c, MSVCRT_FILE *f)
{
    return msvcrt_stream_putc(c, f);
}

int CDECL msvcrt_putchar(int c)
{
    return msvcrt_fputc(c, STDOUT);
}

int CDECL msvcrt__fputchar(int c)
{
    return msvcrt_fputc(c, STDOUT);
}

int CDECL msvcrt__flsbuf(int c, MSVCRT_FILE *f)
{
    return msvcrt_stream_putc(c, f);
}

char *CDECL msvcrt_fgets(char *s, int size, MSVCRT_FILE *f)
{
    if (!s || size <= 0 || !check(f)) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return NULL;
    }
    msvcrt_stream_lock(f);
    int i = 0, c = 0;
    while (i < size - 1) {
        c = msvcrt_stream_getc(f);
        if (c == MSVCRT_EOF)
            break;
        s[i++] = (char)c;
        if (c == '\n')
            break;
    }
    msvcrt_stream_unlock(f);
    if (!i && c == MSVCRT_EOF)
        return NULL;
    s[i] = 0;
    return s;
}

char *CDECL msvcrt_gets(char *s)
{
    int c, i = 0;
    msvcrt_stream_lock(STDIN);
    while ((c = msvcrt_stream_getc(STDIN)) != MSVCRT_EOF && c != '\n')
        s[i++] = (char)c;
    msvcrt_stream_unlock(STDIN);
    if (c == MSVCRT_EOF && !i)
        return NULL;
    s[i] = 0;
    return s;
}

int CDECL msvcrt_fputs(const char *s, MSVCRT_FILE *f)
{
    if (!s || !check(f)) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EOF;
    }
    size_t len = strlen(s);
    msvcrt_stream_lock(f);
    int ret = msvcrt_stream_write(f, s, len) == len ? 0 : MSVCRT_EOF;
    msvcrt_stream_end_call(f);
    msvcrt_stream_unlock(f);
    return ret;
}

int CDECL msvcrt_puts(const char *s)
{
    if (!s) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EOF;
    }
    size_t len = strlen(s);
    msvcrt_stream_lock(STDOUT);
    int ret = 0;
    if (msvcrt_stream_write(STDOUT, s, len) != len
        || msvcrt_stream_putc('\n', STDOUT) == MSVCRT_EOF)
        ret = MSVCRT_EOF;
    msvcrt_stream_end_call(STDOUT);
    msvcrt_stream_unlock(STDOUT);
    return ret;
}

int CDECL msvcrt_ungetc(int c, MSVCRT_FILE *f)
{
    if (!check(f))
        return MSVCRT_EOF;
    msvcrt_stream_lock(f);
    c = msvcrt_stream_ungetc(c, f);
    msvcrt_stream_unlock(f);
    return c;
}

size_t CDECL msvcrt_fread(void *buf, size_t size, size_t count, MSVCRT_FILE *f)
{
    if (!size || !count)
        return 0;
    if (!buf || !check(f) || count > SIZE_MAX / size) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return 0;
    }
    msvcrt_stream_lock(f);
    size_t n = msvcrt_stream_read(f, buf, size * count);
    msvcrt_stream_unlock(f);
    return n / size;
}

size_t CDECL msvcrt_fwrite(const void *buf, size_t size, size_t count, MSVCRT_FILE *f)
{
    if (!size || !count)
        return 0;
    if (!buf || !check(f) || count > SIZE_MAX / size) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return 0;
    }
    msvcrt_stream_lock(f);
    size_t n = msvcrt_stream_write(f, buf, size * count);
    msvcrt_stream_end_call(f);
    msvcrt_stream_unlock(f);
    return n / size;
}

int CDECL msvcrt__getw(MSVCRT_FILE *f)
{
    int w;
    if (msvcrt_fread(&w, sizeof w, 1, f) != 1)
        return MSVCRT_EOF;
    return w;
}

int CDECL msvcrt__putw(int w, MSVCRT_FILE *f)
{
    return msvcrt_fwrite(&w, sizeof w, 1, f) == 1 ? w : MSVCRT_EOF;
}

int CDECL msvcrt_feof(MSVCRT_FILE *f)
{
    if (!check(f))
        return 0;
    return f->_flag & MSVCRT_IOEOF;
}

int CDECL msvcrt_ferror(MSVCRT_FILE *f)
{
    if (!check(f))
        return 0;
    return f->_flag & MSVCRT_IOERR;
}

void CDECL msvcrt_clearerr(MSVCRT_FILE *f)
{
    if (!check(f))
        return;
    msvcrt_stream_lock(f);
    f->_flag &= ~(MSVCRT_IOERR | MSVCRT_IOEOF);
    msvcrt_stream_unlock(f);
}
