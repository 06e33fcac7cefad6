/* The wrappers' two builds. In liblvpreload.so (VIEW_PRELOAD) a wrapper
 * has the libc name it interposes and reaches libc's own through
 * dlsym(RTLD_NEXT); in lvrun it is view_w_NAME, bound by the musl
 * surface in place of the host symbol (view_table.c), and calls the
 * host function directly. */
#ifndef LV_VIEW_WRAP_H
#define LV_VIEW_WRAP_H

#include <errno.h>
#include <fcntl.h>
#include "view.h"

#ifdef VIEW_PRELOAD
#include <dlfcn.h>
#define W(f) f
#define REAL_DECL(f) static __typeof__(f) *real_##f
#define REAL(f)                                                               \
    (*({                                                                      \
        if (!real_##f)                                                        \
            real_##f = (__typeof__(f) *)dlsym(RTLD_NEXT, #f);                 \
        real_##f;                                                             \
    }))
#else
#define W(f) view_w_##f
#define REAL_DECL(f) extern __typeof__(f) f
#define REAL(f) f
#endif

/* One path-taking call: resolve, call EXPR (which uses r.dirfd, r.name
 * or view_res_path(&r)), release, return. */
#define VIEW_THROUGH(type, failed, dirfd, path, how, expr)                    \
    do {                                                                      \
        struct view_res r;                                                    \
        if (view_resolve((dirfd), (path), (how), &r) < 0)                     \
            return failed;                                                    \
        type ret_ = (expr);                                                   \
        view_release(&r);                                                     \
        return ret_;                                                          \
    } while (0)

/* The guest's /proc/self/exe and /proc/self/cmdline (lvrun runs it). */
bool view_is_self(const char *path, const char *what);

#endif
