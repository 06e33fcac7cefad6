/* Case-insensitive name lookup on a case-sensitive host, with a cache.
 *
 * Each folder looked into keeps a table from its entries' folded names
 * (upper case, as Windows compares names) to their real names. A table is
 * trusted while the folder's stamp (device, inode, change and modification
 * times in nanoseconds, size, link count) is the one it was read with:
 * any entry created, removed or renamed behind the cache changes the
 * stamp, and the next lookup reads the folder again. This process's own
 * changes update the table in place (dircache_note_*) when the table was
 * checked against the folder just before (a lookup within NOTE_WINDOW_NS:
 * the usual case of a name resolved, then created), so that creating
 * thousands of files in one folder does not read it thousands of times;
 * otherwise the table is dropped. Within NOTE_WINDOW_NS of our last change
 * the table is trusted without looking at the folder: its stamp is ours
 * and tells nothing, and a stat per lookup was a third of the cost of a
 * burst of creates or deletes. What this cannot see is a change made by
 * another process during such a burst; the first lookup after it finds a
 * stamp that is not the table's and reads the folder again.
 *
 * Two host names that differ only in case are a state Windows never
 * reaches; the exact name asked for wins (the caller tries it first),
 * otherwise the smallest name in byte order, so the answer is stable. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include "lv/path.h"
#include "lv/wstr.h"

#define MAX_FOLDERS 64
#define NOTE_WINDOW_NS 20000000ll

struct stamp {
    dev_t dev;
    ino_t ino;
    struct timespec mtim, ctim;
    off_t size;
    nlink_t nlink;
};

/* The folded key and the real name share one allocation, key first: a
 * lookup touches one line of the table and one allocation. */
struct entry {
    uint32_t hash;
    uint32_t key_len;
    char *key;
};

static const char *entry_name(const struct entry *e)
{
    return e->key + e->key_len + 1;
}

/* key and name in one allocation, or NULL. */
static char *entry_pair(const char *key, size_t key_len, const char *name)
{
    size_t n = strlen(name);
    char *p = malloc(key_len + n + 2);
    if (p) {
        memcpy(p, key, key_len + 1);
        memcpy(p + key_len + 1, name, n + 1);
    }
    return p;
}

struct folder {
    char *path;
    uint32_t path_hash;
    struct stamp stamp;
    struct entry *slots;  /* open addressing, size a power of two */
    size_t size, used;
    unsigned long last_use;
    bool duplicates;      /* two names differ only in case */
    bool pending;         /* changed by us since the stamp was taken */
    long long checked;    /* CLOCK_MONOTONIC ns of the last stamp check or change */
};

static struct folder g_folders[MAX_FOLDERS];
static unsigned long g_clock;
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;

/* The coarse clock (a tick of a few ms) is plenty for NOTE_WINDOW_NS and
 * costs no time-stamp-counter read on every lookup. */
static long long now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC_COARSE, &ts);
    return ts.tv_sec * 1000000000ll + ts.tv_nsec;
}

static void stamp_of(const struct stat *st, struct stamp *s)
{
    memset(s, 0, sizeof *s);
    s->dev = st->st_dev;
    s->ino = st->st_ino;
    s->mtim = st->st_mtim;
    s->ctim = st->st_ctim;
    s->size = st->st_size;
    s->nlink = st->st_nlink;
}

static bool stamp_eq(const struct stamp *a, const struct stamp *b)
{
    return a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
           a->nlink == b->nlink && a->mtim.tv_sec == b->mtim.tv_sec &&
           a->mtim.tv_nsec == b->mtim.tv_nsec && a->ctim.tv_sec == b->ctim.tv_sec &&
           a->ctim.tv_nsec == b->ctim.tv_nsec;
}

/* The name as Windows compares it: each UTF-16 unit in upper case, into
 * key (false when it does not fit). */
static bool fold_into(const char *name, char *key, size_t size)
{
    size_t n = strlen(name);
    bool ascii = true;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)name[i] >= 0x80)
            ascii = false;
    if (ascii) {
        if (n >= size)
            return false;
        for (size_t i = 0; i <= n; i++)
            key[i] = name[i] >= 'a' && name[i] <= 'z' ? name[i] - 32 : name[i];
        return true;
    }
    WCHAR *w = utf8_to_wstr(name);
    if (!w)
        return false;
    for (WCHAR *c = w; *c; c++)
        *c = wchar_upper(*c);
    size_t k = utf16_to_utf8(w, wstr_len(w) + 1, key, size, NULL);
    free(w);
    return k > 0 && key[k - 1] == 0;
}

/* Folding keeps the number of UTF-16 units, so at most three bytes each. */
#define KEY_MAX (NAME_MAX * 3 + 1)

static uint32_t hash_of(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

static void folder_clear(struct folder *f)
{
    for (size_t i = 0; i < f->size; i++) {
        free(f->slots[i].key);
    }
    free(f->slots);
    f->slots = NULL;
    f->size = f->used = 0;
    f->duplicates = false;
}

static struct entry *slot_for(struct folder *f, const char *key, uint32_t h)
{
    size_t mask = f->size - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        struct entry *e = &f->slots[i];
        if (!e->key || (e->hash == h && !strcmp(e->key, key)))
            return e;
    }
}

static bool grow(struct folder *f)
{
    size_t size = f->size ? f->size * 2 : 64;
    struct entry *old = f->slots;
    size_t old_size = f->size;
    f->slots = calloc(size, sizeof *f->slots);
    if (!f->slots) {
        f->slots = old;
        return false;
    }
    f->size = size;
    for (size_t i = 0; i < old_size; i++)
        if (old[i].key)
            *slot_for(f, old[i].key, old[i].hash) = old[i];
    free(old);
    return true;
}

static void folder_add(struct folder *f, const char *name)
{
    char key[KEY_MAX];
    if ((f->used + 1) * 2 > f->size && !grow(f))
        return;
    if (!fold_into(name, key, sizeof key))
        return;
    size_t key_len = strlen(key);
    uint32_t h = hash_of(key);
    struct entry *e = slot_for(f, key, h);
    if (e->key) {
        f->duplicates = true;
        if (strcmp(name, entry_name(e)) < 0) {
            char *p = entry_pair(key, key_len, name);
            if (p) {
                free(e->key);
                e->key = p;
            }
        }
        return;
    }
    e->key = entry_pair(key, key_len, name);
    if (!e->key)
        return;
    e->key_len = (uint32_t)key_len;
    e->hash = h;
    f->used++;
}

/* Removal from open addressing: the following run is put back in place. */
static void folder_remove(struct folder *f, const char *name)
{
    char key[KEY_MAX];
    if (!f->size || !fold_into(name, key, sizeof key))
        return;
    struct entry *e = slot_for(f, key, hash_of(key));
    if (!e->key || strcmp(entry_name(e), name))
        return;
    free(e->key);
    e->key = NULL;
    f->used--;
    size_t mask = f->size - 1;
    for (size_t i = ((size_t)(e - f->slots) + 1) & mask; f->slots[i].key; i = (i + 1) & mask) {
        struct entry moved = f->slots[i];
        f->slots[i].key = NULL;
        *slot_for(f, moved.key, moved.hash) = moved;
    }
}

static bool folder_read(struct folder *f, const char *dir, const struct stat *st)
{
    DIR *d = opendir(dir);
    if (!d)
        return false;
    folder_clear(f);
    f->pending = false;
    struct dirent *e;
    while ((e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            folder_add(f, e->d_name);
    closedir(d);
    stamp_of(st, &f->stamp);
    return true;
}

static struct folder *folder_find(const char *dir, uint32_t h)
{
    for (size_t i = 0; i < MAX_FOLDERS; i++)
        if (g_folders[i].path && g_folders[i].path_hash == h && !strcmp(g_folders[i].path, dir))
            return &g_folders[i];
    return NULL;
}

/* The cached folder for dir, read again when its stamp changed. */
static struct folder *folder_get(const char *dir, uint32_t dir_hash, const struct stat *st)
{
    struct folder *f = folder_find(dir, dir_hash);
    struct stamp now;
    stamp_of(st, &now);
    if (f && !f->pending && stamp_eq(&f->stamp, &now)) {
        f->last_use = ++g_clock;
        f->checked = now_ns();
        return f;
    }
    if (!f) {
        f = &g_folders[0];
        for (size_t i = 1; i < MAX_FOLDERS && f->path; i++)
            if (!g_folders[i].path || g_folders[i].last_use < f->last_use)
                f = &g_folders[i];
        folder_clear(f);
        free(f->path);
        f->path = strdup(dir);
        if (!f->path)
            return NULL;
        f->path_hash = dir_hash;
    }
    if (!folder_read(f, dir, st)) {
        free(f->path);
        f->path = NULL;
        return NULL;
    }
    f->last_use = ++g_clock;
    f->checked = now_ns();
    return f;
}

/* The lookup behind both entry points; cached_only: -1 for a folder not in
 * the cache (the caller tries the exact name instead), and for a match in
 * another case where the folder has names differing only in case (the
 * exact name may be one of them). */
static int lookup(const char *dir, const char *name, char **real, bool cached_only)
{
    *real = NULL;
    char key[KEY_MAX];
    if (!fold_into(name, key, sizeof key)) {
        errno = ENAMETOOLONG;
        return -1;
    }
    uint32_t dir_hash = hash_of(dir);
    struct stat st;
    int found = 0;
    pthread_mutex_lock(&g_lock);
    struct folder *f = folder_find(dir, dir_hash);
    if (cached_only && !f) {
        pthread_mutex_unlock(&g_lock);
        return -1;
    }
    if (!f || !f->pending || now_ns() - f->checked >= NOTE_WINDOW_NS) {
        /* The stat outside the lock: other threads need not wait on it. */
        pthread_mutex_unlock(&g_lock);
        if (stat(dir, &st))
            return -1;
        if (!S_ISDIR(st.st_mode)) {
            errno = ENOTDIR;
            return -1;
        }
        pthread_mutex_lock(&g_lock);
        f = folder_get(dir, dir_hash, &st);
    }
    if (f && f->size) {
        struct entry *e = slot_for(f, key, hash_of(key));
        if (e->key && cached_only && f->duplicates && strcmp(entry_name(e), name)) {
            found = -1;
        } else if (e->key) {
            *real = strdup(entry_name(e));
            found = *real != NULL;
        }
    }
    pthread_mutex_unlock(&g_lock);
    return found;
}

int dircache_lookup(const char *dir, const char *name, char **real)
{
    return lookup(dir, name, real, false);
}

int dircache_lookup_cached(const char *dir, const char *name, char **real)
{
    return lookup(dir, name, real, true);
}

/* The folder part and the last name of host (the name points into host). */
static const char *split(const char *host, char *dir, size_t size)
{
    const char *slash = strrchr(host, '/');
    if (!slash) {
        snprintf(dir, size, ".");
        return host;
    }
    size_t n = slash == host ? 1 : (size_t)(slash - host);
    if (n >= size)
        n = size - 1;
    memcpy(dir, host, n);
    dir[n] = 0;
    return slash + 1;
}

/* After a change this process made, the table follows it. A folder not
 * checked or changed just before, or with names differing only in case,
 * is dropped and read again. */
static void note(const char *host, bool added)
{
    char dir[4096];
    const char *name = split(host, dir, sizeof dir);
    pthread_mutex_lock(&g_lock);
    struct folder *f = folder_find(dir, hash_of(dir));
    if (f) {
        long long now = now_ns();
        if (!f->duplicates && now - f->checked < NOTE_WINDOW_NS) {
            if (added)
                folder_add(f, name);
            else
                folder_remove(f, name);
            f->pending = true;
            f->checked = now;
        } else {
            folder_clear(f);
            free(f->path);
            f->path = NULL;
        }
    }
    pthread_mutex_unlock(&g_lock);
}

void dircache_note_added(const char *host)
{
    note(host, true);
}

void dircache_note_removed(const char *host)
{
    note(host, false);
}
