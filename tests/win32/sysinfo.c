/* System information: GetSystemInfo (AMD64, 4 KiB pages, 64 KiB allocation
 * granularity, processor count), GetNativeSystemInfo, GetVersionExA,
 * IsDebuggerPresent, IsWow64Process, GetTickCount and QueryPerformanceCounter
 * monotonic, Sleep. */
#include <windows.h>
#include "test.h"

int main(void)
{
    SYSTEM_INFO si, nsi;
    OSVERSIONINFOA ver = { sizeof(ver) };
    LARGE_INTEGER freq, a, b;
    DWORD t1, t2;
    ULONGLONG t64;
    BOOL wow = TRUE;
    int i, monotonic = 1;

    GetSystemInfo(&si);
    printf("architecture %d page %lu granularity %lu\n", si.wProcessorArchitecture,
           si.dwPageSize, si.dwAllocationGranularity);
    printf("processors >= 1: %d\n", si.dwNumberOfProcessors >= 1);
    printf("min address %p\n", si.lpMinimumApplicationAddress);
    printf("max address above 4G: %d\n", (ULONG_PTR)si.lpMaximumApplicationAddress > 0xffffffffULL);
    GetNativeSystemInfo(&nsi);
    printf("native architecture %d\n", nsi.wProcessorArchitecture);

    ok(GetVersionExA(&ver), "GetVersionExA");
    printf("platform %lu\n", ver.dwPlatformId);
    printf("IsDebuggerPresent %d\n", IsDebuggerPresent());
    ok(IsWow64Process(GetCurrentProcess(), &wow), "IsWow64Process");
    printf("wow64 %d\n", wow);

    ok(QueryPerformanceFrequency(&freq) && freq.QuadPart > 0, "QueryPerformanceFrequency");
    QueryPerformanceCounter(&a);
    for (i = 0; i < 1000; i++) {
        QueryPerformanceCounter(&b);
        if (b.QuadPart < a.QuadPart)
            monotonic = 0;
        a = b;
    }
    printf("performance counter monotonic %d\n", monotonic);
    t1 = GetTickCount();
    t64 = GetTickCount64();
    Sleep(50);
    t2 = GetTickCount();
    ok(t2 - t1 >= 40 && t2 - t1 < 5000, "Sleep(50) took %lu ms by GetTickCount", t2 - t1);
    ok(GetTickCount64() >= t64 + 40, "GetTickCount64 did not advance");
    QueryPerformanceCounter(&b);
    ok((b.QuadPart - a.QuadPart) * 1000 / freq.QuadPart >= 40, "performance counter too slow");
    printf("current process pseudo-handle %p thread %p\n", GetCurrentProcess(), GetCurrentThread());
    /* What every x86-64 processor has, what none has, and features that
     * imply others, whatever this processor is. */
    ok(IsProcessorFeaturePresent(PF_XMMI64_INSTRUCTIONS_AVAILABLE), "SSE2 is absent");
    ok(!IsProcessorFeaturePresent(PF_3DNOW_INSTRUCTIONS_AVAILABLE), "3DNow! is present");
    ok(!IsProcessorFeaturePresent(PF_AVX2_INSTRUCTIONS_AVAILABLE)
       || IsProcessorFeaturePresent(PF_AVX_INSTRUCTIONS_AVAILABLE), "AVX2 without AVX");
    ok(!IsProcessorFeaturePresent(PF_SSE4_2_INSTRUCTIONS_AVAILABLE)
       || IsProcessorFeaturePresent(PF_SSE4_1_INSTRUCTIONS_AVAILABLE), "SSE4.2 without SSE4.1");
    ok(!IsProcessorFeaturePresent(PF_AVX_INSTRUCTIONS_AVAILABLE)
       || IsProcessorFeaturePresent(PF_XSAVE_ENABLED), "AVX without XSAVE");
    return test_summary();
}
