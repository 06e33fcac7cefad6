/* The CRT's environment: a narrow and a wide copy of the Win32
 * environment, kept entry for entry in the same order. _putenv changes
 * both and the Win32 block. __initenv and __winitenv keep the arrays and
 * strings of start-up, which main's envp sees; the first change copies. */
#include <pthread.h>
#include <string.h>
#include "msvcrt.spec.h"
#include "runtime_private.h"

char **msvcrt__environ;
WCHAR **msvcrt__wenviron;
char **msvcrt___initenv;
WCHAR **msvcrt___winitenv;

static pthread_mutex_t g_env_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t g_env_once = PTHREAD_ONCE_INIT;
static size_t g_count;

static WCHAR *wstr_copy(const WCHAR *w, size_t len)
{
    WCHAR *c = msvcrt_malloc((len + 1) * sizeof(WCHAR));
    if (c) {
        memcpy(c, w, len * sizeof(WCHAR));
        c[len] = 0;
    }
    return c;
}

static void environ_init_once(void)
{
    WCHAR *block = GetEnvironmentStringsW();
    size_t n = 0;
    for (WCHAR *p = block; *p;) {
        size_t len = 0;
        while (p[len])
            len++;
        n += *p != '=';
        p += len + 1;
    }
    WCHAR **wide = msvcrt_calloc(n + 1, sizeof *wide);
    char **narrow = msvcrt_calloc(n + 1, sizeof *narrow);
    if (!wide || !narrow) {
        FreeEnvironmentStringsW(block);
        return;
    }
    size_t i = 0;
    for (WCHAR *p = block; *p;) {
        size_t len = 0;
        while (p[len])
            len++;
        /* The hidden per-drive "=C:=C:\..." entries stay out of the CRT's. */
        if (*p != '=') {
            wide[i] = wstr_copy(p, len);
            narrow[i] = wide[i] ? msvcrt_wstr_to_acp(wide[i]) : NULL;
            if (narrow[i])
                i++;
        }
        p += len + 1;
    }
    FreeEnvironmentStringsW(block);
    g_count = i;
    msvcrt__wenviron = msvcrt___winitenv = wide;
    msvcrt__environ = msvcrt___initenv = narrow;
}

void msvcrt_environ_init(void)
{
    pthread_once(&g_env_once, environ_init_once);
}

static int fold(int c)
{
    return c >= 'a' && c <= 'z' ? c - 32 : c;
}

/* The index of name (len units) in the narrow or wide array, or -1. */
static long find_narrow(const char *name, size_t len)
{
    for (size_t i = 0; i < g_count; i++) {
        const char *e = msvcrt__environ[i];
        size_t k = 0;
        while (k < len && e[k] && fold((unsigned char)e[k]) == fold((unsigned char)name[k]))
            k++;
        if (k == len && e[k] == '=')
            return (long)i;
    }
    return -1;
}

static long find_wide(const WCHAR *name, size_t len)
{
    for (size_t i = 0; i < g_count; i++) {
        const WCHAR *e = msvcrt__wenviron[i];
        size_t k = 0;
        while (k < len && e[k] && fold(e[k]) == fold(name[k]))
            k++;
        if (k == len && e[k] == '=')
            return (long)i;
    }
    return -1;
}

/* Leave the start-up arrays to envp: work on copies from the first
 * change on. */
static int make_private(void)
{
    if (msvcrt__environ != msvcrt___initenv)
        return 0;
    WCHAR **wide = msvcrt_calloc(g_count + 1, sizeof *wide);
    char **narrow = msvcrt_calloc(g_count + 1, sizeof *narrow);
    if (!wide || !narrow) {
        msvcrt_free(wide);
        msvcrt_free(narrow);
        return -1;
    }
    for (size_t i = 0; i < g_count; i++) {
        size_t wl = 0, nl = strlen(msvcrt__environ[i]) + 1;
        while (msvcrt__wenviron[i][wl])
            wl++;
        wide[i] = wstr_copy(msvcrt__wenviron[i], wl);
        narrow[i] = msvcrt_malloc(nl);
        if (!wide[i] || !narrow[i])
            return -1;
        memcpy(narrow[i], msvcrt__environ[i], nl);
    }
    msvcrt__wenviron = wide;
    msvcrt__environ = narrow;
    return 0;
}

/* Set (value non-NULL and not empty) or remove name in both copies and
 * in the Win32 environment. Called with the lock held. */
static int env_set(const WCHAR *name, size_t len, const WCHAR *value)
{
    if (make_private())
        return -1;
    long i = find_wide(name, len);
    if (!value || !*value) {
        if (i >= 0) {
            msvcrt_free(msvcrt__wenviron[i]);
            msvcrt_free(msvcrt__environ[i]);
            memmove(msvcrt__wenviron + i, msvcrt__wenviron + i + 1, (g_count - i) * sizeof(WCHAR *));
            memmove(msvcrt__environ + i, msvcrt__environ + i + 1, (g_count - i) * sizeof(char *));
            g_count--;
        }
    } else {
        size_t vlen = 0;
        while (value[vlen])
            vlen++;
        WCHAR *w = msvcrt_malloc((len + vlen + 2) * sizeof(WCHAR));
        char *a = NULL;
        if (w) {
            memcpy(w, name, len * sizeof(WCHAR));
            w[len] = '=';
            memcpy(w + len + 1, value, (vlen + 1) * sizeof(WCHAR));
            a = msvcrt_wstr_to_acp(w);
        }
        if (!a) {
            msvcrt_free(w);
            return -1;
        }
        if (i < 0) {
            WCHAR **wide = msvcrt_realloc(msvcrt__wenviron, (g_count + 2) * sizeof *wide);
            if (wide)
                msvcrt__wenviron = wide;
            char **narrow = wide ? msvcrt_realloc(msvcrt__environ, (g_count + 2) * sizeof *narrow) : NULL;
            if (!narrow) {
                msvcrt_free(w);
                msvcrt_free(a);
                return -1;
            }
            msvcrt__environ = narrow;
            i = (long)g_count++;
            msvcrt__wenviron[g_count] = NULL;
            msvcrt__environ[g_count] = NULL;
        } else {
            msvcrt_free(msvcrt__wenviron[i]);
            msvcrt_free(msvcrt__environ[i]);
        }
        msvcrt__wenviron[i] = w;
        msvcrt__environ[i] = a;
    }
    WCHAR *wname = wstr_copy(name, len);
    if (!wname)
        return -1;
    SetEnvironmentVariableW(wname, value && *value ? value : NULL);
    msvcrt_free(wname);
    return 0;
}

static int env_set_locked(const WCHAR *name, size_t len, const WCHAR *value)
{
    msvcrt_environ_init();
    pthread_mutex_lock(&g_env_lock);
    int r = env_set(name, len, value);
    pthread_mutex_unlock(&g_env_lock);
    if (r)
        msvcrt_set_errno(MSVCRT_ENOMEM);
    return r;
}

static int invalid(void)
{
    msvcrt_invalid_parameter();
    msvcrt_set_errno(MSVCRT_EINVAL);
    return MSVCRT_EINVAL;
}

int CDECL msvcrt__wputenv(const WCHAR *option)
{
    const WCHAR *eq = option;
    while (eq && *eq && *eq != '=')
        eq++;
    if (!option || eq == option || *eq != '=') {
        invalid();
        return -1;
    }
    return env_set_locked(option, eq - option, eq + 1);
}

int CDECL msvcrt__putenv(const char *option)
{
    if (!option) {
        invalid();
        return -1;
    }
    WCHAR *w = msvcrt_acp_to_wstr(option);
    if (!w) {
        msvcrt_set_errno(MSVCRT_ENOMEM);
        return -1;
    }
    int r = msvcrt__wputenv(w);
    msvcrt_free(w);
    return r;
}

int CDECL msvcrt__wputenv_s(const WCHAR *name, const WCHAR *value)
{
    if (!name || !value || !*name)
        return invalid();
    size_t len = 0;
    for (; name[len]; len++)
        if (name[len] == '=')
            return invalid();
    return env_set_locked(name, len, value) ? *msvcrt_errno_location() : 0;
}

int CDECL msvcrt__putenv_s(const char *name, const char *value)
{
    if (!name || !value)
        return invalid();
    WCHAR *wn = msvcrt_acp_to_wstr(name), *wv = msvcrt_acp_to_wstr(value);
    int r = wn && wv ? msvcrt__wputenv_s(wn, wv) : MSVCRT_ENOMEM;
    msvcrt_free(wn);
    msvcrt_free(wv);
    return r;
}

/* The value of name; the caller holds the lock. */
static const char *value_narrow(const char *name)
{
    long i = find_narrow(name, strlen(name));
    return i < 0 ? NULL : strchr(msvcrt__environ[i], '=') + 1;
}

static const WCHAR *value_wide(const WCHAR *name)
{
    size_t len = 0;
    while (name[len])
        len++;
    long i = find_wide(name, len);
    if (i < 0)
        return NULL;
    return msvcrt__wenviron[i] + len + 1;
}

char *CDECL msvcrt_getenv(const char *name)
{
    if (!name) {
        invalid();
        return NULL;
    }
    msvcrt_environ_init();
    pthread_mutex_lock(&g_env_lock);
    const char *v = value_narrow(name);
    pthread_mutex_unlock(&g_env_lock);
    return (char *)v;
}

WCHAR *CDECL msvcrt__wgetenv(const WCHAR *name)
{
    if (!name) {
        invalid();
        return NULL;
    }
    msvcrt_environ_init();
    pthread_mutex_lock(&g_env_lock);
    const WCHAR *v = value_wide(name);
    pthread_mutex_unlock(&g_env_lock);
    return (WCHAR *)v;
}

int CDECL msvcrt_getenv_s(size_t *needed, char *buf, size_t size, const char *name)
{
    if (!needed || !name || (!buf && size))
        return invalid();
    msvcrt_environ_init();
    pthread_mutex_lock(&g_env_lock);
    const char *v = value_narrow(name);
    size_t n = v ? strlen(v) + 1 : 0;
    int r = 0;
    *needed = n;
    if (buf)
        buf[0] = 0;
    if (v && buf && n <= size)
        memcpy(buf, v, n);
    else if (v && size)
        r = MSVCRT_ERANGE;
    pthread_mutex_unlock(&g_env_lock);
    if (r)
        msvcrt_set_errno(r);
    return r;
}

int CDECL msvcrt__wgetenv_s(size_t *needed, WCHAR *buf, size_t size, const WCHAR *name)
{
    if (!needed || !name || (!buf && size))
        return invalid();
    msvcrt_environ_init();
    pthread_mutex_lock(&g_env_lock);
    const WCHAR *v = value_wide(name);
    size_t n = 0;
    if (v)
        while (v[n++])
            ;
    int r = 0;
    *needed = n;
    if (buf)
        buf[0] = 0;
    if (v && buf && n <= size)
        memcpy(buf, v, n * sizeof(WCHAR));
    else if (v && size)
        r = MSVCRT_ERANGE;
    pthread_mutex_unlock(&g_env_lock);
    if (r)
        msvcrt_set_errno(r);
    return r;
}

int CDECL msvcrt__dupenv_s(char **out, size_t *size, const char *name)
{
    if (!out || !name)
        return invalid();
    msvcrt_environ_init();
    pthread_mutex_lock(&g_env_lock);
    const char *v = value_narrow(name);
    size_t n = v ? strlen(v) + 1 : 0;
    *out = v ? msvcrt_malloc(n) : NULL;
    if (*out)
        memcpy(*out, v, n);
    pthread_mutex_unlock(&g_env_lock);
    if (v && !*out) {
        msvcrt_set_errno(MSVCRT_ENOMEM);
        return MSVCRT_ENOMEM;
    }
    if (size)
        *size = n;
    return 0;
}

int CDECL msvcrt__wdupenv_s(WCHAR **out, size_t *size, const WCHAR *name)
{
    if (!out || !name)
        return invalid();
    msvcrt_environ_init();
    pthread_mutex_lock(&g_env_lock);
    const WCHAR *v = value_wide(name);
    size_t n = 0;
    if (v)
        while (v[n++])
            ;
    *out = v ? msvcrt_malloc(n * sizeof(WCHAR)) : NULL;
    if (*out)
        memcpy(*out, v, n * sizeof(WCHAR));
    pthread_mutex_unlock(&g_env_lock);
    if (v && !*out) {
        msvcrt_set_errno(MSVCRT_ENOMEM);
        return MSVCRT_ENOMEM;
    }
    if (size)
        *size = n;
    return 0;
}

char ***CDECL msvcrt___p__environ(void)
{
    msvcrt_environ_init();
    return &msvcrt__environ;
}

WCHAR ***CDECL msvcrt___p__wenviron(void)
{
    msvcrt_environ_init();
    return &msvcrt__wenviron;
}
