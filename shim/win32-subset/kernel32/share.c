/* Share modes between every open of a file by any lvrun process of the
 * user, as Windows checks them (ERROR_SHARING_VIOLATION).
 *
 * Host locks cannot say "others may read but not write", so the opens live
 * in a small table in shared memory (/dev/shm/lvrun-share-<uid>-<size>), keyed by
 * (device, inode): 512 buckets of 16 opens (8,192 opens at once in all,
 * 330 KB). The table is small on purpose: each open visits a bucket at
 * random, and over megabytes each visit missed the TLB (about 0.2 us on a
 * virtual machine, measured as 4 ms of 85 in the 5,000-file benchmark). A
 * mask per bucket says which slots hold an open, so a scan reads one cache
 * line and then only the slots in use. One robust process-shared mutex guards it: a process that dies
 * holding it leaves it usable, and the opens of a process that died without
 * closing are dropped when they get in someone's way (its pid is gone).
 * The cost on the open path is one uncontended mutex and a scan of one
 * bucket. A bucket full of live opens lets further opens through unchecked
 * rather than failing them. */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "kernel32_private.h"
#include "lv/teb.h"
#include "lv/w32file.h"

#define BUCKETS 512
#define PER_BUCKET 16
#define MAGIC 0x6c76736831ull

#define ACC_READ 1
#define ACC_WRITE 2
#define ACC_DELETE 4

struct share_open {
    uint64_t dev, ino;
    uint64_t start;   /* with pid, the process (ids are reused) */
    int32_t pid;
    uint32_t id;
    uint8_t access, share;
};

struct share_table {
    uint64_t magic;
    pthread_mutex_t lock;
    uint32_t next_id;
    uint16_t used[BUCKETS];   /* bit i: opens[b][i] holds an open */
    struct share_open opens[BUCKETS][PER_BUCKET];
};

static struct share_table *g_table;
static pthread_once_t g_once = PTHREAD_ONCE_INIT;

static void table_map(void)
{
    char name[64];
    /* The size in the name: another layout is another table. */
    size_t size = sizeof(struct share_table);
    snprintf(name, sizeof name, "/lvrun-share-%u-%zu", (unsigned)getuid(), size);
    int fd = shm_open(name, O_RDWR | O_CREAT | O_EXCL, 0600);
    bool creator = fd >= 0;
    if (!creator)
        fd = shm_open(name, O_RDWR, 0600);
    if (fd < 0)
        return;
    if (creator && ftruncate(fd, size)) {
        close(fd);
        shm_unlink(name);
        return;
    }
    /* The creator may not have sized it yet. */
    struct stat st;
    for (int i = 0; i < 1000 && fstat(fd, &st) == 0 && (size_t)st.st_size < size; i++)
        sched_yield();
    if (fstat(fd, &st) || (size_t)st.st_size < size) {
        close(fd);
        return;
    }
    struct share_table *t = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    if (t == MAP_FAILED)
        return;
    if (creator) {
        pthread_mutexattr_t a;
        pthread_mutexattr_init(&a);
        pthread_mutexattr_setpshared(&a, PTHREAD_PROCESS_SHARED);
        pthread_mutexattr_setrobust(&a, PTHREAD_MUTEX_ROBUST);
        pthread_mutex_init(&t->lock, &a);
        pthread_mutexattr_destroy(&a);
        __atomic_store_n(&t->magic, MAGIC, __ATOMIC_RELEASE);
    } else {
        struct timespec pause = { 0, 1000000 };
        for (int i = 0; i < 1000 && __atomic_load_n(&t->magic, __ATOMIC_ACQUIRE) != MAGIC; i++)
            nanosleep(&pause, NULL);
        if (__atomic_load_n(&t->magic, __ATOMIC_ACQUIRE) != MAGIC) {
            munmap(t, size);
            return;
        }
    }
    g_table = t;
}

static bool table_lock(void)
{
    pthread_once(&g_once, table_map);
    if (!g_table)
        return false;
    int r = pthread_mutex_lock(&g_table->lock);
    if (r == EOWNERDEAD)
        pthread_mutex_consistent(&g_table->lock);
    else if (r)
        return false;
    return true;
}

static unsigned access_bits(DWORD access, DWORD flags)
{
    unsigned bits = 0;
    if (access & (GENERIC_READ | GENERIC_EXECUTE | GENERIC_ALL | FILE_READ_DATA | 0x20))
        bits |= ACC_READ;
    if (access & (GENERIC_WRITE | GENERIC_ALL | FILE_WRITE_DATA | FILE_APPEND_DATA))
        bits |= ACC_WRITE;
    if ((access & (DELETE | GENERIC_ALL)) || (flags & FILE_FLAG_DELETE_ON_CLOSE))
        bits |= ACC_DELETE;
    return bits;
}

/* Share bits are FILE_SHARE_READ/WRITE/DELETE: the same order as ours. */
static bool conflicts(const struct share_open *o, unsigned access, unsigned share)
{
    return (access & ~o->share & 7) || (o->access & ~share & 7);
}


/* Whether an open (acc, sh) of st may coexist with the others; recorded
 * in *slot and *id when record and it may. */
static bool scan(const struct stat *st, unsigned acc, unsigned sh, bool record,
                 uint32_t *slot, uint32_t *id)
{
    *id = 0;
    if ((!S_ISREG(st->st_mode) && !S_ISDIR(st->st_mode)) || !acc || !table_lock())
        return true;
    size_t b = ((uint64_t)st->st_ino * 0x9e3779b97f4a7c15ull ^ st->st_dev) % BUCKETS;
    struct share_open *bucket = g_table->opens[b];
    uint16_t *used = &g_table->used[b];
    bool ok = true;
    for (unsigned live = *used; live; live &= live - 1) {
        int i = __builtin_ctz(live);
        struct share_open *o = &bucket[i];
        if (!lv_process_alive(o->pid, o->start)) {
            *used &= ~(1u << i);
            continue;
        }
        if (o->dev == st->st_dev && o->ino == st->st_ino && conflicts(o, acc, sh))
            ok = false;
    }
    if (ok && record && *used != 0xffff) {
        int i = __builtin_ctz(~*used);
        struct share_open *o = &bucket[i];
        o->dev = st->st_dev;
        o->ino = st->st_ino;
        o->access = acc;
        o->share = sh;
        if (!++g_table->next_id)
            ++g_table->next_id;
        o->id = g_table->next_id;
        o->start = lv_process_start_self();
        o->pid = lv_process_id();
        *used |= 1u << i;
        *slot = (uint32_t)(b * PER_BUCKET + i);
        *id = o->id;
    }
    pthread_mutex_unlock(&g_table->lock);
    return ok;
}

bool share_acquire(const struct stat *st, DWORD access, DWORD share, DWORD flags,
                   uint32_t *slot, uint32_t *id)
{
    return scan(st, access_bits(access, flags), share & 7, true, slot, id);
}

bool share_check(const struct stat *st, DWORD access)
{
    uint32_t slot, id;
    return scan(st, access_bits(access, 0), 7, false, &slot, &id);
}

void share_release(uint32_t slot, uint32_t id)
{
    if (!id || slot >= BUCKETS * PER_BUCKET || !table_lock())
        return;
    size_t b = slot / PER_BUCKET, i = slot % PER_BUCKET;
    struct share_open *o = &g_table->opens[b][i];
    if ((g_table->used[b] >> i & 1) && o->id == id && o->pid == lv_process_id())
        g_table->used[b] &= ~(1u << i);
    pthread_mutex_unlock(&g_table->lock);
}
