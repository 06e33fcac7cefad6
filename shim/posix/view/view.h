/* The virtual view: one description of the environment a program sees
 * (path mounts, confinement, environment, user and host names, code
 * page), applied the same way to PE imports (kernel32's path translator),
 * musl imports (the wrappers bound in place of the host's), preloaded
 * host programs (liblvpreload.so) and caught system calls.
 *
 * The description is a list of "key=value" settings, the same keys on
 * the command line (--mount ...), in a manifest (INI) and in LVRUN_VIEW
 * (settings separated by newlines or ';'), which is how children and
 * the preload library receive it:
 *   mount=GUEST=HOST[:ro]  confine=1  env=K=V  unset-env=K
 *   user=NAME  hostname=NAME  codepage=N  program=PATH (internal) */
#ifndef LV_VIEW_H
#define LV_VIEW_H

#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* One setting; false with a message on stderr when it is malformed. */
bool view_set(const char *key, const char *value);
/* An INI manifest: keys as above, in any section; relative host paths
 * of mounts are relative to the manifest's folder. */
bool view_load_manifest(const char *file);
/* Back to no settings at all (the view fuzzer, between inputs). */
void view_clear(void);
/* The settings of LVRUN_VIEW, if set. */
bool view_load_env(void);
/* The view as a LVRUN_VIEW value (malloc), for children. */
char *view_serialize(void);
/* Puts LVRUN_VIEW in the environment and applies env/unset-env. */
void view_export(void);

bool view_active(void);
bool view_confined(void);
/* The names the program sees, or NULL for the host's. */
const char *view_user(void);
const char *view_hostname(void);
/* The ANSI code page of PE programs (65001 unless set). */
unsigned view_codepage(void);
/* The guest program (its guest path and arguments) for /proc/self/exe
 * and /proc/self/cmdline. */
void view_set_program(const char *path, int argc, char **argv);
const char *view_program(void);
/* /proc/self/cmdline's contents (NUL-separated), its size in *size. */
const char *view_cmdline(size_t *size);

/* How a path is used. VIEW_FOLLOW: a symlink as last component is
 * followed; VIEW_WRITE: the call changes the file or its folder. */
enum { VIEW_FOLLOW = 1, VIEW_WRITE = 2 };

/* A path resolved for a host *at call: use (dirfd, name). When the view
 * is confined, dirfd or name hold a descriptor opened beneath a mount
 * (openat2 RESOLVE_BENEATH), so a symlink swapped in after the check
 * cannot lead out; view_release closes it. */
struct view_res {
    int dirfd;
    const char *name;
    int fd;
    char buf[PATH_MAX];
    char joined[PATH_MAX + 32];
};

/* 0, or -1 with errno: EACCES (outside the mounts when confined), EROFS
 * (a write into a read-only mount), ENAMETOOLONG, or the host's error. */
int view_resolve(int dirfd, const char *path, int how, struct view_res *r);
/* The resolved path as one string, for calls with no *at form. */
const char *view_res_path(struct view_res *r);
/* Closes what view_resolve opened; keeps errno. */
void view_release(struct view_res *r);
/* openat through the view (flags and mode as openat's). */
int view_openat(int dirfd, const char *path, int flags, mode_t mode);
/* A host path as the guest sees it (into out); false when it is outside
 * every mount of a confined view. */
bool view_host_to_guest(const char *host, char *out, size_t size);
/* The guest path of an open descriptor into out: 0, or -errno (-EACCES
 * when confined and it lies outside every mount: an fd passed in). */
int view_fd_path(int fd, char *out, size_t size);
/* The guest's current folder, kept here (chdir/fchdir update it). */
const char *view_cwd(void);
/* After a successful host chdir to the folder whose guest path is
 * guest (absolute or relative to the current one). */
void view_set_cwd(const char *guest);
/* The host path a guest path maps to, without opening anything (for
 * callers that must hand a string on: exec, posix_spawn, PE paths);
 * checks confinement like view_resolve. */
int view_translate(const char *guest, int how, char *out, size_t size);

/* The preload library's path, which children get in LD_PRELOAD (NULL:
 * none known). */
const char *view_preload_lib(void);
void view_set_preload_lib(const char *path);
/* envp with LD_PRELOAD and LVRUN_VIEW added when the view is active
 * (malloc'd array; the strings are envp's or static). */
char **view_child_env(char *const envp[]);

/* A denied access, on the view trace channel. */
void view_deny(const char *what, const char *path, int err);

#endif
