/* Wide characters on streams. A binary or UTF-16 stream carries WCHARs as
 * they are; a UTF-8 one is converted by the fd layer on the way out; an
 * ANSI text stream carries bytes, mapped as the "C" locale maps them (a
 * byte is the code unit of the same value). */
#include "msvcrt.spec.h"
#include "stdio_private.h"

#define STDIN (&msvcrt__iob[0])
#define STDOUT (&msvcrt__iob[1])

/* The fd's text mode, and whether it translates at all. */
static enum fd_textmode stream_mode(MSVCRT_FILE *f, bool *text)
{
    struct fd_entry *e = msvcrt_fd_lock(f->_file);
    *text = false;
    if (!e)
        return FD_ANSI;
    enum fd_textmode mode = e->textmode;
    *text = (e->flags & FD_TEXT) != 0;
    msvcrt_fd_unlock(e);
    return mode;
}

static bool byte_stream(MSVCRT_FILE *f)
{
    bool text;
    enum fd_textmode mode = stream_mode(f, &text);
    return text && mode == FD_ANSI;
}

static MSVCRT_wint_t getwc_utf8(MSVCRT_FILE *f, int c)
{
    int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    uint32_t cp = c & (0x3F >> extra);
    while (extra--) {
        int n = msvcrt_stream_getc(f);
        if (n == MSVCRT_EOF)
            return MSVCRT_WEOF;
        cp = cp << 6 | (n & 0x3F);
    }
    return cp > 0xFFFF ? 0xFFFD : (MSVCRT_wint_t)cp;
}

MSVCRT_wint_t msvcrt_stream_getwc(MSVCRT_FILE *f)
{
    bool text;
    enum fd_textmode mode = stream_mode(f, &text);
    int lo = msvcrt_stream_getc(f);
    if (lo == MSVCRT_EOF)
        return MSVCRT_WEOF;
    if (text && mode == FD_ANSI)
        return (MSVCRT_wint_t)lo;
    if (text && mode == FD_UTF8)
        return getwc_utf8(f, lo);
    int hi = msvcrt_stream_getc(f);
    if (hi == MSVCRT_EOF)
        return MSVCRT_WEOF;
    return (MSVCRT_wint_t)(lo | hi << 8);
}

MSVCRT_wint_t msvcrt_stream_putwc(MSVCRT_wint_t c, MSVCRT_FILE *f)
{
    if (byte_stream(f)) {
        if (c > 0xFF) {
            msvcrt_set_errno(MSVCRT_EILSEQ);
            return MSVCRT_WEOF;
        }
        return msvcrt_stream_putc(c, f) == MSVCRT_EOF ? MSVCRT_WEOF : c;
    }
    WCHAR w = c;
    return msvcrt_stream_write(f, &w, sizeof w) == sizeof w ? c : MSVCRT_WEOF;
}

static bool check(MSVCRT_FILE *f)
{
    if (f)
        return true;
    msvcrt_set_errno(MSVCRT_EINVAL);
    return false;
}

MSVCRT_wint_t CDECL msvcrt_fgetwc(MSVCRT_FILE *f)
{
    if (!check(f))
        return MSVCRT_WEOF;
    msvcrt_stream_lock(f);
    MSVCRT_wint_t c = msvcrt_stream_getwc(f);
    msvcrt_stream_unlock(f);
    return c;
}

MSVCRT_wint_t CDECL msvcrt_getwc(MSVCRT_FILE *f)
{
    return msvcrt_fgetwc(f);
}

MSVCRT_wint_t CDECL msvcrt__getwc_nolock(MSVCRT_FILE *f)
{
    return msvcrt_stream_getwc(f);
}

MSVCRT_wint_t CDECL msvcrt_getwchar(void)
{
    return msvcrt_fgetwc(STDIN);
}

MSVCRT_wint_t CDECL msvcrt__fgetwchar(void)
{
    return msvcrt_fgetwc(STDIN);
}

MSVCRT_wint_t CDECL msvcrt_fputwc(MSVCRT_wint_t c, MSVCRT_FILE *f)
{
    if (!check(f))
        return MSVCRT_WEOF;
    msvcrt_stream_lock(f);
    c = msvcrt_stream_putwc(c, f);
    msvcrt_stream_end_call(f);
    msvcrt_stream_unlock(f);
    return c;
}

MSVCRT_wint_t CDECL msvcrt_putwc(MSVCRT_wint_t c, MSVCRT_FILE *f)
{
    return msvcrt_fputwc(c, f);
}

MSVCRT_wint_t CDECL msvcrt__putwc_nolock(MSVCRT_wint_t c, MSVCRT_FILE *f)
{
    return msvcrt_stream_putwc(c, f);
}

MSVCRT_wint_t CDECL msvcrt_putwchar(MSVCRT_wint_t c)
{
    return msvcrt_fputwc(c, STDOUT);
}

MSVCRT_wint_t CDECL msvcrt__fputwchar(MSVCRT_wint_t c)
{
    return msvcrt_fputwc(c, STDOUT);
}

MSVCRT_wint_t CDECL msvcrt_ungetwc(MSVCRT_wint_t c, MSVCRT_FILE *f)
{
    if (!check(f) || c == MSVCRT_WEOF)
        return MSVCRT_WEOF;
    msvcrt_stream_lock(f);
    MSVCRT_wint_t ret = c;
    if (byte_stream(f)) {
        if (c > 0xFF || msvcrt_stream_ungetc(c, f) == MSVCRT_EOF)
            ret = MSVCRT_WEOF;
    } else if (msvcrt_stream_ungetc(c >> 8, f) == MSVCRT_EOF
               || msvcrt_stream_ungetc(c & 0xFF, f) == MSVCRT_EOF) {
        ret = MSVCRT_WEOF;
    }
    msvcrt_stream_unlock(f);
    return ret;
}

WCHAR *CDECL msvcrt_fgetws(WCHAR *s, int size, MSVCRT_FILE *f)
{
    if (!s || size <= 0 || !check(f)) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return NULL;
    }
    msvcrt_stream_lock(f);
    int i = 0;
    MSVCRT_wint_t c = 0;
    while (i < size - 1) {
        c = msvcrt_stream_getwc(f);
        if (c == MSVCRT_WEOF)
            break;
        s[i++] = c;
        if (c == '\n')
            break;
    }
    msvcrt_stream_unlock(f);
    if (!i && c == MSVCRT_WEOF)
        return NULL;
    s[i] = 0;
    return s;
}

WCHAR *CDECL msvcrt__getws(WCHAR *s)
{
    MSVCRT_wint_t c;
    int i = 0;
    msvcrt_stream_lock(STDIN);
    while ((c = msvcrt_stream_getwc(STDIN)) != MSVCRT_WEOF && c != '\n')
        s[i++] = c;
    msvcrt_stream_unlock(STDIN);
    if (c == MSVCRT_WEOF && !i)
        return NULL;
    s[i] = 0;
    return s;
}

static int put_wstr(const WCHAR *s, MSVCRT_FILE *f)
{
    for (; *s; s++)
        if (msvcrt_stream_putwc(*s, f) == MSVCRT_WEOF)
            return MSVCRT_EOF;
    return 0;
}

int CDECL msvcrt_fputws(const WCHAR *s, MSVCRT_FILE *f)
{
    if (!s || !check(f)) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EOF;
    }
    msvcrt_stream_lock(f);
    int ret = put_wstr(s, f);
    msvcrt_stream_end_call(f);
    msvcrt_stream_unlock(f);
    return ret;
}

int CDECL msvcrt__putws(const WCHAR *s)
{
    if (!s) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EOF;
    }
    msvcrt_stream_lock(STDOUT);
    int ret = put_wstr(s, STDOUT);
    if (!ret && msvcrt_stream_putwc('\n', STDOUT) == MSVCRT_WEOF)
        ret = MSVCRT_EOF;
    msvcrt_stream_end_call(STDOUT);
    msvcrt_stream_unlock(STDOUT);
    return ret;
}
