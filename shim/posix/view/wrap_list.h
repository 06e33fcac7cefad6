/* Every name the view wraps. VIEW_WRAPPED: in both builds (lvrun binds
 * them for musl programs where musl.sym binds the host's); VIEW_PRELOAD_ONLY:
 * glibc-only entry points, interposed by liblvpreload.so. The preload
 * library's version script is made from this list: it exports exactly
 * these. */
#define VIEW_WRAPPED(X)                                                       \
    X(open) X(open64) X(openat) X(openat64) X(creat) X(creat64)               \
    X(fopen) X(fopen64) X(freopen) X(freopen64) X(truncate) X(truncate64)     \
    X(mkstemp) X(mkstemps) X(mkostemp) X(mkostemps) X(mkdtemp)                \
    X(stat) X(stat64) X(lstat) X(lstat64) X(fstatat) X(fstatat64)             \
    X(access) X(euidaccess) X(eaccess) X(faccessat) X(readlink) X(readlinkat) \
    X(statfs) X(statfs64) X(statvfs) X(statvfs64)                             \
    X(getxattr) X(lgetxattr) X(setxattr) X(lsetxattr) X(listxattr)            \
    X(llistxattr) X(removexattr) X(lremovexattr)                              \
    X(mkdir) X(mkdirat) X(rmdir) X(unlink) X(unlinkat) X(remove)              \
    X(rename) X(renameat) X(renameat2) X(link) X(linkat) X(symlink)           \
    X(symlinkat) X(chmod) X(fchmodat) X(chown) X(lchown) X(fchownat)          \
    X(utimensat) X(utimes) X(lutimes) X(futimesat) X(utime)                   \
    X(mknod) X(mknodat) X(mkfifo) X(mkfifoat) X(chroot)                       \
    X(opendir) X(scandir) X(scandir64) X(scandirat) X(scandirat64)            \
    X(ftw) X(ftw64) X(nftw) X(nftw64) X(chdir) X(fchdir) X(getcwd)            \
    X(realpath) X(execve) X(execv) X(execvp) X(execvpe) X(execl) X(execle)    \
    X(execlp) X(posix_spawn) X(posix_spawnp)                                  \
    X(posix_spawn_file_actions_addopen)                                       \
    X(posix_spawn_file_actions_addchdir_np)                                   \
    X(getpwuid) X(getpwuid_r) X(getpwnam) X(getpwnam_r) X(getlogin)           \
    X(getlogin_r) X(uname) X(gethostname)

#define VIEW_PRELOAD_ONLY(X)                                                  \
    X(__open_2) X(__open64_2) X(__openat_2) X(__openat64_2)                   \
    X(__xstat) X(__xstat64) X(__lxstat) X(__lxstat64) X(__fxstatat)           \
    X(__fxstatat64) X(statx) X(name_to_handle_at) X(__readlink_chk)           \
    X(__readlinkat_chk) X(__xmknod) X(__xmknodat) X(__getcwd_chk)             \
    X(get_current_dir_name) X(getwd) X(__realpath_chk)                        \
    X(canonicalize_file_name) X(execveat) X(fexecve) X(syscall)
