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

/* *slot, found by find at the first call (a race finds the same twice). */
static void *cached(void **slot, const char *name, void *(*find)(const char *))
{
    void *f = __atomic_load_n(slot, __ATOMIC_RELAXED);
    if (!f) {
        f = find(name);
        __atomic_store_n(slot, f, __ATOMIC_RELAXED);
    }
    return f;
}

void *lv_libm_cached(void **slot, const char *name)
{
    return cached(slot, name, lv_libm_function);
}

/* SQLite, linked into lvrun for the registry, refers to these for its SQL
 * math functions, which lvrun never runs; defined here, they keep libm
 * out of lvrun's link (meson links with --as-needed). */
#define FORWARD1(name)                                                       \
    double name(double x)                                                    \
    {                                                                        \
        static void *f;                                                      \
        return ((double (*)(double))lv_libm_cached(&f, #name))(x);           \
    }
#define FORWARD2(name)                                                       \
    double name(double x, double y)                                          \
    {                                                                        \
        static void *f;                                                      \
        return ((double (*)(double, double))lv_libm_cached(&f, #name))(x, y); \
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
static void *libc_function(const char *name)
{
    void *f = dlsym(RTLD_NEXT, name);
    if (!f) {
        fprintf(stderr, "lvrun: the host's C library has no %s\n", name);
        exit(127);
    }
    return f;
}

double frexp(double x, int *e)
{
    static void *f;
    return ((double (*)(double, int *))cached(&f, "frexp", libc_function))(x, e);
}

double ldexp(double x, int e)
{
    static void *f;
    return ((double (*)(double, int))cached(&f, "ldexp", libc_function))(x, e);
}

double modf(double x, double *i)
{
    static void *f;
    return ((double (*)(double, double *))cached(&f, "modf", libc_function))(x, i);
}

float modff(float x, float *i)
{
    static void *f;
    return ((float (*)(float, float *))cached(&f, "modff", libc_function))(x, i);
}
