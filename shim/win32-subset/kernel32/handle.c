/* The handle table. Handles are (index + 1) * 4, as on Windows, so that
 * programs that test the low bits or compare with small constants work. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "lv/handle.h"
#include "kernel32_private.h"
#include "lv/w32error.h"

#define MAX_HANDLES (1 << 16)

struct slot {
    struct object *obj;
    bool inherit;
};

static struct slot *g_slots;
static size_t g_count;    /* slots in use or once used: the high-water mark */
static size_t g_free_hint;
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;

void object_init(struct object *obj, enum object_type type,
                 void (*destroy)(struct object *))
{
    obj->type = type;
    obj->refs = 1;
    obj->destroy = destroy;
}

struct object *object_ref(struct object *obj)
{
    __atomic_add_fetch(&obj->refs, 1, __ATOMIC_RELAXED);
    return obj;
}

bool object_ref_if_live(struct object *obj)
{
    int refs = __atomic_load_n(&obj->refs, __ATOMIC_RELAXED);
    while (refs > 0)
        if (__atomic_compare_exchange_n(&obj->refs, &refs, refs + 1, false,
                                        __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
            return true;
    return false;
}

void object_release(struct object *obj)
{
    if (obj && __atomic_sub_fetch(&obj->refs, 1, __ATOMIC_ACQ_REL) == 0)
        obj->destroy(obj);
}

static long handle_index(HANDLE h)
{
    uintptr_t v = (uintptr_t)h;
    if (v == 0 || (v & 3) || v / 4 > MAX_HANDLES)
        return -1;
    return (long)(v / 4 - 1);
}

HANDLE handle_table_insert(struct object *obj, bool inherit)
{
    pthread_mutex_lock(&g_lock);
    if (!g_slots)
        g_slots = calloc(MAX_HANDLES, sizeof *g_slots);
    size_t i = g_free_hint;
    while (i < g_count && g_slots[i].obj)
        i++;
    if (i == g_count) {
        if (g_count == MAX_HANDLES) {
            pthread_mutex_unlock(&g_lock);
            w32_set_error(ERROR_TOO_MANY_OPEN_FILES);
            return NULL;
        }
        g_count++;
    }
    g_slots[i].obj = object_ref(obj);
    g_slots[i].inherit = inherit;
    g_free_hint = i + 1;
    pthread_mutex_unlock(&g_lock);
    return (HANDLE)(uintptr_t)((i + 1) * 4);
}

bool handle_table_insert_at(HANDLE h, struct object *obj, bool inherit)
{
    long i = handle_index(h);
    bool ok = false;
    pthread_mutex_lock(&g_lock);
    if (!g_slots)
        g_slots = calloc(MAX_HANDLES, sizeof *g_slots);
    if (i >= 0 && i < MAX_HANDLES && ((size_t)i >= g_count || !g_slots[i].obj)) {
        while (g_count <= (size_t)i)
            g_slots[g_count++].obj = NULL;
        g_slots[i].obj = object_ref(obj);
        g_slots[i].inherit = inherit;
        ok = true;
    }
    pthread_mutex_unlock(&g_lock);
    return ok;
}

void handle_table_each_inheritable(void (*fn)(HANDLE h, struct object *obj, void *ctx),
                                   void *ctx)
{
    pthread_mutex_lock(&g_lock);
    for (size_t i = 0; i < g_count; i++)
        if (g_slots[i].obj && g_slots[i].inherit)
            fn((HANDLE)(uintptr_t)((i + 1) * 4), g_slots[i].obj, ctx);
    pthread_mutex_unlock(&g_lock);
}

struct object *handle_table_get(HANDLE h, enum object_type type)
{
    long i = handle_index(h);
    struct object *obj = NULL;
    pthread_mutex_lock(&g_lock);
    if (i >= 0 && (size_t)i < g_count && g_slots[i].obj &&
        (type == OBJ_ANY || g_slots[i].obj->type == type))
        obj = object_ref(g_slots[i].obj);
    pthread_mutex_unlock(&g_lock);
    if (!obj)
        w32_set_error(ERROR_INVALID_HANDLE);
    return obj;
}

bool handle_table_close(HANDLE h)
{
    long i = handle_index(h);
    struct object *obj = NULL;
    pthread_mutex_lock(&g_lock);
    if (i >= 0 && (size_t)i < g_count && g_slots[i].obj) {
        obj = g_slots[i].obj;
        g_slots[i].obj = NULL;
        if ((size_t)i < g_free_hint)
            g_free_hint = i;
    }
    pthread_mutex_unlock(&g_lock);
    if (!obj) {
        w32_set_error(ERROR_INVALID_HANDLE);
        return false;
    }
    object_release(obj);
    return true;
}

bool handle_get_inherit(HANDLE h, bool *inherit)
{
    long i = handle_index(h);
    bool ok = false;
    pthread_mutex_lock(&g_lock);
    if (i >= 0 && (size_t)i < g_count && g_slots[i].obj) {
        *inherit = g_slots[i].inherit;
        ok = true;
    }
    pthread_mutex_unlock(&g_lock);
    if (!ok)
        w32_set_error(ERROR_INVALID_HANDLE);
    return ok;
}

bool handle_set_inherit(HANDLE h, bool inherit)
{
    long i = handle_index(h);
    bool ok = false;
    pthread_mutex_lock(&g_lock);
    if (i >= 0 && (size_t)i < g_count && g_slots[i].obj) {
        g_slots[i].inherit = inherit;
        ok = true;
    }
    pthread_mutex_unlock(&g_lock);
    if (!ok)
        w32_set_error(ERROR_INVALID_HANDLE);
    return ok;
}

static void file_destroy(struct object *obj)
{
    struct file_object *f = (struct file_object *)obj;
    file_locks_free(f);
    share_release(f->share_slot, f->share_id);
    if (f->fd > 2)
        close(f->fd);
    if (f->host_path &&
        (f->delete_pending || (f->options & 0x04000000 /* FILE_FLAG_DELETE_ON_CLOSE */)))
        unlink(f->host_path);
    free(f->host_path);
    free(f);
}

struct file_object *file_object_new(int fd, DWORD access, const char *host_path)
{
    struct file_object *f = calloc(1, sizeof *f);
    if (!f)
        return NULL;
    object_init(&f->obj, OBJ_FILE, file_destroy);
    f->fd = fd;
    f->access = access;
    /* Absolute, for FILE_FLAG_DELETE_ON_CLOSE after a change of folder;
     * not realpath, whose walk would cost every open a stat per folder. */
    if (host_path && host_path[0] != '/') {
        char cwd[4096];
        if (getcwd(cwd, sizeof cwd)) {
            size_t n = strlen(cwd) + strlen(host_path) + 2;
            f->host_path = malloc(n);
            if (f->host_path)
                snprintf(f->host_path, n, "%s/%s", cwd, host_path);
        }
    } else if (host_path) {
        f->host_path = strdup(host_path);
    }
    return f;
}

int handle_host_fd(HANDLE h)
{
    struct file_object *f = (struct file_object *)handle_table_get(h, OBJ_FILE);
    if (!f)
        return -1;
    int fd = f->fd;
    object_release(&f->obj);
    return fd;
}
