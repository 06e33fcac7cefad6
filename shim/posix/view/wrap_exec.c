/* Starting programs through the view: the exec family and posix_spawn.
 * The program's path is translated and its children get the view in
 * their environment (LVRUN_VIEW, and LD_PRELOAD for dynamic host
 * programs). */
#include <spawn.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "wrap.h"

REAL_DECL(execve);
REAL_DECL(faccessat);
REAL_DECL(execveat);
REAL_DECL(fexecve);
REAL_DECL(posix_spawn);
REAL_DECL(posix_spawn_file_actions_addopen);
REAL_DECL(posix_spawn_file_actions_addchdir_np);

extern char **environ;

static int do_execve(const char *path, char *const argv[], char *const envp[])
{
    if (!view_active())
        return REAL(execve)(path, argv, envp);
    char host[PATH_MAX];
    if (view_translate(path, VIEW_FOLLOW, host, sizeof host) < 0)
        return -1;
    char **env = view_child_env(envp);
    if (!env) {
        errno = ENOMEM;
        return -1;
    }
    int ret = REAL(execve)(host, argv, env);
    free(env);
    return ret;
}

int W(execve)(const char *path, char *const argv[], char *const envp[])
{
    return do_execve(path, argv, envp);
}

int W(execv)(const char *path, char *const argv[])
{
    return do_execve(path, argv, environ);
}

/* execvp's search of PATH, each candidate a guest path; the first error
 * other than "not there" is the answer, as execvp's is. */
static int do_execvpe(const char *file, char *const argv[], char *const envp[])
{
    if (!*file) {
        errno = ENOENT;
        return -1;
    }
    if (strchr(file, '/'))
        return do_execve(file, argv, envp);
    const char *path = getenv("PATH");
    if (!path)
        path = "/bin:/usr/bin";
    int err = ENOENT;
    for (const char *p = path;; p++) {
        size_t n = strcspn(p, ":");
        char cand[PATH_MAX];
        if (n + strlen(file) + 2 <= sizeof cand) {
            memcpy(cand, n ? p : ".", n ? n : 1);
            cand[n ? n : 1] = '/';
            strcpy(cand + (n ? n : 1) + 1, file);
            do_execve(cand, argv, envp);
            if (errno != ENOENT && errno != ENOTDIR && err == ENOENT)
                err = errno;
        }
        p += n;
        if (!*p)
            break;
    }
    errno = err;
    return -1;
}

int W(execvp)(const char *file, char *const argv[])
{
    return do_execvpe(file, argv, environ);
}

int W(execvpe)(const char *file, char *const argv[], char *const envp[])
{
    return do_execvpe(file, argv, envp);
}

/* The argument list of execl and friends as an array. */
#define COLLECT_ARGS(first, last, envp_out)                                   \
    size_t argc_ = 1;                                                         \
    va_list ap_;                                                              \
    va_start(ap_, first);                                                     \
    while (va_arg(ap_, char *))                                               \
        argc_++;                                                              \
    va_end(ap_);                                                              \
    char *argv_[argc_ + 1];                                                   \
    argv_[0] = (char *)(first);                                               \
    va_start(ap_, first);                                                     \
    for (size_t i_ = 1; i_ <= argc_; i_++)                                    \
        argv_[i_] = va_arg(ap_, char *);                                      \
    if (last)                                                                 \
        envp_out = va_arg(ap_, char **);                                      \
    va_end(ap_)

int W(execl)(const char *path, const char *arg, ...)
{
    char **envp = environ;
    COLLECT_ARGS(arg, 0, envp);
    return do_execve(path, argv_, envp);
}

int W(execle)(const char *path, const char *arg, ...)
{
    char **envp = environ;
    COLLECT_ARGS(arg, 1, envp);
    return do_execve(path, argv_, envp);
}

int W(execlp)(const char *file, const char *arg, ...)
{
    char **envp = environ;
    COLLECT_ARGS(arg, 0, envp);
    return do_execvpe(file, argv_, envp);
}

#ifdef VIEW_PRELOAD
int W(execveat)(int dirfd, const char *path, char *const argv[], char *const envp[], int flags)
{
    if (!view_active())
        return REAL(execveat)(dirfd, path, argv, envp, flags);
    char **env = view_child_env(envp);
    if (!env) {
        errno = ENOMEM;
        return -1;
    }
    struct view_res r;
    int ret = -1;
    if (view_resolve(dirfd, path, flags & AT_SYMLINK_NOFOLLOW ? 0 : VIEW_FOLLOW, &r) == 0) {
        ret = REAL(execveat)(r.dirfd, r.name, argv, env, flags);
        view_release(&r);
    }
    free(env);
    return ret;
}

int W(fexecve)(int fd, char *const argv[], char *const envp[])
{
    char **env = view_child_env(envp);
    if (!env) {
        errno = ENOMEM;
        return -1;
    }
    int ret = REAL(fexecve)(fd, argv, env);
    free(env);
    return ret;
}
#endif

static int do_spawn(pid_t *pid, const char *path, const posix_spawn_file_actions_t *fa,
                    const posix_spawnattr_t *attr, char *const argv[], char *const envp[])
{
    if (!view_active())
        return REAL(posix_spawn)(pid, path, fa, attr, argv, envp);
    char host[PATH_MAX];
    if (view_translate(path, VIEW_FOLLOW, host, sizeof host) < 0)
        return errno;
    char **env = view_child_env(envp);
    if (!env)
        return ENOMEM;
    int ret = REAL(posix_spawn)(pid, host, fa, attr, argv, env);
    free(env);
    return ret;
}

int W(posix_spawn)(pid_t *pid, const char *path, const posix_spawn_file_actions_t *fa,
                   const posix_spawnattr_t *attr, char *const argv[], char *const envp[])
{
    return do_spawn(pid, path, fa, attr, argv, envp);
}

int W(posix_spawnp)(pid_t *pid, const char *file, const posix_spawn_file_actions_t *fa,
                    const posix_spawnattr_t *attr, char *const argv[], char *const envp[])
{
    if (strchr(file, '/'))
        return do_spawn(pid, file, fa, attr, argv, envp);
    const char *path = getenv("PATH");
    if (!path)
        path = "/bin:/usr/bin";
    for (const char *p = path;; p++) {
        size_t n = strcspn(p, ":");
        char cand[PATH_MAX];
        if (n + strlen(file) + 2 <= sizeof cand) {
            memcpy(cand, n ? p : ".", n ? n : 1);
            cand[n ? n : 1] = '/';
            strcpy(cand + (n ? n : 1) + 1, file);
            struct view_res r;
            if (view_resolve(AT_FDCWD, cand, VIEW_FOLLOW, &r) == 0) {
                int ok = REAL(faccessat)(r.dirfd, r.name, X_OK, 0) == 0;
                view_release(&r);
                if (ok)
                    return do_spawn(pid, cand, fa, attr, argv, envp);
            }
        }
        p += n;
        if (!*p)
            return ENOENT;
    }
}

int W(posix_spawn_file_actions_addopen)(posix_spawn_file_actions_t *fa, int fd,
                                        const char *path, int flags, mode_t mode)
{
    char host[PATH_MAX];
    int how = (flags & O_ACCMODE) != O_RDONLY || (flags & (O_CREAT | O_TRUNC)) ? VIEW_WRITE : 0;
    if (view_active() && view_translate(path, how | VIEW_FOLLOW, host, sizeof host) < 0)
        return errno;
    return REAL(posix_spawn_file_actions_addopen)(fa, fd, view_active() ? host : path, flags, mode);
}

int W(posix_spawn_file_actions_addchdir_np)(posix_spawn_file_actions_t *fa, const char *path)
{
    char host[PATH_MAX];
    if (view_active() && view_translate(path, VIEW_FOLLOW, host, sizeof host) < 0)
        return errno;
    return REAL(posix_spawn_file_actions_addchdir_np)(fa, view_active() ? host : path);
}
