/* Child processes from the CRT: system and _popen through "cmd.exe /c"
 * (%ComSpec%), as on Windows; _pipe; the _spawn family and _cwait. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include "kernel32.spec.h"
#include "msvcrt.spec.h"
#include "stdio_private.h"
#include "lv/wait.h"
#include "lv/wstr.h"

#define P_WAIT 0
#define P_NOWAIT 1
#define P_OVERLAY 2
#define P_NOWAITO 3
#define P_DETACH 4
#define STARTF_USESTDHANDLES 0x100
#define CREATE_UNICODE_ENVIRONMENT 0x400
#define DETACHED_PROCESS 0x8

static WCHAR *ansi_to_w(const char *s)
{
    if (!s)
        return NULL;
    int n = MultiByteToWideChar(0, 0, s, -1, NULL, 0);
    WCHAR *w = malloc(n * sizeof(WCHAR));
    MultiByteToWideChar(0, 0, s, -1, w, n);
    return w;
}

static WCHAR *wcat3(const WCHAR *a, const WCHAR *b, const WCHAR *c)
{
    size_t la = wstr_len(a), lb = wstr_len(b), lc = wstr_len(c);
    WCHAR *s = malloc((la + lb + lc + 1) * sizeof(WCHAR));
    memcpy(s, a, la * sizeof(WCHAR));
    memcpy(s + la, b, lb * sizeof(WCHAR));
    memcpy(s + la + lb, c, (lc + 1) * sizeof(WCHAR));
    return s;
}

static WCHAR *comspec(void)
{
    DWORD n = GetEnvironmentVariableW(u"ComSpec", NULL, 0);
    if (!n)
        return wstr_dup(u"C:\\windows\\system32\\cmd.exe");
    WCHAR *w = malloc(n * sizeof(WCHAR));
    GetEnvironmentVariableW(u"ComSpec", w, n);
    return w;
}

/* Start "cmd.exe /c command" with si (NULL: our standard handles). */
static HANDLE start_shell(const WCHAR *command, STARTUPINFOW *si)
{
    WCHAR *app = comspec();
    WCHAR *line = wcat3(u"cmd.exe /c ", command, u"");
    STARTUPINFOW own = { .cb = sizeof own };
    PROCESS_INFORMATION pi;
    BOOL ok = CreateProcessW(app, line, NULL, NULL, TRUE, 0, NULL, NULL, si ? si : &own, &pi);
    free(app);
    free(line);
    if (!ok) {
        msvcrt_set_errno_from_win32(GetLastError());
        return NULL;
    }
    CloseHandle(pi.hThread);
    return pi.hProcess;
}

static intptr_t wait_exit_code(HANDLE process)
{
    DWORD code = (DWORD)-1;
    WaitForSingleObject(process, INFINITE);
    GetExitCodeProcess(process, &code);
    CloseHandle(process);
    return (int)code;
}

int CDECL msvcrt__wsystem(const WCHAR *command)
{
    /* NULL asks whether a command interpreter is there: lvrun's is. */
    if (!command)
        return 1;
    HANDLE process = start_shell(command, NULL);
    return process ? (int)wait_exit_code(process) : -1;
}

int CDECL msvcrt_system(const char *command)
{
    if (!command)
        return 1;
    WCHAR *w = ansi_to_w(command);
    int r = msvcrt__wsystem(w);
    free(w);
    return r;
}

int CDECL msvcrt__pipe(int *fds, unsigned size, int mode)
{
    SECURITY_ATTRIBUTES sa = { sizeof sa, NULL, !(mode & MSVCRT_O_NOINHERIT) };
    HANDLE r, w;
    if (!CreatePipe(&r, &w, &sa, size)) {
        msvcrt_set_errno_from_win32(GetLastError());
        return -1;
    }
    int textmode = mode & MSVCRT_O_MODES;
    int inherit = mode & MSVCRT_O_NOINHERIT;
    fds[0] = msvcrt__open_osfhandle((intptr_t)r, MSVCRT_O_RDONLY | textmode | inherit);
    fds[1] = fds[0] < 0 ? -1 : msvcrt__open_osfhandle((intptr_t)w, MSVCRT_O_WRONLY | textmode | inherit);
    if (fds[1] < 0) {
        if (fds[0] >= 0)
            msvcrt__close(fds[0]);
        else
            CloseHandle(r);
        CloseHandle(w);
        msvcrt_set_errno(MSVCRT_EMFILE);
        return -1;
    }
    return 0;
}

/* The streams _popen opened, with their processes, for _pclose. */
struct popen_entry {
    MSVCRT_FILE *file;
    HANDLE process;
    struct popen_entry *next;
};

static struct popen_entry *g_popen;
static pthread_mutex_t g_popen_lock = PTHREAD_MUTEX_INITIALIZER;

MSVCRT_FILE *CDECL msvcrt__wpopen(const WCHAR *command, const WCHAR *mode)
{
    bool reading = mode && mode[0] == 'r', writing = mode && mode[0] == 'w';
    if (!command || (!reading && !writing)) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return NULL;
    }
    bool binary = false;
    for (const WCHAR *m = mode + 1; *m; m++)
        binary = *m == 'b' ? true : *m == 't' ? false : binary;
    HANDLE r, w;
    SECURITY_ATTRIBUTES sa = { sizeof sa, NULL, TRUE };
    if (!CreatePipe(&r, &w, &sa, 0)) {
        msvcrt_set_errno_from_win32(GetLastError());
        return NULL;
    }
    HANDLE ours = reading ? r : w, theirs = reading ? w : r;
    SetHandleInformation(ours, 1 /* HANDLE_FLAG_INHERIT */, 0);
    STARTUPINFOW si = { .cb = sizeof si, .dwFlags = STARTF_USESTDHANDLES };
    si.hStdInput = reading ? GetStdHandle(STD_INPUT_HANDLE) : theirs;
    si.hStdOutput = reading ? theirs : GetStdHandle(STD_OUTPUT_HANDLE);
    si.hStdError = GetStdHandle(STD_ERROR_HANDLE);
    HANDLE process = start_shell(command, &si);
    CloseHandle(theirs);
    if (!process) {
        CloseHandle(ours);
        return NULL;
    }
    int textmode = binary ? MSVCRT_O_BINARY : MSVCRT_O_TEXT;
    int fd = msvcrt__open_osfhandle((intptr_t)ours, (reading ? MSVCRT_O_RDONLY : MSVCRT_O_WRONLY) | textmode);
    MSVCRT_FILE *f = fd < 0 ? NULL : msvcrt__fdopen(fd, reading ? (binary ? "rb" : "r") : (binary ? "wb" : "w"));
    struct popen_entry *e = f ? malloc(sizeof *e) : NULL;
    if (!e) {
        if (f)
            msvcrt_fclose(f);
        else if (fd >= 0)
            msvcrt__close(fd);
        else
            CloseHandle(ours);
        wait_exit_code(process);
        msvcrt_set_errno(MSVCRT_EMFILE);
        return NULL;
    }
    e->file = f;
    e->process = process;
    pthread_mutex_lock(&g_popen_lock);
    e->next = g_popen;
    g_popen = e;
    pthread_mutex_unlock(&g_popen_lock);
    return f;
}

MSVCRT_FILE *CDECL msvcrt__popen(const char *command, const char *mode)
{
    WCHAR *c = ansi_to_w(command), *m = ansi_to_w(mode);
    MSVCRT_FILE *f = msvcrt__wpopen(c, m);
    free(c);
    free(m);
    return f;
}

int CDECL msvcrt__pclose(MSVCRT_FILE *f)
{
    struct popen_entry *e = NULL;
    pthread_mutex_lock(&g_popen_lock);
    for (struct popen_entry **pp = &g_popen; *pp; pp = &(*pp)->next)
        if ((*pp)->file == f) {
            e = *pp;
            *pp = e->next;
            break;
        }
    pthread_mutex_unlock(&g_popen_lock);
    if (!e) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    msvcrt_fclose(f);
    int code = (int)wait_exit_code(e->process);
    free(e);
    return code;
}

/* The CRT joins the arguments with blanks and quotes nothing: a program
 * that wants quotes puts them in its arguments, as on Windows. */
static WCHAR *join_args(const WCHAR *const *argv)
{
    size_t total = 1;
    for (const WCHAR *const *a = argv; *a; a++)
        total += wstr_len(*a) + 1;
    WCHAR *line = malloc(total * sizeof(WCHAR)), *p = line;
    for (const WCHAR *const *a = argv; *a; a++) {
        if (a != argv)
            *p++ = ' ';
        size_t n = wstr_len(*a);
        memcpy(p, *a, n * sizeof(WCHAR));
        p += n;
    }
    *p = 0;
    return line;
}

static WCHAR *env_block(const WCHAR *const *envp)
{
    size_t total = 2;
    for (const WCHAR *const *e = envp; *e; e++)
        total += wstr_len(*e) + 1;
    WCHAR *block = malloc(total * sizeof(WCHAR)), *p = block;
    for (const WCHAR *const *e = envp; *e; e++) {
        size_t n = wstr_len(*e) + 1;
        memcpy(p, *e, n * sizeof(WCHAR));
        p += n;
    }
    *p++ = 0;
    *p = 0;
    return block;
}

static bool is_file(const WCHAR *path)
{
    DWORD attr = GetFileAttributesW(path);
    return attr != INVALID_FILE_ATTRIBUTES && !(attr & FILE_ATTRIBUTE_DIRECTORY);
}

/* path, or path with ".exe", as the CRT tries it. */
static WCHAR *existing(const WCHAR *path)
{
    if (is_file(path))
        return wstr_dup(path);
    WCHAR *exe = wcat3(path, u".exe", u"");
    if (is_file(exe))
        return exe;
    free(exe);
    return NULL;
}

/* The _spawn*p search: the name as given, then each folder of PATH. */
static WCHAR *search_path(const WCHAR *name)
{
    WCHAR *found = existing(name);
    bool has_folder = false;
    for (const WCHAR *p = name; *p; p++)
        has_folder |= *p == '\\' || *p == '/' || *p == ':';
    DWORD n = found || has_folder ? 0 : GetEnvironmentVariableW(u"PATH", NULL, 0);
    if (!n)
        return found ? found : wstr_dup(name);
    WCHAR *path = malloc(n * sizeof(WCHAR));
    GetEnvironmentVariableW(u"PATH", path, n);
    for (WCHAR *dir = path; *dir && !found;) {
        WCHAR *end = dir;
        while (*end && *end != ';')
            end++;
        WCHAR saved = *end;
        *end = 0;
        if (*dir) {
            WCHAR *candidate = wcat3(dir, u"\\", name);
            found = existing(candidate);
            free(candidate);
        }
        dir = saved ? end + 1 : end;
    }
    free(path);
    return found ? found : wstr_dup(name);
}

static intptr_t spawn(int mode, const WCHAR *path, const WCHAR *const *argv,
                      const WCHAR *const *envp, bool search)
{
    if (!path || !argv || !argv[0]) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    if (mode != P_WAIT && mode != P_NOWAIT && mode != P_NOWAITO && mode != P_DETACH) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    WCHAR *app = search ? search_path(path) : wstr_dup(path);
    WCHAR *line = join_args(argv);
    WCHAR *block = envp ? env_block(envp) : NULL;
    DWORD flags = (envp ? CREATE_UNICODE_ENVIRONMENT : 0) | (mode == P_DETACH ? DETACHED_PROCESS : 0);
    STARTUPINFOW si = { .cb = sizeof si };
    PROCESS_INFORMATION pi;
    BOOL ok = CreateProcessW(app, line, NULL, NULL, TRUE, flags, block, NULL, &si, &pi);
    free(app);
    free(line);
    free(block);
    if (!ok) {
        msvcrt_set_errno_from_win32(GetLastError());
        return -1;
    }
    CloseHandle(pi.hThread);
    if (mode == P_WAIT)
        return wait_exit_code(pi.hProcess);
    if (mode == P_NOWAIT)
        return (intptr_t)pi.hProcess;
    CloseHandle(pi.hProcess);
    return 0;
}

/* The narrow forms convert their strings and call the wide ones. */
static WCHAR **wide_vector(const char *const *v)
{
    if (!v)
        return NULL;
    size_t n = 0;
    while (v[n])
        n++;
    WCHAR **w = calloc(n + 1, sizeof *w);
    for (size_t i = 0; i < n; i++)
        w[i] = ansi_to_w(v[i]);
    return w;
}

static void free_vector(WCHAR **v)
{
    for (WCHAR **p = v; p && *p; p++)
        free(*p);
    free(v);
}

static intptr_t spawn_narrow(int mode, const char *path, const char *const *argv,
                             const char *const *envp, bool search)
{
    WCHAR *wpath = ansi_to_w(path);
    WCHAR **wargv = wide_vector(argv), **wenvp = wide_vector(envp);
    intptr_t r = spawn(mode, wpath, (const WCHAR *const *)wargv, (const WCHAR *const *)wenvp, search);
    free(wpath);
    free_vector(wargv);
    free_vector(wenvp);
    return r;
}

intptr_t CDECL msvcrt__spawnv(int mode, const char *path, const char *const *argv)
{
    return spawn_narrow(mode, path, argv, NULL, false);
}

intptr_t CDECL msvcrt__spawnve(int mode, const char *path, const char *const *argv,
                               const char *const *envp)
{
    return spawn_narrow(mode, path, argv, envp, false);
}

intptr_t CDECL msvcrt__spawnvp(int mode, const char *path, const char *const *argv)
{
    return spawn_narrow(mode, path, argv, NULL, true);
}

intptr_t CDECL msvcrt__spawnvpe(int mode, const char *path, const char *const *argv,
                                const char *const *envp)
{
    return spawn_narrow(mode, path, argv, envp, true);
}

intptr_t CDECL msvcrt__wspawnv(int mode, const WCHAR *path, const WCHAR *const *argv)
{
    return spawn(mode, path, argv, NULL, false);
}

intptr_t CDECL msvcrt__wspawnve(int mode, const WCHAR *path, const WCHAR *const *argv,
                                const WCHAR *const *envp)
{
    return spawn(mode, path, argv, envp, false);
}

intptr_t CDECL msvcrt__wspawnvp(int mode, const WCHAR *path, const WCHAR *const *argv)
{
    return spawn(mode, path, argv, NULL, true);
}

intptr_t CDECL msvcrt__wspawnvpe(int mode, const WCHAR *path, const WCHAR *const *argv,
                                 const WCHAR *const *envp)
{
    return spawn(mode, path, argv, envp, true);
}

/* The list forms: the arguments up to a NULL, then (for the "e" forms)
 * the environment; pointers all, whatever their character type. */
static const void **list_args(const void *arg0, MSVCRT_va_list *ap, const void **envp)
{
    size_t n = 1;
    MSVCRT_va_list count;
    __builtin_ms_va_copy(count, *ap);
    while (__builtin_va_arg(count, const void *))
        n++;
    __builtin_ms_va_end(count);
    const void **argv = malloc((n + 1) * sizeof *argv);
    argv[0] = arg0;
    for (size_t i = 1; i < n; i++)
        argv[i] = __builtin_va_arg(*ap, const void *);
    argv[n] = NULL;
    __builtin_va_arg(*ap, const void *);
    if (envp)
        *envp = __builtin_va_arg(*ap, const void *);
    return argv;
}

static intptr_t spawn_list(int mode, const char *path, const char *arg0,
                           MSVCRT_va_list ap, bool with_env, bool search)
{
    const void *envp = NULL;
    const void **argv = list_args(arg0, &ap, with_env ? &envp : NULL);
    intptr_t r = spawn_narrow(mode, path, (const char *const *)argv, envp, search);
    free(argv);
    return r;
}

static intptr_t wspawn_list(int mode, const WCHAR *path, const WCHAR *arg0,
                            MSVCRT_va_list ap, bool with_env, bool search)
{
    const void *envp = NULL;
    const void **argv = list_args(arg0, &ap, with_env ? &envp : NULL);
    intptr_t r = spawn(mode, path, (const WCHAR *const *)argv, envp, search);
    free(argv);
    return r;
}

#define SPAWN_LIST(name, fn, chartype, with_env, search)                      \
    intptr_t CDECL name(int mode, const chartype *path, const chartype *arg0, ...) \
    {                                                                         \
        __builtin_ms_va_list ap;                                              \
        __builtin_ms_va_start(ap, arg0);                                      \
        intptr_t r = fn(mode, path, arg0, ap, with_env, search);              \
        __builtin_ms_va_end(ap);                                              \
        return r;                                                             \
    }

SPAWN_LIST(msvcrt__spawnl, spawn_list, char, false, false)
SPAWN_LIST(msvcrt__spawnle, spawn_list, char, true, false)
SPAWN_LIST(msvcrt__spawnlp, spawn_list, char, false, true)
SPAWN_LIST(msvcrt__spawnlpe, spawn_list, char, true, true)
SPAWN_LIST(msvcrt__wspawnl, wspawn_list, WCHAR, false, false)
SPAWN_LIST(msvcrt__wspawnle, wspawn_list, WCHAR, true, false)
SPAWN_LIST(msvcrt__wspawnlp, wspawn_list, WCHAR, false, true)
SPAWN_LIST(msvcrt__wspawnlpe, wspawn_list, WCHAR, true, true)

intptr_t CDECL msvcrt__cwait(int *status, intptr_t process, int action)
{
    (void)action;
    HANDLE h = (HANDLE)process;
    if (WaitForSingleObject(h, INFINITE) == WAIT_FAILED) {
        msvcrt_set_errno(MSVCRT_ECHILD);
        return -1;
    }
    DWORD code = 0;
    GetExitCodeProcess(h, &code);
    if (status)
        *status = (int)code;
    CloseHandle(h);
    return process;
}
