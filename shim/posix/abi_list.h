/* What musl's x86-64 ABI and glibc's must agree on for the imports
 * bound straight to the host: sizes, offsets and constants. abi_probe.c
 * takes glibc's values, abi_check.c compares them with musl's headers
 * at build time (a mismatch fails the build, naming the item). */
#ifndef PX_ABI_LIST_H
#define PX_ABI_LIST_H

#include <dirent.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <ftw.h>
#include <getopt.h>
#include <glob.h>
#include <link.h>
#include <locale.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <pwd.h>
#include <regex.h>
#include <sched.h>
#include <semaphore.h>
#include <setjmp.h>
#include <signal.h>
#include <spawn.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>
#include <wordexp.h>

#define PX_SIZE(X, t, n) X(size_##n, sizeof(t))
#define PX_OFF(X, t, f, n) X(off_##n##_##f, offsetof(t, f))

#define PX_ABI_SAME(X) \
    PX_SIZE(X, struct stat, stat) \
    PX_OFF(X, struct stat, st_dev, stat) PX_OFF(X, struct stat, st_ino, stat) \
    PX_OFF(X, struct stat, st_mode, stat) PX_OFF(X, struct stat, st_nlink, stat) \
    PX_OFF(X, struct stat, st_uid, stat) PX_OFF(X, struct stat, st_size, stat) \
    PX_OFF(X, struct stat, st_blocks, stat) PX_OFF(X, struct stat, st_atim, stat) \
    PX_OFF(X, struct stat, st_mtim, stat) PX_OFF(X, struct stat, st_ctim, stat) \
    PX_SIZE(X, struct dirent, dirent) \
    PX_OFF(X, struct dirent, d_ino, dirent) PX_OFF(X, struct dirent, d_off, dirent) \
    PX_OFF(X, struct dirent, d_reclen, dirent) PX_OFF(X, struct dirent, d_type, dirent) \
    PX_OFF(X, struct dirent, d_name, dirent) \
    PX_SIZE(X, struct sigaction, sigaction) \
    PX_OFF(X, struct sigaction, sa_handler, sigaction) \
    PX_OFF(X, struct sigaction, sa_mask, sigaction) \
    PX_OFF(X, struct sigaction, sa_flags, sigaction) \
    PX_OFF(X, struct sigaction, sa_restorer, sigaction) \
    PX_SIZE(X, sigset_t, sigset) PX_SIZE(X, siginfo_t, siginfo) PX_SIZE(X, stack_t, stack) \
    PX_SIZE(X, jmp_buf, jmp_buf) PX_SIZE(X, sigjmp_buf, sigjmp_buf) \
    PX_SIZE(X, pthread_t, pthread) PX_SIZE(X, pthread_attr_t, pthread_attr) \
    PX_SIZE(X, pthread_mutex_t, mutex) PX_SIZE(X, pthread_mutexattr_t, mutexattr) \
    PX_SIZE(X, pthread_cond_t, cond) PX_SIZE(X, pthread_condattr_t, condattr) \
    PX_SIZE(X, pthread_rwlock_t, rwlock) PX_SIZE(X, pthread_rwlockattr_t, rwlockattr) \
    PX_SIZE(X, pthread_barrier_t, barrier) PX_SIZE(X, pthread_barrierattr_t, barrierattr) \
    PX_SIZE(X, pthread_once_t, once) PX_SIZE(X, pthread_key_t, key) \
    PX_SIZE(X, pthread_spinlock_t, spinlock) PX_SIZE(X, sem_t, sem) \
    X(mutex_normal, PTHREAD_MUTEX_NORMAL) X(mutex_recursive, PTHREAD_MUTEX_RECURSIVE) \
    X(mutex_errorcheck, PTHREAD_MUTEX_ERRORCHECK) X(create_detached, PTHREAD_CREATE_DETACHED) \
    X(process_shared, PTHREAD_PROCESS_SHARED) X(cancel_disable, PTHREAD_CANCEL_DISABLE) \
    X(mutex_robust, PTHREAD_MUTEX_ROBUST) X(prio_inherit, PTHREAD_PRIO_INHERIT) \
    PX_SIZE(X, glob_t, glob) PX_OFF(X, glob_t, gl_pathc, glob) \
    PX_OFF(X, glob_t, gl_pathv, glob) PX_OFF(X, glob_t, gl_offs, glob) \
    X(glob_err, GLOB_ERR) X(glob_mark, GLOB_MARK) X(glob_nosort, GLOB_NOSORT) \
    X(glob_dooffs, GLOB_DOOFFS) X(glob_nocheck, GLOB_NOCHECK) X(glob_append, GLOB_APPEND) \
    X(glob_noescape, GLOB_NOESCAPE) X(glob_period, GLOB_PERIOD) X(glob_tilde, GLOB_TILDE) \
    X(glob_nospace, GLOB_NOSPACE) X(glob_aborted, GLOB_ABORTED) X(glob_nomatch, GLOB_NOMATCH) \
    X(reg_extended, REG_EXTENDED) X(reg_icase, REG_ICASE) X(reg_newline, REG_NEWLINE) \
    X(reg_nosub, REG_NOSUB) X(reg_notbol, REG_NOTBOL) X(reg_noteol, REG_NOTEOL) \
    X(reg_nomatch, REG_NOMATCH) X(reg_badpat, REG_BADPAT) X(reg_ecollate, REG_ECOLLATE) \
    X(reg_ectype, REG_ECTYPE) X(reg_eescape, REG_EESCAPE) X(reg_esubreg, REG_ESUBREG) \
    X(reg_ebrack, REG_EBRACK) X(reg_eparen, REG_EPAREN) X(reg_ebrace, REG_EBRACE) \
    X(reg_badbr, REG_BADBR) X(reg_erange, REG_ERANGE) X(reg_espace, REG_ESPACE) \
    X(reg_badrpt, REG_BADRPT) \
    X(ftw_phys, FTW_PHYS) X(ftw_mount, FTW_MOUNT) X(ftw_chdir, FTW_CHDIR) \
    X(ftw_depth, FTW_DEPTH) PX_SIZE(X, struct FTW, ftw) \
    X(fnm_pathname, FNM_PATHNAME) X(fnm_noescape, FNM_NOESCAPE) X(fnm_period, FNM_PERIOD) \
    X(fnm_nomatch, FNM_NOMATCH) X(fnm_casefold, FNM_CASEFOLD) \
    PX_SIZE(X, struct tm, tm) PX_OFF(X, struct tm, tm_gmtoff, tm) \
    PX_OFF(X, struct tm, tm_zone, tm) PX_OFF(X, struct tm, tm_isdst, tm) \
    PX_SIZE(X, struct timespec, timespec) PX_SIZE(X, struct timeval, timeval) \
    PX_SIZE(X, struct utsname, utsname) PX_OFF(X, struct utsname, machine, utsname) \
    PX_SIZE(X, struct termios, termios) PX_OFF(X, struct termios, c_cc, termios) \
    PX_SIZE(X, struct statvfs, statvfs) PX_OFF(X, struct statvfs, f_flag, statvfs) \
    PX_OFF(X, struct statvfs, f_namemax, statvfs) \
    PX_SIZE(X, struct addrinfo, addrinfo) PX_OFF(X, struct addrinfo, ai_addr, addrinfo) \
    PX_OFF(X, struct addrinfo, ai_canonname, addrinfo) \
    PX_OFF(X, struct addrinfo, ai_next, addrinfo) \
    PX_SIZE(X, struct passwd, passwd) PX_OFF(X, struct passwd, pw_shell, passwd) \
    PX_SIZE(X, struct rlimit, rlimit) \
    PX_SIZE(X, struct pollfd, pollfd) PX_SIZE(X, struct msghdr, msghdr) \
    PX_SIZE(X, struct flock, flock) PX_SIZE(X, struct option, option) \
    PX_OFF(X, struct option, flag, option) PX_OFF(X, struct option, val, option) \
    PX_SIZE(X, struct lconv, lconv) PX_OFF(X, struct lconv, currency_symbol, lconv) \
    PX_OFF(X, struct lconv, int_frac_digits, lconv) \
    PX_SIZE(X, posix_spawnattr_t, spawnattr) \
    PX_SIZE(X, posix_spawn_file_actions_t, spawn_file_actions) \
    PX_SIZE(X, cpu_set_t, cpu_set) PX_SIZE(X, wordexp_t, wordexp) \
    PX_SIZE(X, mbstate_t, mbstate) PX_SIZE(X, Dl_info, dl_info) \
    PX_SIZE(X, struct dl_phdr_info, dl_phdr_info) \
    PX_OFF(X, struct dl_phdr_info, dlpi_phnum, dl_phdr_info) \
    PX_SIZE(X, struct winsize, winsize) PX_OFF(X, struct sched_param, sched_priority, sched_param) \
    PX_SIZE(X, fpos_t, fpos) PX_SIZE(X, div_t, div) PX_SIZE(X, ldiv_t, ldiv) \
    X(o_append, O_APPEND) X(o_creat, O_CREAT) X(o_excl, O_EXCL) X(o_trunc, O_TRUNC) \
    X(o_nonblock, O_NONBLOCK) X(o_directory, O_DIRECTORY) X(o_cloexec, O_CLOEXEC) \
    X(o_nofollow, O_NOFOLLOW) X(o_tmpfile, O_TMPFILE) X(at_fdcwd, AT_FDCWD) \
    X(sa_siginfo, SA_SIGINFO) X(sa_restart, SA_RESTART) X(sa_nodefer, SA_NODEFER) \
    X(sa_resethand, SA_RESETHAND) X(sa_onstack, SA_ONSTACK) X(sa_nocldstop, SA_NOCLDSTOP) \
    X(sig_block, SIG_BLOCK) X(sig_setmask, SIG_SETMASK) X(sigchld, SIGCHLD) \
    X(sigbus, SIGBUS) X(sigusr1, SIGUSR1) X(sigsys, SIGSYS) \
    X(sc_pagesize, _SC_PAGESIZE) X(sc_nprocessors_onln, _SC_NPROCESSORS_ONLN) \
    X(sc_open_max, _SC_OPEN_MAX) X(sc_clk_tck, _SC_CLK_TCK) X(sc_arg_max, _SC_ARG_MAX) \
    X(sc_nprocessors_conf, _SC_NPROCESSORS_CONF) X(sc_phys_pages, _SC_PHYS_PAGES) \
    X(sc_line_max, _SC_LINE_MAX) X(sc_getpw_r_size_max, _SC_GETPW_R_SIZE_MAX) \
    X(pc_name_max, _PC_NAME_MAX) X(pc_path_max, _PC_PATH_MAX) \
    X(lc_ctype, LC_CTYPE) X(lc_numeric, LC_NUMERIC) X(lc_time, LC_TIME) \
    X(lc_collate, LC_COLLATE) X(lc_monetary, LC_MONETARY) X(lc_messages, LC_MESSAGES) \
    X(lc_all, LC_ALL) X(clock_monotonic, CLOCK_MONOTONIC) X(clock_realtime, CLOCK_REALTIME) \
    X(clocks_per_sec, CLOCKS_PER_SEC) X(eof, EOF) X(iofbf, _IOFBF) X(iolbf, _IOLBF) \
    X(ionbf, _IONBF) X(seek_end, SEEK_END) \
    X(eagain, EAGAIN) X(enosys, ENOSYS) X(eilseq, EILSEQ) X(etimedout, ETIMEDOUT) \
    X(enotsup, ENOTSUP) X(eoverflow, EOVERFLOW) X(ecanceled, ECANCELED) \
    X(ai_passive, AI_PASSIVE) X(ai_canonname, AI_CANONNAME) X(ai_numericserv, AI_NUMERICSERV) \
    X(eai_noname, EAI_NONAME) X(eai_again, EAI_AGAIN) X(eai_system, EAI_SYSTEM) \
    X(wnohang, WNOHANG) X(wuntraced, WUNTRACED) X(rlimit_nofile, RLIMIT_NOFILE) \
    X(posix_spawn_setsigmask, POSIX_SPAWN_SETSIGMASK) \
    X(posix_spawn_setpgroup, POSIX_SPAWN_SETPGROUP) \
    X(wrde_nocmd, WRDE_NOCMD) X(wrde_showerr, WRDE_SHOWERR) \
    X(rtld_lazy, RTLD_LAZY) X(rtld_now, RTLD_NOW) X(rtld_global, RTLD_GLOBAL) \
    X(rtld_local, RTLD_LOCAL) X(rtld_default, (long)RTLD_DEFAULT) X(rtld_next, (long)RTLD_NEXT)

/* musl's is larger (reserved room) and glibc fills only its own part. */
#define PX_ABI_AT_LEAST(X) \
    PX_SIZE(X, struct rusage, rusage) PX_SIZE(X, struct sched_param, sched_param)

#endif
