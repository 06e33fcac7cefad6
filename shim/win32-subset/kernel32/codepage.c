/* Code pages. The process's ANSI and OEM code pages are UTF-8 (65001) by
 * default, as on Windows with the UTF-8 option; Latin-1 (28591) and
 * ASCII (20127) are also known. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "kernel32.spec.h"
#include "kernel32_private.h"
#include "lv/w32error.h"
#include "lv/wstr.h"
#include "view.h"

#define CP_ACP 0
#define CP_OEMCP 1
#define CP_MACCP 2
#define CP_THREAD_ACP 3
#define CP_UTF7 65000
#define CP_UTF8 65001
#define CP_LATIN1 28591
#define CP_ASCII 20127

#define MB_ERR_INVALID_CHARS 0x08
#define WC_ERR_INVALID_CHARS 0x80
#define WC_NO_BEST_FIT_CHARS 0x400

/* The view chooses it (--codepage); UTF-8 unless set. */
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
    return cp == CP_UTF8 || cp == CP_LATIN1 || cp == CP_ASCII || cp == 1252;
}

BOOL WINAPI IsDBCSLeadByteEx(UINT cp, BYTE c)
{
    (void)cp, (void)c;
    return FALSE;
}

BOOL WINAPI IsDBCSLeadByte(BYTE c)
{
    (void)c;
    return FALSE;
}

typedef struct {
    UINT MaxCharSize;
    BYTE DefaultChar[2];
    BYTE LeadByte[12];
} CPINFO;

BOOL WINAPI GetCPInfo(UINT cp, void *out)
{
    cp = real_cp(cp);
    if (!IsValidCodePage(cp)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    CPINFO *info = out;
    memset(info, 0, sizeof *info);
    info->MaxCharSize = cp == CP_UTF8 ? 4 : 1;
    info->DefaultChar[0] = '?';
    return TRUE;
}

int WINAPI MultiByteToWideChar(UINT cp, DWORD flags, const char *src, int srclen,
                               WCHAR *dst, int dstlen)
{
    cp = real_cp(cp);
    if (!src || srclen == 0 || dstlen < 0 || (dstlen && !dst) ||
        (dst && (const void *)dst == (const void *)src)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    size_t len = srclen < 0 ? strlen(src) + 1 : (size_t)srclen;
    size_t need;
    if (cp == CP_UTF8) {
        int invalid = 0;
        need = utf8_to_utf16(src, len, NULL, 0, &invalid);
        if (invalid && (flags & MB_ERR_INVALID_CHARS)) {
            SetLastError(ERROR_NO_UNICODE_TRANSLATION);
            return 0;
        }
        if (dstlen) {
            if (need > (size_t)dstlen) {
                utf8_to_utf16(src, len, dst, dstlen, NULL);
                SetLastError(ERROR_INSUFFICIENT_BUFFER);
                return 0;
            }
            utf8_to_utf16(src, len, dst, dstlen, NULL);
        }
    } else if (cp == CP_LATIN1 || cp == CP_ASCII || cp == 1252) {
        need = len;
        if (dstlen) {
            if (need > (size_t)dstlen) {
                SetLastError(ERROR_INSUFFICIENT_BUFFER);
                return 0;
            }
            for (size_t i = 0; i < len; i++)
                dst[i] = (unsigned char)src[i];
        }
    } else {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    return (int)need;
}

int WINAPI WideCharToMultiByte(UINT cp, DWORD flags, const WCHAR *src, int srclen,
                               char *dst, int dstlen, const char *defchar,
                               BOOL *used_default)
{
    UINT asked = cp;
    cp = real_cp(cp);
    if (!src || srclen == 0 || dstlen < 0 || (dstlen && !dst) ||
        (dst && (const void *)dst == (const void *)src)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    size_t len = srclen < 0 ? wstr_len(src) + 1 : (size_t)srclen;
    if (used_default)
        *used_default = FALSE;
    if (cp == CP_UTF8) {
        /* CP_UTF8 takes no default character, as on Windows; CP_ACP and
         * CP_OEMCP being UTF-8 accept one (never used: every character
         * has a UTF-8 form), as Windows set to UTF-8 does. */
        if (asked == CP_UTF8 && (defchar || used_default)) {
            SetLastError(ERROR_INVALID_PARAMETER);
            return 0;
        }
        int invalid = 0;
        size_t need = utf16_to_utf8(src, len, NULL, 0, &invalid);
        if (invalid && (flags & WC_ERR_INVALID_CHARS)) {
            SetLastError(ERROR_NO_UNICODE_TRANSLATION);
            return 0;
        }
        if (dstlen) {
            if (need > (size_t)dstlen) {
                utf16_to_utf8(src, len, dst, dstlen, NULL);
                SetLastError(ERROR_INSUFFICIENT_BUFFER);
                return 0;
            }
            utf16_to_utf8(src, len, dst, dstlen, NULL);
        }
        return (int)need;
    }
    if (cp != CP_LATIN1 && cp != CP_ASCII && cp != 1252) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    unsigned max = cp == CP_ASCII ? 0x7f : 0xff;
    if (dstlen && len > (size_t)dstlen) {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return 0;
    }
    for (size_t i = 0; i < len && dstlen; i++) {
        if (src[i] > max) {
            dst[i] = defchar ? *defchar : '?';
            if (used_default)
                *used_default = TRUE;
        } else {
            dst[i] = (char)src[i];
        }
    }
    return (int)len;
}

WCHAR *ansi_to_wstr(const char *s)
{
    if (!s)
        return NULL;
    int n = MultiByteToWideChar(CP_ACP, 0, s, -1, NULL, 0);
    WCHAR *w = malloc((n ? n : 1) * sizeof(WCHAR));
    if (w && !MultiByteToWideChar(CP_ACP, 0, s, -1, w, n))
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
