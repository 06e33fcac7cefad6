/* BSTRs: length-prefixed UTF-16 strings from a heap of their own. */
#include <stdlib.h>
#include <string.h>
#include "oleaut32.spec.h"
#include "lv/wstr.h"

#define E_OUTOFMEMORY ((HRESULT)0x8007000E)

/* The 4-byte length lives just before the characters; the block starts
 * 8 bytes before them so the characters keep 8-byte alignment. */
static uint32_t *prefix(BSTR s)
{
    return (uint32_t *)s - 1;
}

static BSTR alloc_bytes(const void *data, UINT bytes)
{
    if (bytes > 0x7fffffe0u)
        return NULL;
    char *block = malloc(8 + (size_t)bytes + sizeof(WCHAR));
    if (!block)
        return NULL;
    BSTR s = (BSTR)(block + 8);
    *prefix(s) = bytes;
    if (data)
        memcpy(s, data, bytes);
    else
        memset(s, 0, bytes);
    /* Terminated whatever the length, with an extra byte for odd ones. */
    ((char *)s)[bytes] = 0;
    ((char *)s)[bytes + 1] = 0;
    return s;
}

BSTR WINAPI SysAllocStringLen(const WCHAR *str, UINT len)
{
    return alloc_bytes(str, len * (UINT)sizeof(WCHAR));
}

BSTR WINAPI SysAllocString(const WCHAR *str)
{
    return str ? SysAllocStringLen(str, (UINT)wstr_len(str)) : NULL;
}

BSTR WINAPI SysAllocStringByteLen(const char *str, UINT bytes)
{
    return alloc_bytes(str, bytes);
}

void WINAPI SysFreeString(BSTR s)
{
    if (s)
        free((char *)s - 8);
}

UINT WINAPI SysStringLen(BSTR s)
{
    return s ? *prefix(s) / sizeof(WCHAR) : 0;
}

UINT WINAPI SysStringByteLen(BSTR s)
{
    return s ? *prefix(s) : 0;
}

INT WINAPI SysReAllocStringLen(BSTR *old, const WCHAR *str, UINT len)
{
    BSTR s = SysAllocStringLen(str, len);
    if (!s)
        return FALSE;
    SysFreeString(*old);
    *old = s;
    return TRUE;
}

INT WINAPI SysReAllocString(BSTR *old, const WCHAR *str)
{
    return SysReAllocStringLen(old, str, str ? (UINT)wstr_len(str) : 0);
}
