/* The host's libm, opened at the first math function a program calls.
 * Linked, it cost every start of lvrun about 60 us (its mapping, its
 * relocations and IFUNC resolvers, a 1.3 ms start), and most programs
 * never compute a sine. */
#include <dlfcn.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include "lv/libm.h"

static void *g_libm;
static pthread_once_t g_once = PTHREAD_ONCE_INIT;

static void libm_open(void)
{
    g_libm = dlopen("libm.so.6", RTLD_NOW | RTLD_LOCAL);
}

void *lv_libm_find(const char *name)
{
    pthread_once(&g_once, libm_open);
    return g_libm ? dlsym(g_libm, name) : NULL;
}

void *lv_libm_function(const char *name)
{
    void *f = lv_libm_find(name);
    if (!f) {
        fprintf(stderr, "lvrun: the host's libm.so.6 %s %s\n",
                g_libm ? "has no" : "cannot be loaded, for", name);
        exit(127);
    }
    return f;
}

/* SQLite, linked into lvrun for the registry, refers to these for its SQL
 * math functions, which lvrun never runs; defined here, they keep libm
 * out of lvrun's link (meson links with --as-needed). Each looks its
 * libm function up at its first call. */
#define FORWARD1(name)                                                       \
    double name(double x)                                                    \
    {                                                                        \
        static double (*f)(double);                                          \
        double (*g)(double) = __atomic_load_n(&f, __ATOMIC_RELAXED);         \
        if (!g) {                                                            \
            g = (double (*)(double))lv_libm_function(#name);                 \
            __atomic_store_n(&f, g, __ATOMIC_RELAXED);                       \
        }                                                                    \
        return g(x);                                                         \
    }
#define FORWARD2(name)                                                       \
    double name(double x, double y)                                          \
    {                                                                        \
        static double (*f)(double, double);                                  \
        double (*g)(double, double) = __atomic_load_n(&f, __ATOMIC_RELAXED); \
        if (!g) {                                                            \
            g = (double (*)(double, double))lv_libm_function(#name);         \
            __atomic_store_n(&f, g, __ATOMIC_RELAXED);                       \
        }                                                                    \
        return g(x, y);                                                      \
    }

FORWARD1(acos)
FORWARD1(acosh)
FORWARD1(asin)
FORWARD1(asinh)
FORWARD1(atan)
FORWARD2(atan2)
FORWARD1(atanh)
FORWARD1(cos)
FORWARD1(cosh)
FORWARD1(exp)
FORWARD2(fmod)
FORWARD1(log)
FORWARD2(pow)
FORWARD1(sin)
FORWARD1(sinh)
FORWARD1(sqrt)
FORWARD1(tan)
FORWARD1(tanh)
FORWARD1(trunc)

/* These four are in libc as well as libm, and the linker took them from
 * libm (it comes first in the link, for SQLite): defined here, they are
 * the C library's, looked up past lvrun. */
static void *libc_function(void **cache, const char *name)
{
    void *f = __atomic_load_n(cache, __ATOMIC_RELAXED);
    if (!f) {
        f = dlsym(RTLD_NEXT, name);
        if (!f) {
            fprintf(stderr, "lvrun: the host's C library has no %s\n", name);
            exit(127);
        }
        __atomic_store_n(cache, f, __ATOMIC_RELAXED);
    }
    return f;
}

double frexp(double x, int *e)
{
    static void *f;
    return ((double (*)(double, int *))libc_function(&f, "frexp"))(x, e);
}

double ldexp(double x, int e)
{
    static void *f;
    return ((double (*)(double, int))libc_function(&f, "ldexp"))(x, e);
}

double modf(double x, double *i)
{
    static void *f;
    return ((double (*)(double, double *))libc_function(&f, "modf"))(x, i);
}

float modff(float x, float *i)
{
    static void *f;
    return ((float (*)(float, float *))libc_function(&f, "modff"))(x, i);
}
