/* <math.h>: the host computes the values; errno is Windows' (EDOM for a
 * domain error, ERANGE for overflow and underflow), taken from the host's
 * report of the same condition. The host's libm is opened at the first
 * call (lv/libm.h): each function is looked up once. */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <string.h>
#include "libc_private.h"
#include "lv/libm.h"
#include "msvcrt.spec.h"
#include "ucrtbase.spec.h"

static void libc_math_errno(int host_errno)
{
    if (host_errno == EDOM)
        msvcrt_set_errno(MSVCRT_EDOM);
    else if (host_errno == ERANGE)
        msvcrt_set_errno(MSVCRT_ERANGE);
}

/* f, of the given type, set to the host's function at its first use. */
#define LIBM(f, host, type)                      \
    static void *f##_slot;                       \
    __typeof__(type) f = (type)lv_libm_cached(&f##_slot, #host);

#define LIBC_MATH1(name, type, host)             \
    CDECL type msvcrt_##name(type x)             \
    {                                            \
        int saved = errno;                       \
        type r;                                  \
        LIBM(fn, host, type (*)(type))           \
        errno = 0;                               \
        r = fn(x);                               \
        libc_math_errno(errno);                  \
        errno = saved;                           \
        return r;                                \
    }

#define LIBC_MATH2(name, type, host)             \
    CDECL type msvcrt_##name(type x, type y)     \
    {                                            \
        int saved = errno;                       \
        type r;                                  \
        LIBM(fn, host, type (*)(type, type))     \
        errno = 0;                               \
        r = fn(x, y);                            \
        libc_math_errno(errno);                  \
        errno = saved;                           \
        return r;                                \
    }

LIBC_MATH1(acos, double, acos)
LIBC_MATH1(asin, double, asin)
LIBC_MATH1(atan, double, atan)
LIBC_MATH2(atan2, double, atan2)
LIBC_MATH1(cos, double, cos)
LIBC_MATH1(cosh, double, cosh)
LIBC_MATH1(exp, double, exp)
LIBC_MATH2(fmod, double, fmod)
LIBC_MATH1(log, double, log)
LIBC_MATH1(log10, double, log10)
LIBC_MATH2(pow, double, pow)
LIBC_MATH1(sin, double, sin)
LIBC_MATH1(sinh, double, sinh)
LIBC_MATH1(sqrt, double, sqrt)
LIBC_MATH1(tan, double, tan)
LIBC_MATH1(tanh, double, tanh)
LIBC_MATH2(_hypot, double, hypot)
LIBC_MATH1(_logb, double, logb)
LIBC_MATH2(_nextafter, double, nextafter)
LIBC_MATH1(_j0, double, j0)
LIBC_MATH1(_j1, double, j1)
LIBC_MATH1(_y0, double, y0)
LIBC_MATH1(_y1, double, y1)
LIBC_MATH1(acosf, float, acosf)
LIBC_MATH1(asinf, float, asinf)
LIBC_MATH1(atanf, float, atanf)
LIBC_MATH2(atan2f, float, atan2f)
LIBC_MATH1(cosf, float, cosf)
LIBC_MATH1(coshf, float, coshf)
LIBC_MATH1(expf, float, expf)
LIBC_MATH2(fmodf, float, fmodf)
LIBC_MATH1(logf, float, logf)
LIBC_MATH1(log10f, float, log10f)
LIBC_MATH2(powf, float, powf)
LIBC_MATH1(sinf, float, sinf)
LIBC_MATH1(sinhf, float, sinhf)
LIBC_MATH1(sqrtf, float, sqrtf)
LIBC_MATH1(tanf, float, tanf)
LIBC_MATH1(tanhf, float, tanhf)
LIBC_MATH2(_hypotf, float, hypotf)
LIBC_MATH1(ucrt_cbrt, double, cbrt)
LIBC_MATH1(ucrt_exp2, double, exp2)
LIBC_MATH1(ucrt_expm1, double, expm1)
LIBC_MATH1(ucrt_log1p, double, log1p)
LIBC_MATH1(ucrt_log2, double, log2)
LIBC_MATH1(ucrt_acosh, double, acosh)
LIBC_MATH1(ucrt_asinh, double, asinh)
LIBC_MATH1(ucrt_atanh, double, atanh)
LIBC_MATH1(ucrt_erf, double, erf)
LIBC_MATH1(ucrt_erfc, double, erfc)
LIBC_MATH1(ucrt_tgamma, double, tgamma)
LIBC_MATH1(ucrt_lgamma, double, lgamma)
LIBC_MATH2(ucrt_remainder, double, remainder)
LIBC_MATH2(ucrt_fdim, double, fdim)
LIBC_MATH1(ucrt_round, double, round)
LIBC_MATH1(ucrt_trunc, double, trunc)
LIBC_MATH2(ucrt_fmax, double, fmax)
LIBC_MATH2(ucrt_fmin, double, fmin)
LIBC_MATH1(ucrt_nearbyint, double, nearbyint)
LIBC_MATH1(ucrt_roundf, float, roundf)

CDECL double msvcrt_ucrt_fma(double x, double y, double z)
{
    LIBM(fn, fma, double (*)(double, double, double))
    return fn(x, y, z);
}

CDECL double msvcrt__jn(int n, double x)
{
    LIBM(fn, jn, double (*)(int, double))
    return fn(n, x);
}

CDECL double msvcrt__yn(int n, double x)
{
    int saved = errno;
    double r;
    LIBM(fn, yn, double (*)(int, double))

    errno = 0;
    r = fn(n, x);
    libc_math_errno(errno);
    errno = saved;
    return r;
}

CDECL double msvcrt_ldexp(double x, int e)
{
    double r = ldexp(x, e);

    if (isfinite(x) && !isfinite(r))
        msvcrt_set_errno(MSVCRT_ERANGE);
    return r;
}

CDECL double msvcrt__scalb(double x, LONG e)
{
    return msvcrt_ldexp(x, e);
}

CDECL double msvcrt__copysign(double x, double y)
{
    return copysign(x, y);
}

CDECL double msvcrt__chgsign(double x)
{
    return -x;
}

CDECL int msvcrt__isnan(double x)
{
    return isnan(x);
}

CDECL int msvcrt__finite(double x)
{
    return isfinite(x);
}

CDECL int msvcrt__finitef(float x)
{
    return isfinite(x);
}

CDECL int msvcrt__isnanf(float x)
{
    return isnan(x);
}

/* <float.h> _FPCLASS_* */
CDECL int msvcrt__fpclass(double x)
{
    bool neg = signbit(x);

    switch (fpclassify(x)) {
    case FP_NAN: {
        uint64_t bits;
        memcpy(&bits, &x, sizeof bits);
        /* A NaN is quiet when the top bit of its fraction is set. */
        return bits >> 51 & 1 ? 0x0002 : 0x0001;
    }
    case FP_INFINITE:
        return neg ? 0x0004 : 0x0200;
    case FP_SUBNORMAL:
        return neg ? 0x0010 : 0x0080;
    case FP_ZERO:
        return neg ? 0x0020 : 0x0040;
    default:
        return neg ? 0x0008 : 0x0100;
    }
}

CDECL double msvcrt__cabs(msvcrt_complex z)
{
    return msvcrt__hypot(z.x, z.y);
}
