/* The console: standard handles that are terminals. Text is UTF-16 on the
 * Windows side and UTF-8 on the terminal. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include "kernel32.spec.h"
#include "kernel32_private.h"
#include "lv/w32error.h"
#include "lv/wstr.h"

#define ENABLE_PROCESSED_INPUT 0x1
#define ENABLE_LINE_INPUT 0x2
#define ENABLE_ECHO_INPUT 0x4
#define ENABLE_PROCESSED_OUTPUT 0x1
#define ENABLE_WRAP_AT_EOL_OUTPUT 0x2

static DWORD g_input_mode = ENABLE_PROCESSED_INPUT | ENABLE_LINE_INPUT | ENABLE_ECHO_INPUT;
static DWORD g_output_mode = ENABLE_PROCESSED_OUTPUT | ENABLE_WRAP_AT_EOL_OUTPUT;
static UINT g_output_cp = 65001, g_input_cp = 65001;
static WORD g_attributes = 7;

/* The host fd of a console handle; anything that is not a terminal is not
 * a console, and Windows fails console calls on it. */
static int console_fd(HANDLE h)
{
    struct file_object *f = file_from_handle(h);
    if (!f)
        return -1;
    int fd = f->fd;
    object_release(&f->obj);
    if (!isatty(fd)) {
        SetLastError(ERROR_INVALID_HANDLE);
        return -1;
    }
    return fd;
}

BOOL WINAPI GetConsoleMode(HANDLE h, DWORD *mode)
{
    int fd = console_fd(h);
    if (fd < 0)
        return FALSE;
    if (mode)
        *mode = fd == 0 ? g_input_mode : g_output_mode;
    return TRUE;
}

BOOL WINAPI SetConsoleMode(HANDLE h, DWORD mode)
{
    int fd = console_fd(h);
    if (fd < 0)
        return FALSE;
    if (fd == 0)
        g_input_mode = mode;
    else
        g_output_mode = mode;
    return TRUE;
}

static BOOL write_all(int fd, const char *buf, size_t len)
{
    while (len) {
        ssize_t n = write(fd, buf, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return w32_fail_errno();
        buf += n;
        len -= n;
    }
    return TRUE;
}

BOOL WINAPI WriteConsoleW(HANDLE h, const void *buf, DWORD count, DWORD *written,
                          void *reserved)
{
    (void)reserved;
    int fd = console_fd(h);
    if (written)
        *written = 0;
    if (fd < 0)
        return FALSE;
    size_t n = utf16_to_utf8(buf, count, NULL, 0, NULL);
    char *u = malloc(n ? n : 1);
    utf16_to_utf8(buf, count, u, n, NULL);
    BOOL ok = write_all(fd, u, n);
    free(u);
    if (ok && written)
        *written = count;
    return ok;
}

BOOL WINAPI WriteConsoleA(HANDLE h, const void *buf, DWORD count, DWORD *written,
                          void *reserved)
{
    (void)reserved;
    int fd = console_fd(h);
    if (written)
        *written = 0;
    if (fd < 0)
        return FALSE;
    BOOL ok = write_all(fd, buf, count);
    if (ok && written)
        *written = count;
    return ok;
}

BOOL WINAPI ReadConsoleW(HANDLE h, void *buf, DWORD count, DWORD *got, void *control)
{
    (void)control;
    int fd = console_fd(h);
    if (got)
        *got = 0;
    if (fd < 0)
        return FALSE;
    /* Whole UTF-8 sequences: read up to count bytes (a line in line mode). */
    char *u = malloc(count + 4);
    ssize_t n;
    do
        n = read(fd, u, count);
    while (n < 0 && errno == EINTR);
    if (n < 0) {
        free(u);
        return w32_fail_errno();
    }
    size_t w = utf8_to_utf16(u, n, buf, count, NULL);
    free(u);
    if (got)
        *got = (DWORD)w;
    return TRUE;
}

BOOL WINAPI ReadConsoleA(HANDLE h, void *buf, DWORD count, DWORD *got, void *control)
{
    (void)control;
    int fd = console_fd(h);
    if (got)
        *got = 0;
    if (fd < 0)
        return FALSE;
    ssize_t n;
    do
        n = read(fd, buf, count);
    while (n < 0 && errno == EINTR);
    if (n < 0)
        return w32_fail_errno();
    if (got)
        *got = (DWORD)n;
    return TRUE;
}

UINT WINAPI GetConsoleOutputCP(void)
{
    return g_output_cp;
}

UINT WINAPI GetConsoleCP(void)
{
    return g_input_cp;
}

BOOL WINAPI SetConsoleOutputCP(UINT cp)
{
    if (!IsValidCodePage(cp)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    g_output_cp = cp;
    return TRUE;
}

BOOL WINAPI SetConsoleCP(UINT cp)
{
    if (!IsValidCodePage(cp)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    g_input_cp = cp;
    return TRUE;
}

BOOL WINAPI GetConsoleScreenBufferInfo(HANDLE h, CONSOLE_SCREEN_BUFFER_INFO *info)
{
    int fd = console_fd(h);
    if (fd < 0)
        return FALSE;
    struct winsize ws = { .ws_row = 25, .ws_col = 80 };
    ioctl(fd, TIOCGWINSZ, &ws);
    if (!ws.ws_col || !ws.ws_row) {
        ws.ws_col = 80;
        ws.ws_row = 25;
    }
    memset(info, 0, sizeof *info);
    info->dwSize.X = (SHORT)ws.ws_col;
    info->dwSize.Y = (SHORT)ws.ws_row;
    info->wAttributes = g_attributes;
    info->srWindow.Right = (SHORT)(ws.ws_col - 1);
    info->srWindow.Bottom = (SHORT)(ws.ws_row - 1);
    info->dwMaximumWindowSize = info->dwSize;
    return TRUE;
}

BOOL WINAPI FlushConsoleInputBuffer(HANDLE h)
{
    int fd = console_fd(h);
    if (fd < 0)
        return FALSE;
    tcflush(fd, TCIFLUSH);
    return TRUE;
}

/* The 16 console colours as ANSI SGR colours: Windows' bit order is blue,
 * green, red, intensity; ANSI's is red, green, blue, with bright colours
 * at 90 and 100. Only a terminal gets them: on a file or pipe the handle is
 * not a console and the call fails, writing nothing, as on Windows. */
BOOL WINAPI SetConsoleTextAttribute(HANDLE h, WORD attr)
{
    int fd = console_fd(h);
    if (fd < 0)
        return FALSE;
    static const int rgb[8] = { 0, 4, 2, 6, 1, 5, 3, 7 };
    char seq[32];
    int fg = rgb[attr & 7], bg = rgb[(attr >> 4) & 7];
    int n = snprintf(seq, sizeof seq, "\033[0;%d;%dm", (attr & 8 ? 90 : 30) + fg,
                     (attr & 0x80 ? 100 : 40) + bg);
    g_attributes = attr;
    return write_all(fd, seq, (size_t)n);
}
