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
 * otherwise the table is dropped. What this cannot see is a change made by
 * another process between that check and our change (microseconds in
 * practice), and only until the folder next changes.
 *
 * Two host names that differ only in case are a state Windows never
 * reaches; the exact name asked for wins (the caller tries it first),
 * otherwise the smallest name in byte order, so the answer is stable. */
#include <dirent.h>
#include <errno.h>
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

struct entry {
    uint32_t hash;
    char *key;   /* folded */
    char *name;  /* real */
};

struct folder {
    char *path;
    struct stamp stamp;
    struct entry *slots;  /* open addressing, size a power of two */
    size_t size, used;
    unsigned long last_use;
    bool duplicates;      /* two names differ only in case */
    bool pending;         /* changed by us: the next stamp seen is ours */
    long long checked;    /* CLOCK_MONOTONIC ns of the last stamp check */
};

static struct folder g_folders[MAX_FOLDERS];
static unsigned long g_clock;
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;

static long long now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
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

/* The name as Windows compares it: each UTF-16 unit in upper case. */
static char *fold(const char *name)
{
    size_t n = strlen(name);
    bool ascii = true;
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)name[i] >= 0x80)
            ascii = false;
    if (ascii) {
        char *k = malloc(n + 1);
        if (!k)
            return NULL;
        for (size_t i = 0; i <= n; i++)
            k[i] = name[i] >= 'a' && name[i] <= 'z' ? name[i] - 32 : name[i];
        return k;
    }
    WCHAR *w = utf8_to_wstr(name);
    if (!w)
        return NULL;
    for (WCHAR *c = w; *c; c++)
        *c = wchar_upper(*c);
    char *k = wstr_to_utf8(w);
    free(w);
    return k;
}

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
        free(f->slots[i].name);
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
    if ((f->used + 1) * 2 > f->size && !grow(f))
        return;
    char *key = fold(name);
    if (!key)
        return;
    uint32_t h = hash_of(key);
    struct entry *e = slot_for(f, key, h);
    if (e->key) {
        free(key);
        f->duplicates = true;
        if (strcmp(name, e->name) < 0) {
            char *n = strdup(name);
            if (n) {
                free(e->name);
                e->name = n;
            }
        }
        return;
    }
    e->name = strdup(name);
    if (!e->name) {
        free(key);
        return;
    }
    e->key = key;
    e->hash = h;
    f->used++;
}

/* Removal from open addressing: the following run is put back in place. */
static void folder_remove(struct folder *f, const char *name)
{
    if (!f->size)
        return;
    char *key = fold(name);
    if (!key)
        return;
    struct entry *e = slot_for(f, key, hash_of(key));
    free(key);
    if (!e->key || strcmp(e->name, name))
        return;
    free(e->key);
    free(e->name);
    e->key = e->name = NULL;
    f->used--;
    size_t mask = f->size - 1;
    for (size_t i = ((size_t)(e - f->slots) + 1) & mask; f->slots[i].key; i = (i + 1) & mask) {
        struct entry moved = f->slots[i];
        f->slots[i].key = f->slots[i].name = NULL;
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

static struct folder *folder_find(const char *dir)
{
    for (size_t i = 0; i < MAX_FOLDERS; i++)
        if (g_folders[i].path && !strcmp(g_folders[i].path, dir))
            return &g_folders[i];
    return NULL;
}

/* The cached folder for dir, read again when its stamp changed. */
static struct folder *folder_get(const char *dir, const struct stat *st)
{
    struct folder *f = folder_find(dir);
    struct stamp now;
    stamp_of(st, &now);
    long long t = now_ns();
    if (f && (stamp_eq(&f->stamp, &now) || (f->pending && t - f->checked < NOTE_WINDOW_NS))) {
        f->stamp = now;
        f->pending = false;
        f->last_use = ++g_clock;
        f->checked = t;
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

int dircache_lookup(const char *dir, const char *name, char **real)
{
    struct stat st;
    *real = NULL;
    if (stat(dir, &st))
        return -1;
    if (!S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        return -1;
    }
    char *key = fold(name);
    if (!key) {
        errno = ENOMEM;
        return -1;
    }
    int found = 0;
    pthread_mutex_lock(&g_lock);
    struct folder *f = folder_get(dir, &st);
    if (f && f->size) {
        struct entry *e = slot_for(f, key, hash_of(key));
        if (e->key) {
            *real = strdup(e->name);
            found = *real != NULL;
        }
    }
    pthread_mutex_unlock(&g_lock);
    free(key);
    return found;
}

int dircache_lookup_cached(const char *dir, const char *name, char **real)
{
    pthread_mutex_lock(&g_lock);
    bool cached = folder_find(dir) != NULL;
    pthread_mutex_unlock(&g_lock);
    if (!cached)
        return -1;
    int r = dircache_lookup(dir, name, real);
    if (r > 0 && strcmp(*real, name)) {
        pthread_mutex_lock(&g_lock);
        struct folder *f = folder_find(dir);
        bool dup = !f || f->duplicates;
        pthread_mutex_unlock(&g_lock);
        if (dup) {
            free(*real);
            *real = NULL;
            return -1;
        }
    }
    return r;
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

/* After a change this process made, the table follows it; the folder's
 * new stamp is taken at the next lookup (which stats the folder anyway),
 * when that comes within NOTE_WINDOW_NS. A folder not checked just before,
 * or with names differing only in case, is dropped and read again. */
static void note(const char *host, bool added)
{
    char dir[4096];
    const char *name = split(host, dir, sizeof dir);
    pthread_mutex_lock(&g_lock);
    struct folder *f = folder_find(dir);
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
