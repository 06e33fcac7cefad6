/* Temporary files and names: tmpfile, tmpnam, _tempnam. */
#include <stdlib.h>
#include <string.h>
#include "kernel32.spec.h"
#include "lv/w32file.h"
#include "msvcrt.spec.h"
#include "stdio_private.h"

#define CP_ACP 0
#define TMP_MAX_TRIES 32767

static unsigned tmp_counter;
static pthread_mutex_t tmp_lock = PTHREAD_MUTEX_INITIALIZER;

static size_t base32(unsigned v, WCHAR *out)
{
    WCHAR digits[8];
    size_t n = 0;
    do {
        unsigned d = v & 31;
        digits[n++] = d < 10 ? '0' + d : 'a' + d - 10;
        v >>= 5;
    } while (v);
    for (size_t i = 0; i < n; i++)
        out[i] = digits[n - 1 - i];
    out[n] = 0;
    return n;
}

/* dir + prefix + a number naming no file yet, as tmpnam and _tempnam
 * choose; false when every number is taken. */
static bool unique_name(WCHAR *out, size_t size, const WCHAR *dir, const WCHAR *prefix)
{
    size_t dlen = 0, plen = 0;
    while (dir[dlen])
        dlen++;
    while (prefix[plen])
        plen++;
    if (dlen + plen + 16 > size)
        return false;
    memcpy(out, dir, dlen * sizeof(WCHAR));
    if (dlen && out[dlen - 1] != '\\' && out[dlen - 1] != '/')
        out[dlen++] = '\\';
    memcpy(out + dlen, prefix, plen * sizeof(WCHAR));
    WCHAR *p = out + dlen + plen;
    for (int i = 0; i < TMP_MAX_TRIES; i++) {
        pthread_mutex_lock(&tmp_lock);
        unsigned n = ++tmp_counter;
        pthread_mutex_unlock(&tmp_lock);
        base32(n, p);
        if (GetFileAttributesW(out) == INVALID_FILE_ATTRIBUTES)
            return true;
    }
    return false;
}

/* tmpnam's names: "\s" + the process id + "." + a number, in base 32. */
static bool tmpnam_w(WCHAR *out, size_t size)
{
    WCHAR prefix[20] = { '\\', 's' };
    size_t n = 2 + base32(GetCurrentProcessId(), prefix + 2);
    prefix[n++] = '.';
    prefix[n] = 0;
    static const WCHAR empty[1];
    return unique_name(out, size, empty, prefix);
}

WCHAR *CDECL msvcrt__wtmpnam(WCHAR *buf)
{
    static WCHAR name[MAX_PATH];
    if (!buf)
        buf = name;
    if (!tmpnam_w(buf, MAX_PATH)) {
        msvcrt_set_errno(MSVCRT_EEXIST);
        return NULL;
    }
    return buf;
}

char *CDECL msvcrt_tmpnam(char *buf)
{
    static char name[MAX_PATH];
    WCHAR w[MAX_PATH];
    if (!tmpnam_w(w, MAX_PATH)) {
        msvcrt_set_errno(MSVCRT_EEXIST);
        return NULL;
    }
    if (!buf)
        buf = name;
    WideCharToMultiByte(CP_ACP, 0, w, -1, buf, MAX_PATH, NULL, NULL);
    return buf;
}

static bool is_dir(const WCHAR *path)
{
    DWORD attrs = path && *path ? GetFileAttributesW(path) : INVALID_FILE_ATTRIBUTES;
    return attrs != INVALID_FILE_ATTRIBUTES && (attrs & FILE_ATTRIBUTE_DIRECTORY);
}

/* The folder _tempnam uses: %TMP%, else dir, else the temporary folder. */
static bool tempnam_w(WCHAR *out, size_t size, const WCHAR *dir, const WCHAR *prefix)
{
    static const WCHAR tmp_var[] = { 'T', 'M', 'P', 0 };
    static const WCHAR empty[1];
    WCHAR folder[MAX_PATH];
    DWORD n = GetEnvironmentVariableW(tmp_var, folder, MAX_PATH);
    if (!n || n >= MAX_PATH || !is_dir(folder)) {
        if (is_dir(dir)) {
            size_t i = 0;
            for (; dir[i] && i < MAX_PATH - 1; i++)
                folder[i] = dir[i];
            folder[i] = 0;
        } else if (!GetTempPathW(MAX_PATH, folder)) {
            return false;
        }
    }
    return unique_name(out, size, folder, prefix ? prefix : empty);
}

WCHAR *CDECL msvcrt__wtempnam(const WCHAR *dir, const WCHAR *prefix)
{
    WCHAR name[MAX_PATH];
    if (!tempnam_w(name, MAX_PATH, dir, prefix)) {
        msvcrt_set_errno(MSVCRT_EEXIST);
        return NULL;
    }
    size_t n = 0;
    while (name[n])
        n++;
    WCHAR *ret = msvcrt_malloc((n + 1) * sizeof(WCHAR));
    if (ret)
        memcpy(ret, name, (n + 1) * sizeof(WCHAR));
    else
        msvcrt_set_errno(MSVCRT_ENOMEM);
    return ret;
}

char *CDECL msvcrt__tempnam(const char *dir, const char *prefix)
{
    WCHAR *wdir = msvcrt_a_to_w(dir), *wprefix = msvcrt_a_to_w(prefix);
    WCHAR name[MAX_PATH];
    char *ret = NULL;
    if (tempnam_w(name, MAX_PATH, wdir, wprefix)) {
        int n = WideCharToMultiByte(CP_ACP, 0, name, -1, NULL, 0, NULL, NULL);
        ret = msvcrt_malloc(n);
        if (ret)
            WideCharToMultiByte(CP_ACP, 0, name, -1, ret, n, NULL, NULL);
        else
            msvcrt_set_errno(MSVCRT_ENOMEM);
    } else {
        msvcrt_set_errno(MSVCRT_EEXIST);
    }
    free(wdir);
    free(wprefix);
    return ret;
}

/* A "w+b" stream on a new file in the temporary folder, removed when the
 * stream is closed. The process id in the name keeps processes apart. */
MSVCRT_FILE *CDECL msvcrt_tmpfile(void)
{
    WCHAR folder[MAX_PATH], name[MAX_PATH], prefix[20] = { 't' };
    size_t n = 1 + base32(GetCurrentProcessId(), prefix + 1);
    prefix[n++] = '.';
    prefix[n] = 0;
    if (!GetTempPathW(MAX_PATH, folder))
        return NULL;
    int fd = -1;
    for (int tries = 0; fd < 0 && tries < TMP_MAX_TRIES; tries++) {
        if (!unique_name(name, MAX_PATH, folder, prefix)) {
            msvcrt_set_errno(MSVCRT_EEXIST);
            return NULL;
        }
        fd = msvcrt__wsopen(name, MSVCRT_O_CREAT | MSVCRT_O_EXCL | MSVCRT_O_RDWR |
                            MSVCRT_O_BINARY, MSVCRT_SH_DENYNO,
                            MSVCRT_S_IREAD | MSVCRT_S_IWRITE);
        if (fd < 0 && *msvcrt_errno_location() != MSVCRT_EEXIST)
            return NULL;
    }
    if (fd < 0)
        return NULL;
    MSVCRT_FILE *f = msvcrt_stream_open_fd(fd, MSVCRT_IORW);
    if (!f) {
        msvcrt__close(fd);
        DeleteFileW(name);
        return NULL;
    }
    n = 0;
    while (name[n])
        n++;
    struct stream_state *st = msvcrt_stream_state(f);
    st->tmp_path = malloc((n + 1) * sizeof(WCHAR));
    if (st->tmp_path)
        memcpy(st->tmp_path, name, (n + 1) * sizeof(WCHAR));
    return f;
}

int CDECL msvcrt_tmpfile_s(MSVCRT_FILE **pf)
{
    if (!pf) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    *pf = msvcrt_tmpfile();
    return *pf ? 0 : *msvcrt_errno_location();
}

static int close_tmp(MSVCRT_FILE *f)
{
    if (!msvcrt_stream_state(f)->tmp_path)
        return 0;
    msvcrt_stream_close(f);
    return 1;
}

int CDECL msvcrt__rmtmp(void)
{
    return msvcrt_stream_each(close_tmp);
}
