/* VARIANTs: what clearing and copying owe to the strings they hold.
 * Interfaces (VT_UNKNOWN, VT_DISPATCH) and arrays are not supported: the
 * functions say so with DISP_E_BADVARTYPE instead of leaking or guessing. */
#include <stdbool.h>
#include <string.h>
#include "oleaut32.spec.h"

#define S_OK ((HRESULT)0)
#define E_OUTOFMEMORY ((HRESULT)0x8007000E)
#define DISP_E_BADVARTYPE ((HRESULT)0x80020008)

#define VT_EMPTY 0
#define VT_NULL 1
#define VT_BSTR 8
#define VT_DISPATCH 9
#define VT_UNKNOWN 13
#define VT_RECORD 36
#define VT_ARRAY 0x2000
#define VT_BYREF 0x4000

void WINAPI VariantInit(VARIANT *v)
{
    v->vt = VT_EMPTY;
}

static bool unsupported(WORD vt)
{
    if (vt & VT_BYREF)
        return false;
    return (vt & VT_ARRAY) || vt == VT_DISPATCH || vt == VT_UNKNOWN || vt == VT_RECORD;
}

HRESULT WINAPI VariantClear(VARIANT *v)
{
    if (unsupported(v->vt))
        return DISP_E_BADVARTYPE;
    if (v->vt == VT_BSTR)
        SysFreeString(v->u.bstrVal);
    v->vt = VT_EMPTY;
    return S_OK;
}

HRESULT WINAPI VariantCopy(VARIANT *dst, const VARIANT *src)
{
    if (unsupported(src->vt))
        return DISP_E_BADVARTYPE;
    HRESULT hr = VariantClear(dst);
    if (hr)
        return hr;
    if (src->vt == VT_BSTR && src->u.bstrVal) {
        BSTR copy = SysAllocStringByteLen((const char *)src->u.bstrVal,
                                          SysStringByteLen(src->u.bstrVal));
        if (!copy)
            return E_OUTOFMEMORY;
        *dst = *src;
        dst->u.bstrVal = copy;
        return S_OK;
    }
    *dst = *src;
    return S_OK;
}
