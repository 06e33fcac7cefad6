/* File mappings: sections over a file or over memory ("the paging file"),
 * and views of them. A named memory section lives in host shared memory
 * (/dev/shm), so that other lvrun processes of the same user open the same
 * pages by name; a file section shares the file's pages. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "kernel32.spec.h"
#include "kernel32_private.h"
#include "lv/w32error.h"
#include "lv/wstr.h"

#define FILE_MAP_COPY 0x1
#define FILE_MAP_WRITE 0x2
#define FILE_MAP_READ 0x4
#define FILE_MAP_EXECUTE 0x20
#define SEC_IMAGE 0x1000000
#define GRANULARITY 0x10000ull

struct mapping_object {
    struct object obj;
    int fd;
    uint64_t size;
    DWORD protect;
    WCHAR *name;
    char *shm;      /* the /dev/shm name this process created, if any */
    struct mapping_object *next; /* named ones, for OpenFileMapping */
};

struct view {
    void *addr;
    size_t len;
    struct view *next;
};

static struct mapping_object *g_named;
static struct view *g_views;
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;

static void mapping_destroy(struct object *obj)
{
    struct mapping_object *m = (struct mapping_object *)obj;
    pthread_mutex_lock(&g_lock);
    for (struct mapping_object **pp = &g_named; *pp; pp = &(*pp)->next)
        if (*pp == m) {
            *pp = m->next;
            break;
        }
    pthread_mutex_unlock(&g_lock);
    close(m->fd);
    /* The name goes with its creator's last handle: processes that opened
     * it keep their pages, later opens fail, as when Windows frees a
     * section no one holds (the difference: holders elsewhere do not keep
     * the name alive). */
    if (m->shm)
        shm_unlink(m->shm);
    free(m->shm);
    free(m->name);
    free(m);
}

/* The host shared-memory name of a Windows section name: per user, with
 * the characters /dev/shm cannot hold escaped. */
static void shm_name(const WCHAR *name, char *out, size_t size)
{
    char *u = wstr_to_utf8(name);
    int n = snprintf(out, size, "/lvrun-%u-", (unsigned)getuid());
    for (const char *p = u; *p && (size_t)n + 4 < size; p++)
        n += snprintf(out + n, size - n, *p == '/' || *p == '%' ? "%%%02x" : "%c",
                      (unsigned char)*p);
    free(u);
}

static struct mapping_object *find_named(const WCHAR *name)
{
    for (struct mapping_object *m = g_named; m; m = m->next)
        if (!wstr_cmp(m->name, name) && object_ref_if_live(&m->obj))
            return m;
    return NULL;
}

static HANDLE insert(struct mapping_object *m, SECURITY_ATTRIBUTES *sa)
{
    HANDLE h = handle_table_insert(&m->obj, sa && sa->bInheritHandle);
    object_release(&m->obj);
    return h;
}

static struct mapping_object *mapping_new(int fd, uint64_t size, DWORD protect,
                                          const WCHAR *name)
{
    struct mapping_object *m = calloc(1, sizeof *m);
    object_init(&m->obj, OBJ_MAPPING, mapping_destroy);
    m->fd = fd;
    m->size = size;
    m->protect = protect & 0xff;
    if (name && *name) {
        m->name = wstr_dup(name);
        pthread_mutex_lock(&g_lock);
        m->next = g_named;
        g_named = m;
        pthread_mutex_unlock(&g_lock);
    }
    return m;
}

/* The memory section behind a name: this process's, another lvrun
 * process's from /dev/shm, or a new one. */
static int memory_section(const WCHAR *name, uint64_t size, bool *existed, char **created)
{
    *existed = false;
    *created = NULL;
    if (!name || !*name)
        return memfd_create("lvrun-section", MFD_CLOEXEC);
    char sname[256];
    shm_name(name, sname, sizeof sname);
    int fd = shm_open(sname, O_RDWR | O_CREAT | O_EXCL, 0600);
    if (fd < 0 && errno == EEXIST) {
        *existed = true;
        return shm_open(sname, O_RDWR, 0600);
    }
    if (fd >= 0 && ftruncate(fd, (off_t)size)) {
        close(fd);
        shm_unlink(sname);
        return -1;
    }
    if (fd >= 0)
        *created = strdup(sname);
    return fd;
}

HANDLE WINAPI CreateFileMappingW(HANDLE file, SECURITY_ATTRIBUTES *sa, DWORD protect,
                                 DWORD size_high, DWORD size_low, const WCHAR *name)
{
    uint64_t size = ((uint64_t)size_high << 32) | size_low;
    if (protect & SEC_IMAGE) {
        SetLastError(ERROR_NOT_SUPPORTED);
        return NULL;
    }
    if (name && *name) {
        pthread_mutex_lock(&g_lock);
        struct mapping_object *m = find_named(name);
        pthread_mutex_unlock(&g_lock);
        if (m) {
            HANDLE h = insert(m, sa);
            SetLastError(ERROR_ALREADY_EXISTS);
            return h;
        }
    }
    int fd;
    bool existed = false;
    char *created = NULL;
    if (file == INVALID_HANDLE_VALUE) {
        if (!size) {
            SetLastError(ERROR_INVALID_PARAMETER);
            return NULL;
        }
        fd = memory_section(name, size, &existed, &created);
    } else {
        struct file_object *f = file_from_handle(file);
        if (!f)
            return NULL;
        struct stat st;
        fd = fcntl(f->fd, F_DUPFD_CLOEXEC, 3);
        object_release(&f->obj);
        if (fd >= 0 && fstat(fd, &st) == 0) {
            if (!size && !st.st_size) {
                close(fd);
                SetLastError(ERROR_FILE_INVALID);
                return NULL;
            }
            /* A section larger than a file opened for writing grows it. */
            if (size > (uint64_t)st.st_size && ftruncate(fd, (off_t)size)) {
                close(fd);
                SetLastError(ERROR_ACCESS_DENIED);
                return NULL;
            }
            if (!size)
                size = st.st_size;
        }
    }
    if (fd < 0) {
        w32_fail_errno();
        return NULL;
    }
    if (existed) {
        struct stat st;
        if (fstat(fd, &st) == 0)
            size = st.st_size;
    }
    struct mapping_object *m = mapping_new(fd, size, protect, name);
    m->shm = created;
    HANDLE h = insert(m, sa);
    SetLastError(existed ? ERROR_ALREADY_EXISTS : ERROR_SUCCESS);
    return h;
}

HANDLE WINAPI CreateFileMappingA(HANDLE file, SECURITY_ATTRIBUTES *sa, DWORD protect,
                                 DWORD size_high, DWORD size_low, const char *name)
{
    WCHAR *w = ansi_to_wstr(name);
    HANDLE h = CreateFileMappingW(file, sa, protect, size_high, size_low, w);
    free(w);
    return h;
}

HANDLE WINAPI OpenFileMappingW(DWORD access, BOOL inherit, const WCHAR *name)
{
    (void)access;
    if (!name || !*name) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    pthread_mutex_lock(&g_lock);
    struct mapping_object *m = find_named(name);
    pthread_mutex_unlock(&g_lock);
    if (!m) {
        char sname[256];
        shm_name(name, sname, sizeof sname);
        int fd = shm_open(sname, O_RDWR, 0600);
        struct stat st;
        if (fd < 0 || fstat(fd, &st)) {
            if (fd >= 0)
                close(fd);
            SetLastError(ERROR_FILE_NOT_FOUND);
            return NULL;
        }
        m = mapping_new(fd, st.st_size, PAGE_READWRITE, name);
    }
    SECURITY_ATTRIBUTES sa = { sizeof sa, NULL, inherit };
    return insert(m, &sa);
}

HANDLE WINAPI OpenFileMappingA(DWORD access, BOOL inherit, const char *name)
{
    WCHAR *w = ansi_to_wstr(name);
    HANDLE h = OpenFileMappingW(access, inherit, w);
    free(w);
    return h;
}

void *WINAPI MapViewOfFileEx(HANDLE h, DWORD access, DWORD off_high, DWORD off_low,
                             SIZE_T bytes, void *base)
{
    struct mapping_object *m = (struct mapping_object *)handle_table_get(h, OBJ_MAPPING);
    if (!m)
        return NULL;
    uint64_t off = ((uint64_t)off_high << 32) | off_low;
    void *addr = NULL;
    if (off % GRANULARITY) {
        SetLastError(ERROR_MAPPED_ALIGNMENT);
    } else if (off > m->size || (bytes && bytes > m->size - off)) {
        SetLastError(ERROR_ACCESS_DENIED);
    } else {
        size_t len = bytes ? bytes : m->size - off;
        int prot = PROT_READ;
        if (access & (FILE_MAP_WRITE | FILE_MAP_COPY))
            prot |= PROT_WRITE;
        if (access & FILE_MAP_EXECUTE)
            prot |= PROT_EXEC;
        int flags = (access & FILE_MAP_COPY) ? MAP_PRIVATE : MAP_SHARED;
        if (base)
            flags |= MAP_FIXED_NOREPLACE;
        addr = mmap(base, len, prot, flags, m->fd, (off_t)off);
        if (addr == MAP_FAILED || (base && addr != base)) {
            if (addr != MAP_FAILED)
                munmap(addr, len);
            addr = NULL;
            SetLastError(base ? ERROR_INVALID_ADDRESS : ERROR_NOT_ENOUGH_MEMORY);
        } else {
            struct view *v = malloc(sizeof *v);
            v->addr = addr;
            v->len = len;
            pthread_mutex_lock(&g_lock);
            v->next = g_views;
            g_views = v;
            pthread_mutex_unlock(&g_lock);
        }
    }
    object_release(&m->obj);
    return addr;
}

void *WINAPI MapViewOfFile(HANDLE h, DWORD access, DWORD off_high, DWORD off_low, SIZE_T bytes)
{
    return MapViewOfFileEx(h, access, off_high, off_low, bytes, NULL);
}

BOOL WINAPI UnmapViewOfFile(const void *addr)
{
    pthread_mutex_lock(&g_lock);
    struct view *v = NULL;
    for (struct view **pp = &g_views; *pp; pp = &(*pp)->next)
        if ((*pp)->addr == addr) {
            v = *pp;
            *pp = v->next;
            break;
        }
    pthread_mutex_unlock(&g_lock);
    if (!v) {
        SetLastError(ERROR_INVALID_ADDRESS);
        return FALSE;
    }
    munmap(v->addr, v->len);
    free(v);
    return TRUE;
}

BOOL WINAPI FlushViewOfFile(const void *addr, SIZE_T bytes)
{
    uintptr_t start = (uintptr_t)addr & ~(uintptr_t)4095;
    size_t len = bytes ? bytes + ((uintptr_t)addr - start) : 4096;
    if (msync((void *)start, len, MS_SYNC))
        return w32_fail_errno();
    return TRUE;
}
