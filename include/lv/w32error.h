/* The one path from host errors to Win32 last-error. */
#ifndef LV_W32ERROR_H
#define LV_W32ERROR_H

#include "lv/windef.h"
#include "lv/winerror.h"
#include "lv/teb.h"

DWORD w32_error_from_errno(int err);

static inline void w32_set_error(DWORD err)
{
    lv_teb()->LastErrorValue = err;
}

/* Set last-error from errno; returns FALSE for "return w32_fail_errno();". */
BOOL w32_fail_errno(void);

#endif
