/* GetTempFileName: "<path>\<first 3 of prefix><hex number>.tmp". With a
 * number of 0 one is chosen and the file created (empty), as Windows
 * reserves the name; with a number given, only the name is made. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "kernel32.spec.h"
#include "kernel32_private.h"
#include "lv/w32error.h"
#include "lv/wstr.h"

static void make_name(const WCHAR *path, const WCHAR *prefix, UINT unique, WCHAR *out)
{
    size_t n = wstr_len(path);
    memcpy(out, path, n * sizeof(WCHAR));
    if (n && out[n - 1] != '\\' && out[n - 1] != '/')
        out[n++] = '\\';
    for (size_t i = 0; prefix && i < 3 && prefix[i]; i++)
        out[n++] = prefix[i];
    char tail[16];
    int len = snprintf(tail, sizeof tail, "%x.tmp", unique & 0xffff);
    for (int i = 0; i <= len; i++)
        out[n + i] = (WCHAR)tail[i];
}

UINT WINAPI GetTempFileNameW(const WCHAR *path, const WCHAR *prefix, UINT unique, WCHAR *buf)
{
    if (!path || !buf) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (wstr_len(path) > MAX_PATH - 14) {
        SetLastError(ERROR_BUFFER_OVERFLOW);
        return 0;
    }
    if (unique) {
        make_name(path, prefix, unique, buf);
        return unique & 0xffff;
    }
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    UINT start = (UINT)(ts.tv_nsec / 1000 ^ getpid()) & 0xffff;
    if (!start)
        start = 1;
    UINT num = start;
    do {
        make_name(path, prefix, num, buf);
        HANDLE h = CreateFileW(buf, GENERIC_WRITE, 0, NULL, CREATE_NEW, 0, NULL);
        if (h != INVALID_HANDLE_VALUE) {
            CloseHandle(h);
            SetLastError(ERROR_SUCCESS);
            return num;
        }
        DWORD err = GetLastError();
        if (err != ERROR_FILE_EXISTS && err != ERROR_ALREADY_EXISTS)
            return 0;
        num = (num + 1) & 0xffff;
        if (!num)
            num = 1;
    } while (num != start);
    SetLastError(ERROR_FILE_EXISTS);
    return 0;
}

UINT WINAPI GetTempFileNameA(const char *path, const char *prefix, UINT unique, char *buf)
{
    WCHAR *wpath = ansi_to_wstr(path), *wprefix = ansi_to_wstr(prefix);
    WCHAR out[MAX_PATH];
    UINT r = wpath && buf ? GetTempFileNameW(wpath, wprefix, unique, out) : 0;
    if (!wpath || !buf)
        SetLastError(ERROR_INVALID_PARAMETER);
    if (r)
        wstr_to_ansi_buf(out, buf, MAX_PATH);
    free(wpath);
    free(wprefix);
    return r;
}
