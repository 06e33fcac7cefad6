/* VirtualAlloc/VirtualProtect/VirtualQuery/VirtualFree: reserve then commit
 * part, region states and protections as VirtualQuery reports them,
 * allocation-granularity alignment, a guard-free write/read, and errors. */
#include <windows.h>
#include "test.h"

static void query(const char *what, void *addr)
{
    MEMORY_BASIC_INFORMATION mbi;
    SIZE_T n = VirtualQuery(addr, &mbi, sizeof(mbi));

    ok(n == sizeof(mbi), "VirtualQuery returned %lld", (long long)n);
    if (mbi.State == MEM_FREE) { /* the extent of free space is not ours */
        printf("%-18s state free\n", what);
        return;
    }
    printf("%-18s state %s protect %#lx size %#llx base+%#llx",
           what, mbi.State == MEM_COMMIT ? "commit" : "reserve",
           mbi.State == MEM_COMMIT ? mbi.Protect : 0, (unsigned long long)mbi.RegionSize,
           (unsigned long long)((char *)mbi.BaseAddress - (char *)mbi.AllocationBase));
    printf(" type %s\n", mbi.Type == MEM_PRIVATE ? "private" : "other");
}

int main(void)
{
    char *base, *p;
    DWORD old;

    base = VirtualAlloc(NULL, 0x100000, MEM_RESERVE, PAGE_NOACCESS);
    ok(base != NULL, "reserve");
    printf("64K aligned: %d\n", ((ULONG_PTR)base & 0xffff) == 0);
    query("reserved", base);
    p = VirtualAlloc(base + 0x3000, 0x2000, MEM_COMMIT, PAGE_READWRITE);
    printf("commit returns page address: %d\n", p == base + 0x3000);
    query("before commit", base);
    query("committed", base + 0x3000);
    query("after commit", base + 0x5000);
    memset(p, 0x5a, 0x2000);
    ok(p[0x1fff] == 0x5a, "committed memory not writable");

    ok(VirtualProtect(p, 0x1000, PAGE_READONLY, &old), "VirtualProtect");
    printf("old protect %#lx\n", old);
    query("read-only page", p);
    query("read-write page", p + 0x1000);
    ok(VirtualProtect(p, 0x1000, PAGE_EXECUTE_READWRITE, &old), "VirtualProtect rwx");
    printf("old protect %#lx\n", old);

    ok(VirtualFree(p, 0x1000, MEM_DECOMMIT), "decommit");
    query("decommitted", p);
    SetLastError(0xdeadbeef);
    ok(!VirtualFree(base + 0x1000, 0, MEM_RELEASE), "release of a non-base address");
    printf("release middle error %lu\n", GetLastError());
    ok(VirtualFree(base, 0, MEM_RELEASE), "release");
    query("released", base);

    p = VirtualAlloc(NULL, 5000, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
    query("commit+reserve", p);
    printf("zero filled: %d\n", p[0] == 0 && p[4999] == 0);
    VirtualFree(p, 0, MEM_RELEASE);

    SetLastError(0xdeadbeef);
    p = VirtualAlloc(NULL, 0x1000, MEM_COMMIT, 0x12345);
    printf("bad protection: %p error %lu\n", p, GetLastError());
    return test_summary();
}
