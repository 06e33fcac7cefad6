/* errno and _doserrno: per thread, in Windows' numbering. */
#include "msvcrt.spec.h"
#include "runtime_private.h"

static __thread int t_errno;
static __thread ULONG t_doserrno;

int *msvcrt_errno_location(void)
{
    return &t_errno;
}

ULONG *msvcrt_doserrno_location(void)
{
    return &t_doserrno;
}

int *CDECL msvcrt__errno(void)
{
    return &t_errno;
}

ULONG *CDECL msvcrt___doserrno(void)
{
    return &t_doserrno;
}

int CDECL msvcrt__get_errno(int *value)
{
    if (!value)
        return MSVCRT_EINVAL;
    *value = t_errno;
    return 0;
}

int CDECL msvcrt__set_errno(int value)
{
    t_errno = value;
    return 0;
}

int CDECL msvcrt__get_doserrno(ULONG *value)
{
    if (!value)
        return MSVCRT_EINVAL;
    *value = t_doserrno;
    return 0;
}

int CDECL msvcrt__set_doserrno(ULONG value)
{
    t_doserrno = value;
    return 0;
}
