/* LoadString: string tables are RT_STRING resources of 16 strings each
 * (block id/16 + 1), every string a length in UTF-16 units followed by
 * that many units, with no terminator. */
#include <stdlib.h>
#include <string.h>
#include "user32.spec.h"
#include "kernel32.spec.h"
#include "kernel32_private.h"
#include "lv/w32error.h"

/* String id of module h inside its block: *len units at the returned
 * address, which is in the image; NULL when absent. */
static const WCHAR *string_in_table(HINSTANCE h, UINT id, size_t *len)
{
    WORD block = (WORD)(((id & 0xffff) >> 4) + 1);
    void *res = FindResourceExW(h, (const WCHAR *)(uintptr_t)PE_RT_STRING,
                                (const WCHAR *)(uintptr_t)block, 0);
    if (!res)
        return NULL;
    const WCHAR *p = LockResource(LoadResource(h, res));
    if (!p)
        return NULL;
    size_t units = SizeofResource(h, res) / sizeof(WCHAR);
    size_t at = 0;
    for (unsigned i = 0; i < (id & 15); i++) {
        if (at >= units)
            goto damaged;
        at += 1 + p[at];
    }
    if (at >= units || p[at] > units - at - 1)
        goto damaged;
    *len = p[at];
    return p + at + 1;
damaged:
    SetLastError(ERROR_RESOURCE_DATA_NOT_FOUND);
    return NULL;
}

int WINAPI LoadStringW(HINSTANCE h, UINT id, WCHAR *buf, int size)
{
    size_t len;
    if (!buf || size < 0)
        return 0;
    const WCHAR *s = string_in_table(h, id, &len);
    if (!s)
        return 0;
    if (size == 0) {
        /* The caller asked for the read-only string itself. */
        memcpy(buf, &s, sizeof s);
        return (int)len;
    }
    size_t n = len < (size_t)size - 1 ? len : (size_t)size - 1;
    memcpy(buf, s, n * sizeof(WCHAR));
    buf[n] = 0;
    return (int)n;
}

int WINAPI LoadStringA(HINSTANCE h, UINT id, char *buf, int size)
{
    size_t len;
    if (!buf || size <= 0)
        return 0;
    const WCHAR *s = string_in_table(h, id, &len);
    if (!s)
        return 0;
    WCHAR *w = malloc((len + 1) * sizeof(WCHAR));
    if (!w) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return 0;
    }
    memcpy(w, s, len * sizeof(WCHAR));
    w[len] = 0;
    size_t need = wstr_to_ansi_buf(w, buf, (size_t)size);
    free(w);
    return (int)(need < (size_t)size ? need : (size_t)size - 1);
}
