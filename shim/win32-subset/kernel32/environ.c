/* The command line and the environment block, kept in UTF-16 in the
 * process parameters as Windows keeps them. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include "kernel32.spec.h"
#include "kernel32_private.h"
#include "lv/path.h"
#include "lv/teb.h"
#include "lv/w32error.h"
#include "lv/wstr.h"

extern char **environ;

static pthread_mutex_t g_env_lock = PTHREAD_MUTEX_INITIALIZER;
static char *g_cmdline_a;

static RTL_USER_PROCESS_PARAMETERS *params(void)
{
    return lv_peb()->ProcessParameters;
}

WCHAR *WINAPI GetCommandLineW(void)
{
    return params()->CommandLine.Buffer;
}

char *WINAPI GetCommandLineA(void)
{
    /* Built once, as Windows does: programs keep the pointer. */
    pthread_mutex_lock(&g_env_lock);
    if (!g_cmdline_a) {
        size_t n = wstr_to_ansi_buf(GetCommandLineW(), NULL, 0) + 1;
        g_cmdline_a = malloc(n);
        wstr_to_ansi_buf(GetCommandLineW(), g_cmdline_a, n);
    }
    pthread_mutex_unlock(&g_env_lock);
    return g_cmdline_a;
}

static size_t block_size(const WCHAR *block)
{
    const WCHAR *p = block;
    while (*p)
        p += wstr_len(p) + 1;
    return p - block + 1;
}

/* The entry for name ("NAME=value"), compared case-insensitively and
 * skipping the hidden "=C:" entries when the name is not one of them. */
static WCHAR *block_find(WCHAR *block, const WCHAR *name, size_t namelen)
{
    for (WCHAR *p = block; *p; p += wstr_len(p) + 1) {
        const WCHAR *eq = p + (*p == '=');
        while (*eq && *eq != '=')
            eq++;
        if ((size_t)(eq - p) != namelen || *eq != '=')
            continue;
        size_t i = 0;
        while (i < namelen && wchar_upper(p[i]) == wchar_upper(name[i]))
            i++;
        if (i == namelen)
            return p;
    }
    return NULL;
}

static int entry_cmp(const void *a, const void *b)
{
    return wstr_icmp(*(WCHAR *const *)a, *(WCHAR *const *)b);
}

/* Windows keeps the block sorted by name; GetEnvironmentStrings shows it. */
static WCHAR *block_from_entries(WCHAR **entries, size_t n)
{
    qsort(entries, n, sizeof *entries, entry_cmp);
    size_t total = 1;
    for (size_t i = 0; i < n; i++)
        total += wstr_len(entries[i]) + 1;
    WCHAR *block = malloc(total * sizeof(WCHAR)), *p = block;
    for (size_t i = 0; i < n; i++) {
        size_t l = wstr_len(entries[i]) + 1;
        memcpy(p, entries[i], l * sizeof(WCHAR));
        p += l;
    }
    *p = 0;
    return block;
}

void environ_init(void)
{
    char host[256] = "localhost";
    gethostname(host, sizeof host - 1);
    for (char *c = host; *c; c++) {
        if (*c == '.') {
            *c = 0;
            break;
        }
        if (*c >= 'a' && *c <= 'z')
            *c -= 32;
    }
    const char *user = path_user_name();
    const char *profile = path_user_profile();
    char temp[600], path[8192], nproc[16];
    snprintf(temp, sizeof temp, "%s\\Temp", profile);
    /* The count the PEB holds (teb.c asked the host once). */
    snprintf(nproc, sizeof nproc, "%lu", (unsigned long)lv_peb()->NumberOfProcessors);
    /* PATH: the Windows folders, then the host's folders as Z: paths. */
    snprintf(path, sizeof path, "C:\\windows\\system32;C:\\windows");
    const char *hpath = getenv("PATH");
    if (hpath) {
        char *copy = strdup(hpath), *save = NULL;
        for (char *d = strtok_r(copy, ":", &save); d; d = strtok_r(NULL, ":", &save)) {
            char *w = path_host_to_windows(d);
            size_t n = strlen(path);
            if (w && n + strlen(w) + 2 < sizeof path)
                snprintf(path + n, sizeof path - n, ";%s", w);
            free(w);
        }
        free(copy);
    }
    path_create_profile();
    const char *const win[][2] = {
        { "ALLUSERSPROFILE", "C:\\ProgramData" },
        { "APPDATA", NULL },
        { "CommonProgramFiles", "C:\\Program Files\\Common Files" },
        { "COMPUTERNAME", host },
        { "ComSpec", "C:\\windows\\system32\\cmd.exe" },
        { "HOMEDRIVE", "C:" },
        { "HOMEPATH", profile + 2 },
        { "LOCALAPPDATA", NULL },
        { "NUMBER_OF_PROCESSORS", nproc },
        { "OS", "Windows_NT" },
        { "PATH", path },
        { "PATHEXT", ".COM;.EXE;.BAT;.CMD;.VBS;.VBE;.JS;.JSE;.WSF;.WSH;.MSC" },
        { "PROCESSOR_ARCHITECTURE", "AMD64" },
        { "ProgramData", "C:\\ProgramData" },
        { "ProgramFiles", "C:\\Program Files" },
        { "ProgramFiles(x86)", "C:\\Program Files (x86)" },
        { "ProgramW6432", "C:\\Program Files" },
        { "PUBLIC", "C:\\users\\Public" },
        { "SystemDrive", "C:" },
        { "SystemRoot", "C:\\windows" },
        { "TEMP", temp },
        { "TMP", temp },
        { "USERNAME", user },
        { "USERPROFILE", profile },
        { "windir", "C:\\windows" },
    };
    size_t nwin = sizeof win / sizeof win[0];
    size_t nhost = 0;
    while (environ[nhost])
        nhost++;
    WCHAR **entries = calloc(nhost + nwin, sizeof *entries);
    size_t n = 0;
    char appdata[600], local[600];
    snprintf(appdata, sizeof appdata, "%s\\AppData\\Roaming", profile);
    snprintf(local, sizeof local, "%s\\AppData\\Local", profile);
    for (size_t i = 0; i < nhost; i++) {
        size_t len = strcspn(environ[i], "=");
        bool replaced = false;
        for (size_t j = 0; j < nwin && !replaced; j++)
            replaced = strlen(win[j][0]) == len && !strncasecmp(environ[i], win[j][0], len);
        if (!replaced)
            entries[n++] = utf8_to_wstr(environ[i]);
    }
    for (size_t j = 0; j < nwin; j++) {
        const char *v = win[j][1] ? win[j][1] : !strcmp(win[j][0], "APPDATA") ? appdata : local;
        size_t len = strlen(win[j][0]) + strlen(v) + 2;
        char *e = malloc(len);
        snprintf(e, len, "%s=%s", win[j][0], v);
        entries[n++] = utf8_to_wstr(e);
        free(e);
    }
    params()->Environment = block_from_entries(entries, n);
    for (size_t i = 0; i < n; i++)
        free(entries[i]);
    free(entries);
}

DWORD WINAPI GetEnvironmentVariableW(const WCHAR *name, WCHAR *buf, DWORD size)
{
    if (!name || !*name) {
        SetLastError(ERROR_ENVVAR_NOT_FOUND);
        return 0;
    }
    pthread_mutex_lock(&g_env_lock);
    size_t nlen = wstr_len(name);
    WCHAR *e = block_find(params()->Environment, name, nlen);
    DWORD r = 0;
    if (!e) {
        SetLastError(ERROR_ENVVAR_NOT_FOUND);
    } else {
        const WCHAR *v = e + nlen + 1;
        size_t vlen = wstr_len(v);
        if (vlen + 1 > size || !buf) {
            r = (DWORD)vlen + 1;
        } else {
            memcpy(buf, v, (vlen + 1) * sizeof(WCHAR));
            r = (DWORD)vlen;
            SetLastError(ERROR_SUCCESS);
        }
    }
    pthread_mutex_unlock(&g_env_lock);
    return r;
}

DWORD WINAPI GetEnvironmentVariableA(const char *name, char *buf, DWORD size)
{
    WCHAR *wname = ansi_to_wstr(name);
    DWORD n = GetEnvironmentVariableW(wname, NULL, 0);
    free(wname);
    if (!n)
        return 0;
    WCHAR *w = malloc(n * sizeof(WCHAR));
    wname = ansi_to_wstr(name);
    GetEnvironmentVariableW(wname, w, n);
    free(wname);
    size_t need = wstr_to_ansi_buf(w, NULL, 0);
    DWORD r;
    if (need + 1 > size || !buf) {
        r = (DWORD)need + 1;
    } else {
        wstr_to_ansi_buf(w, buf, size);
        r = (DWORD)need;
    }
    free(w);
    return r;
}

BOOL WINAPI SetEnvironmentVariableW(const WCHAR *name, const WCHAR *value)
{
    if (!name || !*name) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    /* "=C:" style names start with '='; no other '=' is allowed. */
    for (const WCHAR *p = name + 1; *p; p++)
        if (*p == '=') {
            SetLastError(ERROR_INVALID_PARAMETER);
            return FALSE;
        }
    pthread_mutex_lock(&g_env_lock);
    WCHAR *old = params()->Environment;
    size_t nlen = wstr_len(name);
    WCHAR *e = block_find(old, name, nlen);
    if (!e && !value) {
        pthread_mutex_unlock(&g_env_lock);
        SetLastError(ERROR_ENVVAR_NOT_FOUND);
        return FALSE;
    }
    size_t count = 0;
    for (WCHAR *p = old; *p; p += wstr_len(p) + 1)
        count++;
    WCHAR **entries = calloc(count + 1, sizeof *entries);
    size_t n = 0;
    for (WCHAR *p = old; *p; p += wstr_len(p) + 1)
        if (p != e)
            entries[n++] = p;
    WCHAR *added = NULL;
    if (value) {
        size_t vlen = wstr_len(value);
        added = malloc((nlen + vlen + 2) * sizeof(WCHAR));
        memcpy(added, name, nlen * sizeof(WCHAR));
        added[nlen] = '=';
        memcpy(added + nlen + 1, value, (vlen + 1) * sizeof(WCHAR));
        entries[n++] = added;
    }
    params()->Environment = block_from_entries(entries, n);
    free(added);
    free(entries);
    free(old);
    pthread_mutex_unlock(&g_env_lock);
    return TRUE;
}

BOOL WINAPI SetEnvironmentVariableA(const char *name, const char *value)
{
    WCHAR *wn = ansi_to_wstr(name), *wv = ansi_to_wstr(value);
    BOOL r = SetEnvironmentVariableW(wn, wv);
    free(wn);
    free(wv);
    return r;
}

WCHAR *WINAPI GetEnvironmentStringsW(void)
{
    pthread_mutex_lock(&g_env_lock);
    const WCHAR *block = params()->Environment;
    size_t n = block_size(block);
    WCHAR *copy = malloc(n * sizeof(WCHAR));
    memcpy(copy, block, n * sizeof(WCHAR));
    pthread_mutex_unlock(&g_env_lock);
    return copy;
}

char *WINAPI GetEnvironmentStringsA(void)
{
    WCHAR *w = GetEnvironmentStringsW();
    size_t n = block_size(w);
    int need = WideCharToMultiByte(0, 0, w, (int)n, NULL, 0, NULL, NULL);
    char *a = malloc(need);
    WideCharToMultiByte(0, 0, w, (int)n, a, need, NULL, NULL);
    free(w);
    return a;
}

BOOL WINAPI FreeEnvironmentStringsW(WCHAR *block)
{
    free(block);
    return TRUE;
}

BOOL WINAPI FreeEnvironmentStringsA(char *block)
{
    free(block);
    return TRUE;
}

DWORD WINAPI ExpandEnvironmentStringsW(const WCHAR *src, WCHAR *dst, DWORD size)
{
    size_t cap = 256, n = 0;
    WCHAR *out = malloc(cap * sizeof(WCHAR));
    for (const WCHAR *p = src; *p;) {
        const WCHAR *end = NULL;
        WCHAR val[32767];
        DWORD vlen = 0;
        if (*p == '%') {
            for (const WCHAR *q = p + 1; *q; q++)
                if (*q == '%') {
                    end = q;
                    break;
                }
        }
        const WCHAR *piece = p;
        size_t plen = 1;
        if (end && end > p + 1) {
            WCHAR name[1024];
            size_t len = end - p - 1;
            if (len < 1024) {
                memcpy(name, p + 1, len * sizeof(WCHAR));
                name[len] = 0;
                vlen = GetEnvironmentVariableW(name, val, 32767);
            }
            if (vlen && vlen < 32767) {
                piece = val;
                plen = vlen;
            } else {
                plen = end - p + 1;
            }
            p = end + 1;
        } else {
            p++;
        }
        if (n + plen + 1 > cap) {
            cap = (n + plen + 1) * 2;
            out = realloc(out, cap * sizeof(WCHAR));
        }
        memcpy(out + n, piece, plen * sizeof(WCHAR));
        n += plen;
    }
    out[n++] = 0;
    if (dst && size >= n)
        memcpy(dst, out, n * sizeof(WCHAR));
    free(out);
    return (DWORD)n;
}

DWORD WINAPI ExpandEnvironmentStringsA(const char *src, char *dst, DWORD size)
{
    WCHAR *w = ansi_to_wstr(src);
    DWORD n = ExpandEnvironmentStringsW(w, NULL, 0);
    WCHAR *out = malloc(n * sizeof(WCHAR));
    ExpandEnvironmentStringsW(w, out, n);
    free(w);
    size_t need = wstr_to_ansi_buf(out, NULL, 0) + 1;
    if (dst && size >= need)
        wstr_to_ansi_buf(out, dst, size);
    free(out);
    return (DWORD)need;
}
