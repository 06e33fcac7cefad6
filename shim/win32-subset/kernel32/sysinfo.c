/* The system as programs ask about it: processor, version, folders. */
#include <cpuid.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "kernel32.spec.h"
#include "kernel32_private.h"
#include "lv/path.h"
#include "lv/teb.h"
#include "lv/w32error.h"
#include "lv/wstr.h"
#include "view.h"

#define PROCESSOR_ARCHITECTURE_AMD64 9
#define PROCESSOR_AMD_X8664 8664

void WINAPI GetSystemInfo(SYSTEM_INFO *si)
{
    memset(si, 0, sizeof *si);
    si->wProcessorArchitecture = PROCESSOR_ARCHITECTURE_AMD64;
    si->dwPageSize = 4096;
    si->lpMinimumApplicationAddress = (void *)0x10000;
    si->lpMaximumApplicationAddress = (void *)0x7ffffffeffffull;
    long n = (long)lv_peb()->NumberOfProcessors;
    si->dwNumberOfProcessors = (DWORD)(n > 0 ? n : 1);
    si->dwActiveProcessorMask = n >= 64 ? ~0ull : (1ull << si->dwNumberOfProcessors) - 1;
    si->dwProcessorType = PROCESSOR_AMD_X8664;
    si->dwAllocationGranularity = 0x10000;
    si->wProcessorLevel = 6;
}

void WINAPI GetNativeSystemInfo(SYSTEM_INFO *si)
{
    GetSystemInfo(si);
}

DWORD WINAPI GetVersion(void)
{
    PEB *peb = lv_peb();
    return peb->OSMajorVersion | (peb->OSMinorVersion << 8) | ((DWORD)peb->OSBuildNumber << 16);
}

static BOOL fill_version(OSVERSIONINFOEXW *vi, bool wide)
{
    DWORD size = vi->dwOSVersionInfoSize;
    DWORD base = wide ? 276 : 148, ex = wide ? 284 : 156;
    if (size != base && size != ex) {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    PEB *peb = lv_peb();
    /* Windows without a compatibility manifest reports 6.2 (Windows 8);
     * we report what we emulate: 10.0. */
    vi->dwMajorVersion = peb->OSMajorVersion;
    vi->dwMinorVersion = peb->OSMinorVersion;
    vi->dwBuildNumber = peb->OSBuildNumber;
    vi->dwPlatformId = 2;
    return TRUE;
}

BOOL WINAPI GetVersionExW(OSVERSIONINFOEXW *vi)
{
    if (!fill_version(vi, true))
        return FALSE;
    memset(vi->szCSDVersion, 0, sizeof vi->szCSDVersion);
    if (vi->dwOSVersionInfoSize == 284) {
        vi->wServicePackMajor = vi->wServicePackMinor = 0;
        vi->wSuiteMask = 0x100; /* VER_SUITE_SINGLEUSERTS */
        vi->wProductType = 1;   /* VER_NT_WORKSTATION */
    }
    return TRUE;
}

BOOL WINAPI GetVersionExA(OSVERSIONINFOEXW *vi)
{
    /* The A layout differs after dwPlatformId: a 128-byte char array. */
    if (!fill_version(vi, false))
        return FALSE;
    char *p = (char *)vi->szCSDVersion;
    memset(p, 0, 128);
    if (vi->dwOSVersionInfoSize == 156) {
        WORD *w = (WORD *)(p + 128);
        w[0] = w[1] = 0;
        w[2] = 0x100;
        p[128 + 6] = 1;
    }
    return TRUE;
}

/* The processor's features, asked of CPUID only when a program wants them:
 * __builtin_cpu_supports would link libgcc's constructor, which runs a
 * dozen CPUID instructions at every start, and each one traps to the
 * hypervisor in a virtual machine. AVX counts only when the OS saves its
 * registers (OSXSAVE and XCR0). */
enum { CPU_SSSE3 = 1, CPU_SSE41 = 2, CPU_SSE42 = 4, CPU_AVX = 8, CPU_AVX2 = 16, CPU_AVX512F = 32 };

static unsigned cpu_features(void)
{
    static unsigned features, known;
    unsigned a, b, c, d, f = 0;

    if (__atomic_load_n(&known, __ATOMIC_ACQUIRE))
        return features;
    if (__get_cpuid(1, &a, &b, &c, &d)) {
        if (c & bit_SSSE3)
            f |= CPU_SSSE3;
        if (c & bit_SSE4_1)
            f |= CPU_SSE41;
        if (c & bit_SSE4_2)
            f |= CPU_SSE42;
        if ((c & bit_OSXSAVE) && (c & bit_AVX)) {
            unsigned xcr0_lo, xcr0_hi;
            __asm__ volatile("xgetbv" : "=a"(xcr0_lo), "=d"(xcr0_hi) : "c"(0));
            if ((xcr0_lo & 6) == 6) {
                f |= CPU_AVX;
                if (__get_cpuid_count(7, 0, &a, &b, &c, &d)) {
                    if (b & bit_AVX2)
                        f |= CPU_AVX2;
                    if ((b & bit_AVX512F) && (xcr0_lo & 0xe0) == 0xe0)
                        f |= CPU_AVX512F;
                }
            }
        }
    }
    features = f;
    __atomic_store_n(&known, 1, __ATOMIC_RELEASE);
    return f;
}

BOOL WINAPI IsProcessorFeaturePresent(DWORD feature)
{
    /* What every x86-64 processor has: MMX(3), SSE(6), SSE2(10), 3DNow!
     * is absent, RDTSC(8), NX(12), CMPXCHG16B(14), SSE3(13). */
    switch (feature) {
    case 3: case 6: case 8: case 10: case 12: case 13: case 14:
        return TRUE;
    case 17: /* PF_XSAVE_ENABLED */
    case 39: return !!(cpu_features() & CPU_AVX);
    case 36: return !!(cpu_features() & CPU_SSSE3);
    case 37: return !!(cpu_features() & CPU_SSE41);
    case 38: return !!(cpu_features() & CPU_SSE42);
    case 40: return !!(cpu_features() & CPU_AVX2);
    case 41: return !!(cpu_features() & CPU_AVX512F);
    }
    return FALSE;
}

BOOL WINAPI IsDebuggerPresent(void)
{
    return lv_peb()->BeingDebugged;
}

static WCHAR *computer_name(void)
{
    WCHAR buf[64];
    if (view_hostname())
        return utf8_to_wstr(view_hostname());
    DWORD n = GetEnvironmentVariableW(u"COMPUTERNAME", buf, 64);
    return n && n < 64 ? wstr_dup(buf) : wstr_dup(u"LVRUN");
}

/* Copies a UTF-16 string to a caller's buffer with the size convention of
 * GetComputerName: *size in and out, ERROR_BUFFER_OVERFLOW when short. */
static BOOL copy_sized_w(const WCHAR *s, WCHAR *buf, DWORD *size)
{
    DWORD n = (DWORD)wstr_len(s);
    if (!buf || *size <= n) {
        *size = n + 1;
        SetLastError(ERROR_BUFFER_OVERFLOW);
        return FALSE;
    }
    memcpy(buf, s, (n + 1) * sizeof(WCHAR));
    *size = n;
    return TRUE;
}

BOOL WINAPI GetComputerNameW(WCHAR *buf, DWORD *size)
{
    WCHAR *name = computer_name();
    BOOL r = copy_sized_w(name, buf, size);
    free(name);
    return r;
}

BOOL WINAPI GetComputerNameA(char *buf, DWORD *size)
{
    WCHAR *name = computer_name();
    DWORD n = (DWORD)wstr_to_ansi_buf(name, NULL, 0);
    BOOL r = FALSE;
    if (!buf || *size <= n) {
        *size = n + 1;
        SetLastError(ERROR_BUFFER_OVERFLOW);
    } else {
        wstr_to_ansi_buf(name, buf, *size);
        *size = n;
        r = TRUE;
    }
    free(name);
    return r;
}

/* The "A"-side of a function that fills a UTF-16 buffer and returns its
 * length (or the size needed): one conversion for them all. */
static DWORD ansi_result(const WCHAR *w, DWORD wlen, char *buf, DWORD size)
{
    if (!wlen)
        return 0;
    DWORD need = (DWORD)wstr_to_ansi_buf(w, NULL, 0);
    if (!buf || size <= need)
        return need + 1;
    wstr_to_ansi_buf(w, buf, size);
    return need;
}

DWORD WINAPI GetCurrentDirectoryW(DWORD size, WCHAR *buf)
{
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd)) {
        w32_fail_errno();
        return 0;
    }
    WCHAR *w = path_host_to_windows_w(cwd);
    DWORD n = (DWORD)wstr_len(w);
    if (!buf || size <= n) {
        free(w);
        return n + 1;
    }
    memcpy(buf, w, (n + 1) * sizeof(WCHAR));
    free(w);
    return n;
}

DWORD WINAPI GetCurrentDirectoryA(DWORD size, char *buf)
{
    WCHAR w[4096];
    DWORD n = GetCurrentDirectoryW(4096, w);
    return n < 4096 ? ansi_result(w, n, buf, size) : 0;
}

BOOL WINAPI SetCurrentDirectoryW(const WCHAR *dir)
{
    char *host = path_windows_to_host_w(dir);
    if (!host) {
        SetLastError(ERROR_PATH_NOT_FOUND);
        return FALSE;
    }
    int r = chdir(host);
    int err = errno;
    free(host);
    if (r) {
        SetLastError(err == ENOENT ? ERROR_FILE_NOT_FOUND : w32_error_from_errno(err));
        return FALSE;
    }
    return TRUE;
}

BOOL WINAPI SetCurrentDirectoryA(const char *dir)
{
    WCHAR *w = ansi_to_wstr(dir);
    BOOL r = SetCurrentDirectoryW(w);
    free(w);
    return r;
}

static DWORD copy_path_w(const WCHAR *s, WCHAR *buf, DWORD size)
{
    DWORD n = (DWORD)wstr_len(s);
    if (!buf || size <= n)
        return n + 1;
    memcpy(buf, s, (n + 1) * sizeof(WCHAR));
    return n;
}

UINT WINAPI GetWindowsDirectoryW(WCHAR *buf, UINT size)
{
    return copy_path_w(u"C:\\windows", buf, size);
}

UINT WINAPI GetWindowsDirectoryA(char *buf, UINT size)
{
    return ansi_result(u"C:\\windows", 10, buf, size);
}

UINT WINAPI GetSystemWindowsDirectoryW(WCHAR *buf, UINT size)
{
    return GetWindowsDirectoryW(buf, size);
}

UINT WINAPI GetSystemDirectoryW(WCHAR *buf, UINT size)
{
    return copy_path_w(u"C:\\windows\\system32", buf, size);
}

UINT WINAPI GetSystemDirectoryA(char *buf, UINT size)
{
    return ansi_result(u"C:\\windows\\system32", 19, buf, size);
}

DWORD WINAPI GetTempPathW(DWORD size, WCHAR *buf)
{
    /* TMP, then TEMP, then USERPROFILE, then the Windows folder; with a
     * trailing backslash. */
    static const WCHAR *const vars[] = { u"TMP", u"TEMP", u"USERPROFILE" };
    WCHAR path[MAX_PATH + 2];
    DWORD n = 0;
    for (size_t i = 0; i < 3 && !n; i++) {
        n = GetEnvironmentVariableW(vars[i], path, MAX_PATH);
        if (n >= MAX_PATH)
            n = 0;
    }
    if (!n)
        n = GetWindowsDirectoryW(path, MAX_PATH);
    if (path[n - 1] != '\\') {
        path[n++] = '\\';
        path[n] = 0;
    }
    return copy_path_w(path, buf, size);
}

DWORD WINAPI GetTempPathA(DWORD size, char *buf)
{
    WCHAR w[MAX_PATH + 2];
    DWORD n = GetTempPathW(MAX_PATH + 2, w);
    return ansi_result(w, n, buf, size);
}

UINT WINAPI SetErrorMode(UINT mode)
{
    static UINT g_mode;
    UINT old = g_mode;
    g_mode = mode;
    return old;
}

void WINAPI OutputDebugStringA(const char *s)
{
    /* Seen only by a debugger, and there is none. */
    (void)s;
}

void WINAPI OutputDebugStringW(const WCHAR *s)
{
    (void)s;
}

LCID WINAPI GetUserDefaultLCID(void)
{
    return 0x0409;
}

LCID WINAPI GetSystemDefaultLCID(void)
{
    return 0x0409;
}

LANGID WINAPI GetUserDefaultLangID(void)
{
    return 0x0409;
}

LANGID WINAPI GetSystemDefaultLangID(void)
{
    return 0x0409;
}

LANGID WINAPI GetUserDefaultUILanguage(void)
{
    return 0x0409;
}

LCID WINAPI GetThreadLocale(void)
{
    return 0x0409;
}
