/* Code pages. The process's ANSI and OEM code pages are UTF-8 (65001) by
 * default, as on Windows with the UTF-8 option, or the one --codepage
 * chose. UTF-8 converts by lv/wstr.h; the single- and double-byte code pages
 * (1252, 437, 936, 932, Latin-1, ASCII) through generated tables. */
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include "codepage_private.h"
#include "kernel32.spec.h"
#include "kernel32_private.h"
#include "lv/w32error.h"
#include "lv/wstr.h"
#include "view.h"

#define CP_ACP 0
#define CP_OEMCP 1
#define CP_MACCP 2
#define CP_THREAD_ACP 3
#define CP_UTF8 65001

#define MB_ERR_INVALID_CHARS 0x08
#define WC_ERR_INVALID_CHARS 0x80

#define g_acp ((UINT)view_codepage())
static bool g_file_apis_oem;

static UINT real_cp(UINT cp)
{
    if (cp == CP_ACP || cp == CP_OEMCP || cp == CP_MACCP || cp == CP_THREAD_ACP)
        return g_acp;
    return cp;
}

/* The A file functions use the OEM code page after this; lvrun's OEM and
 * ANSI code pages are the same, so only the answer of AreFileApisANSI
 * changes. */
void WINAPI SetFileApisToOEM(void)
{
    g_file_apis_oem = true;
}

void WINAPI SetFileApisToANSI(void)
{
    g_file_apis_oem = false;
}

BOOL WINAPI AreFileApisANSI(void)
{
    return !g_file_apis_oem;
}

UINT WINAPI GetACP(void)
{
    return g_acp;
}

UINT WINAPI GetOEMCP(void)
{
    return g_acp;
}

BOOL WINAPI IsValidCodePage(UINT cp)
{
    return cp == CP_UTF8 || cp_table_find(cp);
}

BOOL WINAPI IsDBCSLeadByteEx(UINT cp, BYTE c)
{
    cp = real_cp(cp);
    const struct cp_table *t = cp_table_find(cp);
    if (!t && cp != CP_UTF8) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    return t && cp_table_is_lead(t, c);
}

BOOL WINAPI IsDBCSLeadByte(BYTE c)
{
    return IsDBCSLeadByteEx(CP_ACP, c);
}

typedef struct {
    UINT MaxCharSize;
    BYTE DefaultChar[2];
    BYTE LeadByte[12];
} CPINFO;

typedef struct {
    UINT MaxCharSize;
    BYTE DefaultChar[2];
    BYTE LeadByte[12];
    WCHAR UnicodeDefaultChar;
    UINT CodePage;
    WCHAR CodePageName[260];
} CPINFOEXW;

typedef struct {
    UINT MaxCharSize;
    BYTE DefaultChar[2];
    BYTE LeadByte[12];
    WCHAR UnicodeDefaultChar;
    UINT CodePage;
    char CodePageName[260];
} CPINFOEXA;

static void set_name(CPINFOEXW *info, const WCHAR *name)
{
    memcpy(info->CodePageName, name, (wstr_len(name) + 1) * sizeof(WCHAR));
}

BOOL WINAPI GetCPInfoExW(UINT cp, DWORD flags, void *out)
{
    cp = real_cp(cp);
    const struct cp_table *t = cp_table_find(cp);
    if (flags || !out || (!t && cp != CP_UTF8)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    CPINFOEXW *info = out;
    memset(info, 0, sizeof *info);
    info->DefaultChar[0] = CP_DEFAULT_CHAR;
    info->CodePage = cp;
    if (!t) {
        info->MaxCharSize = 4;
        info->UnicodeDefaultChar = 0xfffd;
        set_name(info, u"65001 (UTF-8)");
        return TRUE;
    }
    info->MaxCharSize = t->lead_row ? 2 : 1;
    memcpy(info->LeadByte, t->lead_ranges, sizeof info->LeadByte);
    info->UnicodeDefaultChar = t->uni_default;
    set_name(info, t->name);
    return TRUE;
}

BOOL WINAPI GetCPInfoExA(UINT cp, DWORD flags, void *out)
{
    CPINFOEXW w;
    if (!GetCPInfoExW(cp, flags, out ? &w : NULL))
        return FALSE;
    CPINFOEXA *info = out;
    memcpy(info, &w, offsetof(CPINFOEXA, CodePageName));
    wstr_to_ansi_buf(w.CodePageName, info->CodePageName, sizeof info->CodePageName);
    return TRUE;
}

BOOL WINAPI GetCPInfo(UINT cp, void *out)
{
    CPINFOEXW w;
    if (!GetCPInfoExW(cp, 0, out ? &w : NULL))
        return FALSE;
    memcpy(out, &w, sizeof(CPINFO));
    return TRUE;
}

int WINAPI MultiByteToWideChar(UINT cp, DWORD flags, const char *src, int srclen,
                               WCHAR *dst, int dstlen)
{
    cp = real_cp(cp);
    const struct cp_table *t = cp_table_find(cp);
    if (!src || srclen == 0 || dstlen < 0 || (dstlen && !dst) ||
        (dst && (const void *)dst == (const void *)src) || (!t && cp != CP_UTF8)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    size_t len = srclen < 0 ? strlen(src) + 1 : (size_t)srclen;
    int invalid = 0;
    size_t need = t ? cp_table_to_utf16(t, src, len, NULL, 0, &invalid)
                    : utf8_to_utf16(src, len, NULL, 0, &invalid);
    if (invalid && (flags & MB_ERR_INVALID_CHARS)) {
        SetLastError(ERROR_NO_UNICODE_TRANSLATION);
        return 0;
    }
    if (dstlen) {
        if (t)
            cp_table_to_utf16(t, src, len, dst, dstlen, NULL);
        else
            utf8_to_utf16(src, len, dst, dstlen, NULL);
        if (need > (size_t)dstlen) {
            SetLastError(ERROR_INSUFFICIENT_BUFFER);
            return 0;
        }
    }
    return (int)need;
}

int WINAPI WideCharToMultiByte(UINT cp, DWORD flags, const WCHAR *src, int srclen,
                               char *dst, int dstlen, const char *defchar,
                               BOOL *used_default)
{
    UINT asked = cp;
    cp = real_cp(cp);
    const struct cp_table *t = cp_table_find(cp);
    if (!src || srclen == 0 || dstlen < 0 || (dstlen && !dst) ||
        (dst && (const void *)dst == (const void *)src) || (!t && cp != CP_UTF8)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    /* CP_UTF8 takes no default character, as on Windows; CP_ACP and
     * CP_OEMCP being UTF-8 accept one (never used: every character has a
     * UTF-8 form), as Windows set to UTF-8 does. WC_ERR_INVALID_CHARS is
     * for UTF-8 only. */
    if (asked == CP_UTF8 && (defchar || used_default)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    if (t && (flags & WC_ERR_INVALID_CHARS)) {
        SetLastError(ERROR_INVALID_FLAGS);
        return 0;
    }
    size_t len = srclen < 0 ? wstr_len(src) + 1 : (size_t)srclen;
    int invalid = 0;
    size_t need = t ? cp_table_from_utf16(t, src, len, NULL, 0, defchar, &invalid)
                    : utf16_to_utf8(src, len, NULL, 0, &invalid);
    if (used_default)
        *used_default = t && invalid;
    if (!t && invalid && (flags & WC_ERR_INVALID_CHARS)) {
        SetLastError(ERROR_NO_UNICODE_TRANSLATION);
        return 0;
    }
    if (dstlen) {
        if (t)
            cp_table_from_utf16(t, src, len, dst, dstlen, defchar, NULL);
        else
            utf16_to_utf8(src, len, dst, dstlen, NULL);
        if (need > (size_t)dstlen) {
            SetLastError(ERROR_INSUFFICIENT_BUFFER);
            return 0;
        }
    }
    return (int)need;
}

WCHAR *ansi_to_wstr(const char *s)
{
    if (!s)
        return NULL;
    /* A byte gives at most one unit in every code page: one pass into a
     * buffer of that size, rather than a pass to count first. */
    size_t n = strlen(s) + 1;
    WCHAR *w = malloc(n * sizeof(WCHAR));
    if (w && !MultiByteToWideChar(CP_ACP, 0, s, (int)n, w, (int)n))
        w[0] = 0;
    return w;
}

size_t wstr_to_ansi_buf(const WCHAR *w, char *out, size_t size)
{
    int need = WideCharToMultiByte(CP_ACP, 0, w, -1, NULL, 0, NULL, NULL);
    if (need <= 0)
        need = 1;
    if (out && size) {
        char *tmp = malloc(need);
        WideCharToMultiByte(CP_ACP, 0, w, -1, tmp, need, NULL, NULL);
        size_t n = (size_t)need <= size ? (size_t)need : size;
        memcpy(out, tmp, n);
        out[n - 1] = 0;
        free(tmp);
    }
    return need - 1;
}

int WINAPI lstrlenW(const WCHAR *s)
{
    return s ? (int)wstr_len(s) : 0;
}

int WINAPI lstrlenA(const char *s)
{
    return s ? (int)strlen(s) : 0;
}

WCHAR *WINAPI lstrcpyW(WCHAR *dst, const WCHAR *src)
{
    memmove(dst, src, (wstr_len(src) + 1) * sizeof(WCHAR));
    return dst;
}

char *WINAPI lstrcpyA(char *dst, const char *src)
{
    return memmove(dst, src, strlen(src) + 1);
}

WCHAR *WINAPI lstrcpynW(WCHAR *dst, const WCHAR *src, int n)
{
    int i = 0;
    for (; i < n - 1 && src[i]; i++)
        dst[i] = src[i];
    if (n > 0)
        dst[i] = 0;
    return dst;
}

char *WINAPI lstrcpynA(char *dst, const char *src, int n)
{
    int i = 0;
    for (; i < n - 1 && src[i]; i++)
        dst[i] = src[i];
    if (n > 0)
        dst[i] = 0;
    return dst;
}

WCHAR *WINAPI lstrcatW(WCHAR *dst, const WCHAR *src)
{
    lstrcpyW(dst + wstr_len(dst), src);
    return dst;
}

char *WINAPI lstrcatA(char *dst, const char *src)
{
    return strcat(dst, src);
}

int WINAPI lstrcmpW(const WCHAR *a, const WCHAR *b)
{
    int c = wstr_cmp(a ? a : u"", b ? b : u"");
    return (c > 0) - (c < 0);
}

int WINAPI lstrcmpiW(const WCHAR *a, const WCHAR *b)
{
    int c = wstr_icmp(a ? a : u"", b ? b : u"");
    return (c > 0) - (c < 0);
}

int WINAPI lstrcmpA(const char *a, const char *b)
{
    int c = strcmp(a ? a : "", b ? b : "");
    return (c > 0) - (c < 0);
}

int WINAPI lstrcmpiA(const char *a, const char *b)
{
    WCHAR *wa = ansi_to_wstr(a ? a : ""), *wb = ansi_to_wstr(b ? b : "");
    int c = lstrcmpiW(wa, wb);
    free(wa);
    free(wb);
    return c;
}
