/* Floating-point control and status (<float.h>) over SSE's MXCSR, in
 * Windows' abstract bits: _MCW_EM (exception masks), _MCW_RC (rounding),
 * _MCW_DN (denormal control). x64 has no precision control. */
#include "libc_private.h"
#include "msvcrt.spec.h"

#define EM_INEXACT 0x00000001u
#define EM_UNDERFLOW 0x00000002u
#define EM_OVERFLOW 0x00000004u
#define EM_ZERODIVIDE 0x00000008u
#define EM_INVALID 0x00000010u
#define EM_DENORMAL 0x00080000u
#define MCW_EM 0x0008001fu
#define MCW_RC 0x00000300u
#define MCW_DN 0x03000000u
#define DN_FLUSH 0x01000000u

/* Windows' bit and the MXCSR exception-mask bit, in the same order as the
 * MXCSR flag bits (flag = mask >> 7). */
static const struct {
    unsigned win, mxcsr;
} g_exceptions[] = {
    { EM_INVALID, 0x0080 },  { EM_DENORMAL, 0x0100 }, { EM_ZERODIVIDE, 0x0200 },
    { EM_OVERFLOW, 0x0400 }, { EM_UNDERFLOW, 0x0800 }, { EM_INEXACT, 0x1000 },
};

static unsigned libc_get_mxcsr(void)
{
    unsigned v;

    __asm__ volatile("stmxcsr %0" : "=m"(v));
    return v;
}

static void libc_set_mxcsr(unsigned v)
{
    __asm__ volatile("ldmxcsr %0" : : "m"(v));
}

static unsigned libc_control_from_mxcsr(unsigned m)
{
    unsigned w = 0;

    for (size_t i = 0; i < 6; i++)
        if (m & g_exceptions[i].mxcsr)
            w |= g_exceptions[i].win;
    w |= ((m >> 13) & 3) << 8; /* near, down, up, chop: the same order */
    if (m & 0x8040)
        w |= DN_FLUSH;
    return w;
}

static unsigned libc_mxcsr_from_control(unsigned m, unsigned w, unsigned mask)
{
    for (size_t i = 0; i < 6; i++)
        if (mask & g_exceptions[i].win)
            m = (w & g_exceptions[i].win) ? m | g_exceptions[i].mxcsr
                                          : m & ~g_exceptions[i].mxcsr;
    if (mask & MCW_RC)
        m = (m & ~0x6000u) | ((w >> 8) & 3) << 13;
    if (mask & MCW_DN)
        m = (w & DN_FLUSH) ? m | 0x8040 : m & ~0x8040u;
    return m;
}

static unsigned libc_status_from_mxcsr(unsigned m)
{
    unsigned s = 0;

    for (size_t i = 0; i < 6; i++)
        if (m & (g_exceptions[i].mxcsr >> 7))
            s |= g_exceptions[i].win;
    return s;
}

CDECL unsigned msvcrt__controlfp(unsigned value, unsigned mask)
{
    unsigned m = libc_get_mxcsr();

    mask &= MCW_EM | MCW_RC | MCW_DN;
    if (mask) {
        m = libc_mxcsr_from_control(m, value, mask);
        libc_set_mxcsr(m);
    }
    return libc_control_from_mxcsr(m);
}

CDECL unsigned msvcrt__control87(unsigned value, unsigned mask)
{
    return msvcrt__controlfp(value, mask);
}

CDECL int msvcrt__controlfp_s(unsigned *current, unsigned value, unsigned mask)
{
    if (mask & ~(MCW_EM | MCW_RC | MCW_DN | 0x00030000u | 0x00040000u)) {
        if (current)
            *current = msvcrt__controlfp(0, 0);
        msvcrt_set_errno(MSVCRT_EINVAL);
        return MSVCRT_EINVAL;
    }
    unsigned v = msvcrt__controlfp(value, mask);
    if (current)
        *current = v;
    return 0;
}

CDECL void msvcrt__set_controlfp(unsigned value, unsigned mask)
{
    msvcrt__controlfp(value, mask);
}

CDECL unsigned msvcrt__statusfp(void)
{
    return libc_status_from_mxcsr(libc_get_mxcsr());
}

CDECL unsigned msvcrt__clearfp(void)
{
    unsigned m = libc_get_mxcsr();

    libc_set_mxcsr(m & ~0x3fu);
    __asm__ volatile("fnclex");
    return libc_status_from_mxcsr(m);
}

CDECL void msvcrt__fpreset(void)
{
    unsigned m = 0x1f80;

    __asm__ volatile("fninit");
    libc_set_mxcsr(m);
}
