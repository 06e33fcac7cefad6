/* What the process uses of the machine: memory status, CPU times. */
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <time.h>
#include <unistd.h>
#include "kernel32.spec.h"
#include "kernel32_private.h"
#include "process_private.h"
#include "lv/w32error.h"

typedef struct {
    DWORD dwLength;
    DWORD dwMemoryLoad;
    ULONGLONG ullTotalPhys;
    ULONGLONG ullAvailPhys;
    ULONGLONG ullTotalPageFile;
    ULONGLONG ullAvailPageFile;
    ULONGLONG ullTotalVirtual;
    ULONGLONG ullAvailVirtual;
    ULONGLONG ullAvailExtendedVirtual;
} MEMORYSTATUSEX;

/* "Available" is what the kernel could hand out without swapping:
 * MemAvailable, not the free pages alone. */
static ULONGLONG mem_available(void)
{
    FILE *f = fopen("/proc/meminfo", "r");
    char line[128];
    unsigned long long kb = 0;
    while (f && fgets(line, sizeof line, f))
        if (sscanf(line, "MemAvailable: %llu kB", &kb) == 1)
            break;
    if (f)
        fclose(f);
    return kb * 1024;
}

BOOL WINAPI GlobalMemoryStatusEx(void *out)
{
    MEMORYSTATUSEX *m = out;
    if (m->dwLength != sizeof *m) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    struct sysinfo si;
    sysinfo(&si);
    m->ullTotalPhys = (ULONGLONG)si.totalram * si.mem_unit;
    m->ullAvailPhys = mem_available();
    if (!m->ullAvailPhys)
        m->ullAvailPhys = (ULONGLONG)si.freeram * si.mem_unit;
    m->ullTotalPageFile = m->ullTotalPhys + (ULONGLONG)si.totalswap * si.mem_unit;
    m->ullAvailPageFile = m->ullAvailPhys + (ULONGLONG)si.freeswap * si.mem_unit;
    m->ullTotalVirtual = 0x7ffffffe0000ull;
    m->ullAvailVirtual = 0x7ffffffe0000ull;
    m->ullAvailExtendedVirtual = 0;
    m->dwMemoryLoad = m->ullTotalPhys
        ? (DWORD)(100 - m->ullAvailPhys * 100 / m->ullTotalPhys) : 0;
    return TRUE;
}

static FILETIME duration(struct timeval tv)
{
    return filetime_from_u64((uint64_t)tv.tv_sec * 10000000 + tv.tv_usec * 10);
}

/* The process's start, from the kernel's count of clock ticks since boot. */
static FILETIME process_start(void)
{
    FILE *f = fopen("/proc/self/stat", "r");
    unsigned long long start_ticks = 0;
    if (f) {
        char buf[1024];
        size_t n = fread(buf, 1, sizeof buf - 1, f);
        fclose(f);
        buf[n] = 0;
        char *p = strrchr(buf, ')');
        /* Field 22 (starttime) is the 20th after the command's ')'. */
        for (int field = 0; p && field < 20; field++)
            p = strchr(p + 1, ' ');
        if (p)
            sscanf(p, " %llu", &start_ticks);
    }
    struct timespec now, up;
    clock_gettime(CLOCK_REALTIME, &now);
    clock_gettime(CLOCK_BOOTTIME, &up);
    long hz = sysconf(_SC_CLK_TCK);
    double boot = now.tv_sec + now.tv_nsec / 1e9 - (up.tv_sec + up.tv_nsec / 1e9);
    double start = boot + (double)start_ticks / (hz > 0 ? hz : 100);
    struct timespec ts = { (time_t)start, (long)((start - (time_t)start) * 1e9) };
    return filetime_from_timespec(ts);
}

BOOL WINAPI GetProcessTimes(HANDLE process, FILETIME *creation, FILETIME *exit_time,
                            FILETIME *kernel, FILETIME *user)
{
    if (process != CURRENT_PROCESS_HANDLE)
        return process_object_times(process, creation, exit_time, kernel, user);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    *creation = process_start();
    *exit_time = filetime_from_u64(0);
    *kernel = duration(ru.ru_stime);
    *user = duration(ru.ru_utime);
    return TRUE;
}

BOOL WINAPI GetThreadTimes(HANDLE thread, FILETIME *creation, FILETIME *exit_time,
                           FILETIME *kernel, FILETIME *user)
{
    if (thread != CURRENT_THREAD_HANDLE) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    struct rusage ru;
    getrusage(RUSAGE_THREAD, &ru);
    *creation = process_start();
    *exit_time = filetime_from_u64(0);
    *kernel = duration(ru.ru_stime);
    *user = duration(ru.ru_utime);
    return TRUE;
}
