/* Virtual memory. Windows reserves address space and commits pages in it;
 * the host has one mapping state per page. A region table remembers what
 * was reserved, with each page's committed protection, so VirtualQuery can
 * answer as Windows does; pages outside it (images, the host's own) are
 * described from /proc/self/maps. */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "kernel32.spec.h"
#include "lv/module.h"
#include "lv/w32error.h"

#define PAGE 4096ul
#define GRANULARITY 0x10000ul

struct region {
    uintptr_t base;
    size_t size;
    DWORD alloc_prot;
    WORD *prot; /* per page: 0 when reserved only */
};

static struct region *g_regions;
static size_t g_nregions;
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;

static DWORD win_prot(int r, int w, int x)
{
    if (x)
        return w ? PAGE_EXECUTE_READWRITE : r ? PAGE_EXECUTE_READ : PAGE_EXECUTE;
    return w ? PAGE_READWRITE : r ? PAGE_READONLY : PAGE_NOACCESS;
}

static struct region *region_find(uintptr_t addr)
{
    for (size_t i = 0; i < g_nregions; i++)
        if (addr >= g_regions[i].base && addr < g_regions[i].base + g_regions[i].size)
            return &g_regions[i];
    return NULL;
}

static void *reserve(uintptr_t want, size_t size)
{
    if (want) {
        void *p = mmap((void *)want, size, PROT_NONE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0);
        if (p != MAP_FAILED && (uintptr_t)p != want) {
            munmap(p, size);
            p = MAP_FAILED;
        }
        return p == MAP_FAILED ? NULL : p;
    }
    /* Allocation bases are multiples of 64 KiB on Windows. */
    size_t len = size + GRANULARITY;
    uint8_t *p = mmap(NULL, len, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (p == MAP_FAILED)
        return NULL;
    uint8_t *a = (uint8_t *)(((uintptr_t)p + GRANULARITY - 1) & ~(GRANULARITY - 1));
    if (a > p)
        munmap(p, a - p);
    if (p + len > a + size)
        munmap(a + size, p + len - (a + size));
    return a;
}

static bool commit(struct region *r, uintptr_t addr, size_t size, DWORD prot)
{
    if (mprotect((void *)addr, size, lv_host_prot(prot)))
        return false;
    for (size_t i = (addr - r->base) / PAGE; i < (addr + size - r->base) / PAGE; i++)
        r->prot[i] = (WORD)prot;
    return true;
}

void *WINAPI VirtualAlloc(void *addr, SIZE_T size, DWORD type, DWORD prot)
{
    if (!size || !(type & (MEM_COMMIT | MEM_RESERVE)) || lv_host_prot(prot) < 0) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    pthread_mutex_lock(&g_lock);
    uintptr_t a = (uintptr_t)addr;
    struct region *r = a ? region_find(a) : NULL;
    void *result = NULL;
    if (r && !(type & MEM_RESERVE)) {
        uintptr_t start = a & ~(PAGE - 1);
        uintptr_t end = (a + size + PAGE - 1) & ~(PAGE - 1);
        if (end > r->base + r->size)
            SetLastError(ERROR_INVALID_ADDRESS);
        else if (!commit(r, start, end - start, prot))
            w32_fail_errno();
        else
            result = (void *)start;
    } else if (a && !(type & MEM_RESERVE)) {
        /* Committing needs a reservation, except at NULL, which reserves. */
        SetLastError(ERROR_INVALID_ADDRESS);
    } else {
        uintptr_t start = a & ~(GRANULARITY - 1);
        size_t len = ((a ? a + size : size) - start + PAGE - 1) & ~(PAGE - 1);
        void *p = reserve(start, len);
        if (!p) {
            SetLastError(a ? ERROR_INVALID_ADDRESS : ERROR_NOT_ENOUGH_MEMORY);
        } else {
            g_regions = realloc(g_regions, (g_nregions + 1) * sizeof *g_regions);
            r = &g_regions[g_nregions++];
            r->base = (uintptr_t)p;
            r->size = len;
            r->alloc_prot = prot;
            r->prot = calloc(len / PAGE, sizeof *r->prot);
            result = p;
            if ((type & MEM_COMMIT) && !commit(r, r->base, len, prot)) {
                w32_fail_errno();
                munmap(p, len);
                free(r->prot);
                g_nregions--;
                result = NULL;
            }
        }
    }
    pthread_mutex_unlock(&g_lock);
    return result;
}

BOOL WINAPI VirtualFree(void *addr, SIZE_T size, DWORD type)
{
    pthread_mutex_lock(&g_lock);
    uintptr_t a = (uintptr_t)addr;
    struct region *r = region_find(a);
    BOOL ok = FALSE;
    if (!r) {
        SetLastError(ERROR_INVALID_ADDRESS);
    } else if (type == MEM_RELEASE) {
        if (size) {
            SetLastError(ERROR_INVALID_PARAMETER);
        } else if (a != r->base) {
            SetLastError(ERROR_INVALID_ADDRESS);
        } else {
            munmap((void *)r->base, r->size);
            free(r->prot);
            *r = g_regions[--g_nregions];
            ok = TRUE;
        }
    } else if (type == MEM_DECOMMIT) {
        uintptr_t start = a & ~(PAGE - 1);
        uintptr_t end = size ? (a + size + PAGE - 1) & ~(PAGE - 1) : r->base + r->size;
        if (end > r->base + r->size) {
            SetLastError(ERROR_INVALID_PARAMETER);
        } else {
            /* Decommitted pages read back as zero when committed again. */
            mmap((void *)start, end - start, PROT_NONE,
                 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0);
            for (size_t i = (start - r->base) / PAGE; i < (end - r->base) / PAGE; i++)
                r->prot[i] = 0;
            ok = TRUE;
        }
    } else {
        SetLastError(ERROR_INVALID_PARAMETER);
    }
    pthread_mutex_unlock(&g_lock);
    return ok;
}

/* The host's view of the page holding addr: [lo, hi) and its protection. */
static bool maps_lookup(uintptr_t addr, uintptr_t *lo, uintptr_t *hi, DWORD *prot)
{
    FILE *f = fopen("/proc/self/maps", "r");
    if (!f)
        return false;
    char line[512];
    bool found = false;
    uintptr_t prev_end = 0;
    while (fgets(line, sizeof line, f)) {
        unsigned long s, e;
        char perm[5];
        if (sscanf(line, "%lx-%lx %4s", &s, &e, perm) != 3)
            continue;
        if (addr < s) {
            /* A hole: free address space. */
            *lo = prev_end;
            *hi = s;
            *prot = 0;
            found = true;
            break;
        }
        if (addr < e) {
            *lo = s;
            *hi = e;
            *prot = win_prot(perm[0] == 'r', perm[1] == 'w', perm[2] == 'x');
            found = true;
            break;
        }
        prev_end = e;
    }
    fclose(f);
    return found;
}

SIZE_T WINAPI VirtualQuery(const void *addr, MEMORY_BASIC_INFORMATION *info, SIZE_T len)
{
    if (len < sizeof *info) {
        SetLastError(ERROR_BAD_LENGTH);
        return 0;
    }
    uintptr_t a = (uintptr_t)addr & ~(PAGE - 1);
    memset(info, 0, sizeof *info);
    info->BaseAddress = (void *)a;
    pthread_mutex_lock(&g_lock);
    struct region *r = region_find(a);
    if (r) {
        size_t i = (a - r->base) / PAGE, n = r->size / PAGE, j = i;
        while (j < n && r->prot[j] == r->prot[i])
            j++;
        info->AllocationBase = (void *)r->base;
        info->AllocationProtect = r->alloc_prot;
        info->RegionSize = (j - i) * PAGE;
        info->State = r->prot[i] ? MEM_COMMIT : MEM_RESERVE;
        info->Protect = r->prot[i];
        info->Type = MEM_PRIVATE;
        pthread_mutex_unlock(&g_lock);
        return sizeof *info;
    }
    pthread_mutex_unlock(&g_lock);
    /* Images answer from the loader's record, without asking the host. */
    struct module *img = module_by_address(addr);
    if (img && img->page_prot) {
        size_t i = (a - (uintptr_t)img->base) / PAGE, n = img->size / PAGE, j = i;
        while (j < n && img->page_prot[j] == img->page_prot[i])
            j++;
        info->AllocationBase = img->base;
        info->AllocationProtect = PAGE_EXECUTE_WRITECOPY;
        info->RegionSize = (j - i) * PAGE;
        info->State = MEM_COMMIT;
        info->Protect = img->page_prot[i];
        info->Type = MEM_IMAGE;
        return sizeof *info;
    }
    uintptr_t lo, hi;
    DWORD prot;
    if (!maps_lookup(a, &lo, &hi, &prot)) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return 0;
    }
    info->RegionSize = hi - a;
    if (!prot && lo <= a && hi > a && !module_by_address(addr)) {
        info->State = MEM_FREE;
        info->Protect = PAGE_NOACCESS;
        return sizeof *info;
    }
    struct module *m = module_by_address(addr);
    info->AllocationBase = m ? (void *)m->base : (void *)lo;
    info->AllocationProtect = m ? PAGE_EXECUTE_WRITECOPY : prot;
    info->State = MEM_COMMIT;
    info->Protect = prot;
    info->Type = m ? MEM_IMAGE : MEM_PRIVATE;
    return sizeof *info;
}

BOOL WINAPI VirtualProtect(void *addr, SIZE_T size, DWORD prot, DWORD *old)
{
    int hp = lv_host_prot(prot);
    if (hp < 0 || !old) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    uintptr_t start = (uintptr_t)addr & ~(PAGE - 1);
    uintptr_t end = ((uintptr_t)addr + size + PAGE - 1) & ~(PAGE - 1);
    MEMORY_BASIC_INFORMATION mbi;
    if (!VirtualQuery((void *)start, &mbi, sizeof mbi))
        return FALSE;
    if (mbi.State != MEM_COMMIT) {
        SetLastError(ERROR_INVALID_ADDRESS);
        return FALSE;
    }
    if (mprotect((void *)start, end - start, hp))
        return w32_fail_errno();
    *old = mbi.Protect;
    struct module *m = module_by_address((void *)start);
    if (m)
        module_set_page_prot(m, (void *)start, end - start, (uint16_t)prot);
    pthread_mutex_lock(&g_lock);
    struct region *r = region_find(start);
    if (r)
        for (uintptr_t p = start; p < end && p < r->base + r->size; p += PAGE)
            r->prot[(p - r->base) / PAGE] = (WORD)prot;
    pthread_mutex_unlock(&g_lock);
    return TRUE;
}

BOOL WINAPI FlushInstructionCache(HANDLE process, const void *addr, SIZE_T size)
{
    (void)process, (void)addr, (void)size;
    /* x86 keeps instruction caches coherent. */
    return TRUE;
}
