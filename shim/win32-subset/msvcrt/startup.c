/* Start-up: the command line split into argv as the CRT splits it, the
 * program's name, _initterm, and the settings the start-up code makes. */
#include <pthread.h>
#include <string.h>
#include "msvcrt.spec.h"
#include "runtime_private.h"

int msvcrt___argc;
char **msvcrt___argv;
WCHAR **msvcrt___wargv;
char *msvcrt__acmdln;
WCHAR *msvcrt__wcmdln;
char *msvcrt__pgmptr;
WCHAR *msvcrt__wpgmptr;

static pthread_mutex_t g_args_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_once_t g_args_once = PTHREAD_ONCE_INIT;
static int g_error_mode;
static msvcrt_invalid_parameter_handler g_invalid_parameter_handler;

static bool is_blank(WCHAR c)
{
    return c == ' ' || c == '\t';
}

/* The program name is special: quotes only group, backslashes are
 * literal. The arguments follow the backslash rules; a "" inside quotes
 * is a literal quote, which ends the quoted part for msvcrt and does not
 * for the UCRT. out receives the arguments, each terminated; returns the
 * count. */
static int split_command_line(const WCHAR *p, WCHAR **argv, WCHAR *out, bool ucrt)
{
    int argc = 0;
    bool quoted = false;
    argv[argc++] = out;
    while (*p && (quoted || !is_blank(*p))) {
        if (*p == '"')
            quoted = !quoted;
        else
            *out++ = *p;
        p++;
    }
    *out++ = 0;
    for (;;) {
        while (is_blank(*p))
            p++;
        if (!*p)
            break;
        argv[argc++] = out;
        quoted = false;
        while (*p && (quoted || !is_blank(*p))) {
            if (*p == '\\') {
                size_t bs = 0;
                while (*p == '\\')
                    p++, bs++;
                if (*p != '"') {
                    while (bs--)
                        *out++ = '\\';
                    continue;
                }
                for (size_t i = 0; i < bs / 2; i++)
                    *out++ = '\\';
                if (bs % 2) {
                    *out++ = *p++;
                    continue;
                }
            }
            if (*p != '"') {
                *out++ = *p++;
            } else if (quoted && p[1] == '"') {
                *out++ = '"';
                p += 2;
                quoted = ucrt;
            } else {
                quoted = !quoted;
                p++;
            }
        }
        *out++ = 0;
    }
    argv[argc] = NULL;
    return argc;
}

char *msvcrt_wstr_to_acp(const WCHAR *w)
{
    int n = WideCharToMultiByte(0, 0, w, -1, NULL, 0, NULL, NULL);
    char *s = n > 0 ? msvcrt_malloc(n) : NULL;
    if (s)
        WideCharToMultiByte(0, 0, w, -1, s, n, NULL, NULL);
    return s;
}

WCHAR *msvcrt_acp_to_wstr(const char *s)
{
    int n = MultiByteToWideChar(0, 0, s, -1, NULL, 0);
    WCHAR *w = n > 0 ? msvcrt_malloc(n * sizeof(WCHAR)) : NULL;
    if (w)
        MultiByteToWideChar(0, 0, s, -1, w, n);
    return w;
}

/* Each array is one block (pointers, then the strings) as the CRT makes
 * it, so that programs may free __argv's array. */
static char **narrow_args(WCHAR **wargv, int argc)
{
    size_t size = (argc + 1) * sizeof(char *);
    for (int i = 0; i < argc; i++)
        size += WideCharToMultiByte(0, 0, wargv[i], -1, NULL, 0, NULL, NULL);
    char **argv = msvcrt_malloc(size);
    if (!argv)
        return NULL;
    char *s = (char *)(argv + argc + 1), *end = (char *)argv + size;
    for (int i = 0; i < argc; i++) {
        argv[i] = s;
        s += WideCharToMultiByte(0, 0, wargv[i], -1, s, (int)(end - s), NULL, NULL);
    }
    argv[argc] = NULL;
    return argv;
}

void msvcrt_args_parse(bool ucrt_rules)
{
    const WCHAR *cmd = GetCommandLineW();
    size_t len = 0;
    while (cmd[len])
        len++;
    size_t max_args = len + 2, units = 2 * len + 2;
    WCHAR **wargv = msvcrt_malloc(max_args * sizeof(WCHAR *) + units * sizeof(WCHAR));
    if (!wargv)
        return;
    int argc = split_command_line(cmd, wargv, (WCHAR *)(wargv + max_args), ucrt_rules);
    char **argv = narrow_args(wargv, argc);
    pthread_mutex_lock(&g_args_lock);
    msvcrt___argc = argc;
    msvcrt___wargv = wargv;
    msvcrt___argv = argv;
    pthread_mutex_unlock(&g_args_lock);
}

static void args_init_once(void)
{
    WCHAR path[32768];
    msvcrt__wcmdln = GetCommandLineW();
    msvcrt__acmdln = msvcrt_wstr_to_acp(msvcrt__wcmdln);
    DWORD n = GetModuleFileNameW(NULL, path, sizeof path / sizeof path[0]);
    path[n < sizeof path / sizeof path[0] ? n : 0] = 0;
    msvcrt__wpgmptr = msvcrt_malloc((n + 1) * sizeof(WCHAR));
    if (msvcrt__wpgmptr)
        memcpy(msvcrt__wpgmptr, path, (n + 1) * sizeof(WCHAR));
    msvcrt__pgmptr = msvcrt_wstr_to_acp(path);
    msvcrt_args_parse(false);
}

void msvcrt_args_init(void)
{
    pthread_once(&g_args_once, args_init_once);
}

void msvcrt_runtime_init(void)
{
    msvcrt_args_init();
    msvcrt_environ_init();
}

int CDECL msvcrt___getmainargs(int *argc, char ***argv, char ***envp, int expand_wildcards,
                               int *new_mode)
{
    (void)expand_wildcards;
    msvcrt_args_init();
    msvcrt_environ_init();
    *argc = msvcrt___argc;
    *argv = msvcrt___argv;
    *envp = msvcrt___initenv;
    if (new_mode)
        msvcrt__set_new_mode(*new_mode);
    return 0;
}

int CDECL msvcrt___wgetmainargs(int *argc, WCHAR ***argv, WCHAR ***envp, int expand_wildcards,
                                int *new_mode)
{
    (void)expand_wildcards;
    msvcrt_args_init();
    msvcrt_environ_init();
    *argc = msvcrt___argc;
    *argv = msvcrt___wargv;
    *envp = msvcrt___winitenv;
    if (new_mode)
        msvcrt__set_new_mode(*new_mode);
    return 0;
}

int *CDECL msvcrt___p___argc(void)
{
    msvcrt_args_init();
    return &msvcrt___argc;
}

char ***CDECL msvcrt___p___argv(void)
{
    msvcrt_args_init();
    return &msvcrt___argv;
}

WCHAR ***CDECL msvcrt___p___wargv(void)
{
    msvcrt_args_init();
    return &msvcrt___wargv;
}

char **CDECL msvcrt___p__acmdln(void)
{
    msvcrt_args_init();
    return &msvcrt__acmdln;
}

WCHAR **CDECL msvcrt___p__wcmdln(void)
{
    msvcrt_args_init();
    return &msvcrt__wcmdln;
}

char **CDECL msvcrt___p__pgmptr(void)
{
    msvcrt_args_init();
    return &msvcrt__pgmptr;
}

WCHAR **CDECL msvcrt___p__wpgmptr(void)
{
    msvcrt_args_init();
    return &msvcrt__wpgmptr;
}

int CDECL msvcrt__get_pgmptr(char **value)
{
    if (!value) {
        msvcrt_invalid_parameter();
        return MSVCRT_EINVAL;
    }
    msvcrt_args_init();
    *value = msvcrt__pgmptr;
    return 0;
}

int CDECL msvcrt__get_wpgmptr(WCHAR **value)
{
    if (!value) {
        msvcrt_invalid_parameter();
        return MSVCRT_EINVAL;
    }
    msvcrt_args_init();
    *value = msvcrt__wpgmptr;
    return 0;
}

void CDECL msvcrt__initterm(msvcrt_vfn *start, msvcrt_vfn *end)
{
    for (; start < end; start++)
        if (*start)
            (*start)();
}

int CDECL msvcrt__initterm_e(msvcrt_ifn *start, msvcrt_ifn *end)
{
    for (; start < end; start++) {
        int r = *start ? (*start)() : 0;
        if (r)
            return r;
    }
    return 0;
}

/* Console or GUI: lvrun runs console programs; nothing differs yet. */
void CDECL msvcrt___set_app_type(int type)
{
    (void)type;
}

/* Math errors are not routed to a user handler (_matherr). */
void CDECL msvcrt___setusermatherr(void *handler)
{
    (void)handler;
}

int CDECL msvcrt__set_error_mode(int mode)
{
    int old = g_error_mode;
    if (mode == 3)
        return old;
    if (mode < 0 || mode > 2) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    g_error_mode = mode;
    return old;
}

msvcrt_invalid_parameter_handler CDECL
msvcrt__set_invalid_parameter_handler(msvcrt_invalid_parameter_handler handler)
{
    return __atomic_exchange_n(&g_invalid_parameter_handler, handler, __ATOMIC_SEQ_CST);
}

msvcrt_invalid_parameter_handler CDECL msvcrt__get_invalid_parameter_handler(void)
{
    return __atomic_load_n(&g_invalid_parameter_handler, __ATOMIC_SEQ_CST);
}

void msvcrt_invalid_parameter(void)
{
    msvcrt_invalid_parameter_handler h = msvcrt__get_invalid_parameter_handler();
    if (h)
        h(NULL, NULL, NULL, 0, 0);
}

void CDECL msvcrt__invalid_parameter(const WCHAR *expr, const WCHAR *func, const WCHAR *file,
                                     UINT line, uintptr_t reserved)
{
    msvcrt_invalid_parameter_handler h = msvcrt__get_invalid_parameter_handler();
    if (h)
        h(expr, func, file, line, reserved);
}

void CDECL msvcrt__invalid_parameter_noinfo(void)
{
    msvcrt_invalid_parameter();
}
