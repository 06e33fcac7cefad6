/* CreateProcess: a PE runs in a new lvrun (this same binary), a host
 * program runs directly, and cmd.exe is lvrun's builtin interpreter (a
 * child lvrun in --cmd mode). The child gets its standard handles as fds
 * 0-2 and the inherited handles as the fds after them, which a child lvrun
 * puts back at their handle values (--inherit); a child lvrun reports its
 * full 32-bit exit code on a pipe (--exit-code-fd). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include "kernel32.spec.h"
#include "kernel32_private.h"
#include "process_private.h"
#include "shell32.spec.h"
#include "lv/path.h"
#include "lv/w32error.h"
#include "lv/wstr.h"

#define CREATE_SUSPENDED 0x4
#define CREATE_NEW_PROCESS_GROUP 0x200
#define CREATE_UNICODE_ENVIRONMENT 0x400
#define STARTF_USESTDHANDLES 0x100
#define SYSTEM_DIR "C:\\windows\\system32"

enum target_kind { TARGET_PE, TARGET_HOST, TARGET_CMD };

struct target {
    enum target_kind kind;
    char *host;
};

/* The child's fds: src (owned here, close-on-exec) becomes dst. */
struct fd_plan {
    int src[64 + 4];
    int count;
    char *inherit_spec;
    size_t spec_len;
};

static bool is_separator(char c)
{
    return c == '\\' || c == '/' || c == ':';
}

static const char *base_name(const char *path)
{
    const char *b = path;
    for (const char *p = path; *p; p++)
        if (is_separator(*p))
            b = p + 1;
    return b;
}

static bool has_extension(const char *name)
{
    return strchr(base_name(name), '.') != NULL;
}

static char *join(const char *a, const char *sep, const char *b)
{
    size_t n = strlen(a) + strlen(sep) + strlen(b) + 1;
    char *s = malloc(n);
    snprintf(s, n, "%s%s%s", a, sep, b);
    return s;
}

/* A PE starts with "MZ"; a host program is an ELF or a "#!" script. */
static DWORD probe(const char *win, struct target *t)
{
    char *host = path_windows_to_host_alloc(win);
    struct stat st;
    if (!host || stat(host, &st) < 0 || !S_ISREG(st.st_mode)) {
        free(host);
        return ERROR_FILE_NOT_FOUND;
    }
    unsigned char magic[4] = { 0 };
    int fd = open(host, O_RDONLY | O_CLOEXEC);
    ssize_t n = fd >= 0 ? read(fd, magic, sizeof magic) : -1;
    if (fd >= 0)
        close(fd);
    if (n >= 2 && magic[0] == 'M' && magic[1] == 'Z')
        t->kind = TARGET_PE;
    else if ((n == 4 && !memcmp(magic, "\177ELF", 4)) || (n >= 2 && magic[0] == '#' && magic[1] == '!'))
        t->kind = TARGET_HOST;
    else {
        free(host);
        return ERROR_BAD_EXE_FORMAT;
    }
    t->host = realpath(host, NULL);
    free(host);
    return t->host ? 0 : ERROR_FILE_NOT_FOUND;
}

/* name in folder dir: with ".exe" when it has no extension, then as it
 * is (host programs have none); cmd.exe is lvrun's own, in the system
 * folder. */
static DWORD find_in(const char *dir, const char *name, struct target *t)
{
    if (!strcasecmp(dir, SYSTEM_DIR) && (!strcasecmp(name, "cmd") || !strcasecmp(name, "cmd.exe"))) {
        t->kind = TARGET_CMD;
        t->host = NULL;
        return 0;
    }
    const char *sep = *dir && !is_separator(dir[strlen(dir) - 1]) ? "\\" : "";
    char *path = join(dir, sep, name);
    DWORD err = ERROR_FILE_NOT_FOUND;
    if (!has_extension(name)) {
        char *exe = join(path, "", ".exe");
        err = probe(exe, t);
        free(exe);
    }
    if (err == ERROR_FILE_NOT_FOUND)
        err = probe(path, t);
    free(path);
    return err;
}

static char *wide_env(const WCHAR *name)
{
    DWORD n = GetEnvironmentVariableW(name, NULL, 0);
    if (!n)
        return NULL;
    WCHAR *w = malloc(n * sizeof(WCHAR));
    GetEnvironmentVariableW(name, w, n);
    char *s = wstr_to_utf8(w);
    free(w);
    return s;
}

static char *app_folder(void)
{
    WCHAR w[MAX_PATH + 1];
    DWORD n = GetModuleFileNameW(NULL, w, MAX_PATH);
    if (!n || n >= MAX_PATH)
        return NULL;
    char *s = wstr_to_utf8(w);
    *(char *)base_name(s) = 0;
    return s;
}

static char *current_folder(void)
{
    WCHAR w[32768];
    DWORD n = GetCurrentDirectoryW(32768, w);
    return n && n < 32768 ? wstr_to_utf8(w) : NULL;
}

/* Windows' search for a name without a folder: the application's folder,
 * the current one, the system folders, then PATH. */
static DWORD search(const char *name, struct target *t)
{
    char *fixed[4] = { app_folder(), current_folder(), strdup(SYSTEM_DIR), strdup("C:\\windows") };
    DWORD err = ERROR_FILE_NOT_FOUND;
    for (int i = 0; i < 4 && err == ERROR_FILE_NOT_FOUND; i++)
        if (fixed[i])
            err = find_in(fixed[i], name, t);
    for (int i = 0; i < 4; i++)
        free(fixed[i]);
    char *path = err == ERROR_FILE_NOT_FOUND ? wide_env(u"PATH") : NULL;
    char *save = NULL;
    for (char *d = path ? strtok_r(path, ";", &save) : NULL; d && err == ERROR_FILE_NOT_FOUND;
         d = strtok_r(NULL, ";", &save))
        if (*d)
            err = find_in(d, name, t);
    free(path);
    return err;
}

static DWORD resolve(const char *name, struct target *t)
{
    if (!*name)
        return ERROR_FILE_NOT_FOUND;
    if (!strpbrk(name, "\\/:"))
        return search(name, t);
    WCHAR *w = utf8_to_wstr(name);
    WCHAR *full = full_path_name(w);
    free(w);
    char *s = full ? wstr_to_utf8(full) : strdup(name);
    free(full);
    char *file = strdup(base_name(s));
    *(char *)base_name(s) = 0;
    size_t n = strlen(s);
    if (n > 3 && s[n - 1] == '\\')
        s[n - 1] = 0;
    DWORD err = find_in(s, file, t);
    free(s);
    free(file);
    return err;
}

/* The program's name: the first word of the command line, up to the
 * closing quote when it starts with one. */
static char *first_word(const char *line)
{
    while (*line == ' ' || *line == '\t')
        line++;
    const char *end;
    if (*line == '"') {
        line++;
        end = strchr(line, '"');
        if (!end)
            end = line + strlen(line);
    } else {
        end = line + strcspn(line, " \t");
    }
    return strndup(line, end - line);
}

static void plan_add(struct fd_plan *plan, int fd)
{
    plan->src[plan->count++] = fd;
}

static int dup_fd(int fd)
{
    return fd < 0 ? -1 : fcntl(fd, F_DUPFD_CLOEXEC, 0);
}

static void collect_inherited(HANDLE h, struct object *obj, void *ctx)
{
    struct fd_plan *plan = ctx;
    if (obj->type != OBJ_FILE || plan->count >= (int)(sizeof plan->src / sizeof plan->src[0]) - 1)
        return;
    int fd = dup_fd(((struct file_object *)obj)->fd);
    if (fd < 0)
        return;
    char item[48];
    int n = snprintf(item, sizeof item, "%s%lx=%d", plan->spec_len ? "," : "",
                     (unsigned long)(uintptr_t)h, plan->count);
    char *spec = realloc(plan->inherit_spec, plan->spec_len + n + 1);
    if (!spec) {
        close(fd);
        return;
    }
    memcpy(spec + plan->spec_len, item, n + 1);
    plan->inherit_spec = spec;
    plan->spec_len += n;
    plan_add(plan, fd);
}

static void plan_free(struct fd_plan *plan)
{
    for (int i = 0; i < plan->count; i++)
        if (plan->src[i] >= 0)
            close(plan->src[i]);
    free(plan->inherit_spec);
}

/* The environment block (UTF-16, or ANSI without
 * CREATE_UNICODE_ENVIRONMENT) as host strings. */
static char **env_strings(const void *block, bool unicode)
{
    const WCHAR *own = NULL;
    if (!block) {
        own = GetEnvironmentStringsW();
        block = own;
        unicode = true;
    }
    size_t count = 0;
    if (unicode)
        for (const WCHAR *p = block; *p; p += wstr_len(p) + 1)
            count++;
    else
        for (const char *p = block; *p; p += strlen(p) + 1)
            count++;
    char **env = calloc(count + 1, sizeof *env);
    size_t i = 0;
    if (unicode) {
        for (const WCHAR *p = block; *p; p += wstr_len(p) + 1)
            env[i++] = wstr_to_utf8(p);
    } else {
        for (const char *p = block; *p; p += strlen(p) + 1) {
            WCHAR *w = ansi_to_wstr(p);
            env[i++] = wstr_to_utf8(w);
            free(w);
        }
    }
    if (own)
        FreeEnvironmentStringsW((WCHAR *)own);
    return env;
}

/* A host program finds its programs through a host PATH. */
static void host_path_variable(char **env)
{
    for (; *env; env++) {
        if (strncasecmp(*env, "PATH=", 5))
            continue;
        char *list = strdup(*env + 5), *save = NULL;
        size_t size = 6, used = 5;
        char *out = malloc(size);
        memcpy(out, "PATH=", 6);
        for (char *d = strtok_r(list, ";", &save); d; d = strtok_r(NULL, ";", &save)) {
            char *h = *d ? path_windows_to_host_alloc(d) : NULL;
            if (!h)
                continue;
            size_t n = strlen(h);
            out = realloc(out, size += n + 1);
            if (used > 5)
                out[used++] = ':';
            memcpy(out + used, h, n + 1);
            used += n;
            free(h);
        }
        free(list);
        free(*env);
        *env = out;
    }
}

static void free_strings(char **v)
{
    for (char **p = v; p && *p; p++)
        free(*p);
    free(v);
}

/* posix_spawn with the fd plan: every source is first copied above the
 * highest target, so that no dup2 overwrites a source still to come. */
static int spawn(const char *path, char **argv, char **envp, struct fd_plan *plan,
                 const char *cwd, bool new_group, pid_t *pid)
{
    int top = plan->count;
    int moved[sizeof plan->src / sizeof plan->src[0]];
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    for (int i = 0; i < plan->count; i++) {
        int src = plan->src[i];
        moved[i] = src >= 0 ? fcntl(src, F_DUPFD_CLOEXEC, top)
                            : open("/dev/null", O_RDWR | O_CLOEXEC);
        if (moved[i] >= 0 && moved[i] < top) {
            int high = fcntl(moved[i], F_DUPFD_CLOEXEC, top);
            close(moved[i]);
            moved[i] = high;
        }
        if (moved[i] >= 0)
            posix_spawn_file_actions_adddup2(&fa, moved[i], i);
    }
    posix_spawn_file_actions_addclosefrom_np(&fa, top);
    if (cwd)
        posix_spawn_file_actions_addchdir_np(&fa, cwd);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    sigset_t none, all;
    sigemptyset(&none);
    sigfillset(&all);
    sigdelset(&all, SIGKILL);
    sigdelset(&all, SIGSTOP);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setsigdefault(&attr, &all);
    short flags = POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF;
    if (new_group)
        flags |= POSIX_SPAWN_SETPGROUP;
    posix_spawnattr_setflags(&attr, flags);
    int err = posix_spawn(pid, path, &fa, &attr, argv, envp);
    posix_spawnattr_destroy(&attr);
    posix_spawn_file_actions_destroy(&fa);
    for (int i = 0; i < plan->count; i++)
        if (moved[i] >= 0)
            close(moved[i]);
    return err;
}

static char *self_exe(void)
{
    char buf[4096];
    ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (n <= 0)
        return strdup("/proc/self/exe");
    buf[n] = 0;
    return strdup(buf);
}

/* The standard handles the child gets: STARTUPINFO's, or ours. */
static void plan_std(struct fd_plan *plan, const STARTUPINFOW *si)
{
    bool given = si && (si->dwFlags & STARTF_USESTDHANDLES);
    HANDLE hs[3] = {
        given ? si->hStdInput : GetStdHandle(STD_INPUT_HANDLE),
        given ? si->hStdOutput : GetStdHandle(STD_OUTPUT_HANDLE),
        given ? si->hStdError : GetStdHandle(STD_ERROR_HANDLE),
    };
    for (int i = 0; i < 3; i++) {
        int fd = hs[i] && hs[i] != INVALID_HANDLE_VALUE ? handle_host_fd(hs[i]) : -1;
        plan_add(plan, dup_fd(fd));
    }
}

static BOOL fail(DWORD err)
{
    SetLastError(err);
    return FALSE;
}

static char *quoted_if_blank(const char *s)
{
    return strpbrk(s, " \t") ? join("\"", s, "\"") : strdup(s);
}

static BOOL start(const struct target *t, const char *cmdline, BOOL inherit, DWORD flags,
                  const void *env_block, const char *cwd_host, const STARTUPINFOW *si,
                  PROCESS_INFORMATION *pi)
{
    struct fd_plan plan = { .count = 0 };
    plan_std(&plan, si);
    if (inherit && t->kind != TARGET_HOST)
        handle_table_each_inheritable(collect_inherited, &plan);
    char **env = env_strings(env_block, flags & CREATE_UNICODE_ENVIRONMENT);
    int code_pipe[2] = { -1, -1 };
    char *argv_buf[16];
    char **argv = argv_buf;
    char code_fd[16];
    char *exe = NULL;
    if (t->kind == TARGET_HOST) {
        host_path_variable(env);
        WCHAR *w = utf8_to_wstr(cmdline);
        int argc = 0;
        WCHAR **wargv = CommandLineToArgvW(w, &argc);
        free(w);
        argv = calloc(argc + 1, sizeof *argv);
        for (int i = 0; i < argc; i++)
            argv[i] = wstr_to_utf8(wargv[i]);
        LocalFree(wargv);
        exe = strdup(t->host);
    } else {
        if (pipe2(code_pipe, O_CLOEXEC) < 0)
            code_pipe[0] = code_pipe[1] = -1;
        snprintf(code_fd, sizeof code_fd, "%d", plan.count);
        plan_add(&plan, code_pipe[1]);
        code_pipe[1] = -1;
        exe = self_exe();
        int n = 0;
        argv[n++] = "lvrun";
        argv[n++] = "--prefix";
        argv[n++] = (char *)path_prefix();
        argv[n++] = "--command-line";
        argv[n++] = (char *)cmdline;
        argv[n++] = "--exit-code-fd";
        argv[n++] = code_fd;
        argv[n++] = "--windows-env";
        if (plan.inherit_spec) {
            argv[n++] = "--inherit";
            argv[n++] = plan.inherit_spec;
        }
        if (t->kind == TARGET_CMD) {
            argv[n++] = "--cmd";
        } else {
            argv[n++] = "--";
            argv[n++] = t->host;
        }
        argv[n] = NULL;
    }
    pid_t pid;
    int err = spawn(exe, argv, env, &plan, cwd_host, flags & CREATE_NEW_PROCESS_GROUP, &pid);
    plan_free(&plan);
    free_strings(env);
    free(exe);
    if (argv != argv_buf)
        free_strings(argv);
    if (err) {
        if (code_pipe[0] >= 0)
            close(code_pipe[0]);
        errno = err;
        return w32_fail_errno();
    }
    struct object *obj = process_object_for_child(pid, code_pipe[0]);
    if (!obj) {
        if (code_pipe[0] >= 0)
            close(code_pipe[0]);
        return fail(ERROR_NOT_ENOUGH_MEMORY);
    }
    /* The thread handle is a second handle to the process: it waits and
     * signals with it, which is all a console program asks of it. */
    pi->hProcess = handle_table_insert(obj, false);
    pi->hThread = handle_table_insert(obj, false);
    object_release(obj);
    pi->dwProcessId = (DWORD)pid;
    pi->dwThreadId = (DWORD)pid;
    return TRUE;
}

static BOOL create_process(const char *app, const char *cmdline, BOOL inherit, DWORD flags,
                           const void *env, const char *cwd, const STARTUPINFOW *si,
                           PROCESS_INFORMATION *pi)
{
    if (!pi || (!app && !cmdline))
        return fail(ERROR_INVALID_PARAMETER);
    if (flags & CREATE_SUSPENDED)
        return fail(ERROR_NOT_SUPPORTED);
    /* An application name is not searched for: a bare one is in the
     * current folder. */
    char *name = !app ? first_word(cmdline) : strpbrk(app, "\\/:") ? strdup(app)
                                                                    : join(".\\", "", app);
    struct target t = { TARGET_PE, NULL };
    DWORD err = resolve(name, &t);
    free(name);
    if (err)
        return fail(err);
    char *cwd_host = NULL;
    struct stat st;
    if (cwd) {
        cwd_host = path_windows_to_host_alloc(cwd);
        if (!cwd_host || stat(cwd_host, &st) < 0 || !S_ISDIR(st.st_mode)) {
            free(cwd_host);
            free(t.host);
            return fail(ERROR_DIRECTORY);
        }
    }
    char *line = cmdline ? strdup(cmdline) : quoted_if_blank(app);
    BOOL ok = start(&t, line, inherit, flags, env, cwd_host, si, pi);
    free(line);
    free(cwd_host);
    free(t.host);
    return ok;
}

BOOL WINAPI CreateProcessW(const WCHAR *app, WCHAR *cmdline, SECURITY_ATTRIBUTES *psa,
                           SECURITY_ATTRIBUTES *tsa, BOOL inherit, DWORD flags, void *env,
                           const WCHAR *cwd, STARTUPINFOW *si, PROCESS_INFORMATION *pi)
{
    (void)psa, (void)tsa;
    char *a = app ? wstr_to_utf8(app) : NULL;
    char *c = cmdline ? wstr_to_utf8(cmdline) : NULL;
    char *d = cwd ? wstr_to_utf8(cwd) : NULL;
    BOOL ok = create_process(a, c, inherit, flags, env, d, si, pi);
    free(a);
    free(c);
    free(d);
    return ok;
}

static char *ansi_to_utf8(const char *s)
{
    if (!s)
        return NULL;
    WCHAR *w = ansi_to_wstr(s);
    char *u = wstr_to_utf8(w);
    free(w);
    return u;
}

BOOL WINAPI CreateProcessA(const char *app, char *cmdline, SECURITY_ATTRIBUTES *psa,
                           SECURITY_ATTRIBUTES *tsa, BOOL inherit, DWORD flags, void *env,
                           const char *cwd, STARTUPINFOW *si, PROCESS_INFORMATION *pi)
{
    (void)psa, (void)tsa;
    char *a = ansi_to_utf8(app);
    char *c = ansi_to_utf8(cmdline);
    char *d = ansi_to_utf8(cwd);
    BOOL ok = create_process(a, c, inherit, flags, env, d, si, pi);
    free(a);
    free(c);
    free(d);
    return ok;
}
