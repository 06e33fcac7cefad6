/* Types of the musl surface's wrappers: musl's layouts where they differ
 * from the host's (checked against musl's headers by abi_check.c). */
#ifndef PX_TYPES_H
#define PX_TYPES_H

#include <dlfcn.h>
#include <ftw.h>
#include <link.h>
#include <locale.h>
#include <pthread.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>

typedef int (*px_main_fn)(int, char **, char **);
typedef void (*px_void_fn)(void);
typedef void *(*px_thread_fn)(void *);
typedef void (*px_cleanup_fn)(void *);
typedef int (*px_nftw_fn)(const char *, const struct stat *, int, struct FTW *);
typedef int (*px_ftw_fn)(const char *, const struct stat *, int);
typedef int (*px_phdr_fn)(struct dl_phdr_info *, size_t, void *);

/* musl's regex_t and regmatch_t (glibc's differ: re_nsub's place, and a
 * 32-bit regoff_t). The host's regex_t is kept behind __opaque. */
struct px_regex {
    size_t re_nsub;
    void *__opaque, *__padding[4];
    size_t __nsub2;
    char __padding2;
};

struct px_regmatch {
    long rm_so, rm_eo;
};

/* musl's pthread cleanup record (glibc's is larger). */
struct px_ptcb {
    px_cleanup_fn __f;
    void *__x;
    struct px_ptcb *__next;
};

struct px_option;

#endif
