/* The process's handle table: kernel objects behind small multiples of 4.
 * Every waitable or closable thing a Win32 API returns lives here. */
#ifndef LV_HANDLE_H
#define LV_HANDLE_H

#include <stdbool.h>
#include <stdint.h>
#include "lv/windef.h"

enum object_type {
    OBJ_ANY = 0,
    OBJ_FILE,      /* files, pipes, consoles, devices: a host fd */
    OBJ_FIND,
    OBJ_EVENT,
    OBJ_MUTEX,
    OBJ_SEMAPHORE,
    OBJ_THREAD,
    OBJ_PROCESS,
    OBJ_MAPPING,
    OBJ_HEAP,
    OBJ_REGKEY,
    OBJ_TOKEN,
};

struct object {
    enum object_type type;
    int refs;                              /* atomic */
    void (*destroy)(struct object *obj);   /* frees it, when refs reaches 0 */
};

struct file_object {
    struct object obj;
    int fd;
    DWORD access;    /* GENERIC_* / FILE_* rights granted */
    DWORD options;   /* FILE_FLAG_* */
    bool delete_pending; /* FileDispositionInfo: removed at close */
    char *host_path; /* NULL for pipes and inherited fds */
    uint32_t share_slot, share_id; /* its place in the share table (share.c) */
    struct file_locks *locks;      /* byte ranges it locked (lock.c) */
};

#define CURRENT_PROCESS_HANDLE ((HANDLE)(LONG_PTR)-1)
#define CURRENT_THREAD_HANDLE ((HANDLE)(LONG_PTR)-2)

void object_init(struct object *obj, enum object_type type,
                 void (*destroy)(struct object *));
struct object *object_ref(struct object *obj);
void object_release(struct object *obj);
/* A reference to an object found in a lookup table, unless it is already
 * being destroyed. */
bool object_ref_if_live(struct object *obj);

/* A new handle to obj (the table takes a reference); NULL when full. */
HANDLE handle_table_insert(struct object *obj, bool inherit);
/* The object behind h with a reference the caller releases; NULL (and
 * ERROR_INVALID_HANDLE) when h is not open or not of type. */
struct object *handle_table_get(HANDLE h, enum object_type type);
bool handle_table_close(HANDLE h);
/* Put obj at handle h, which must be free (inherited handles keep their
 * values in a child); false when h is taken or out of range. */
bool handle_table_insert_at(HANDLE h, struct object *obj, bool inherit);
/* Call fn for every open handle marked inheritable. */
void handle_table_each_inheritable(void (*fn)(HANDLE h, struct object *obj, void *ctx),
                                   void *ctx);
bool handle_get_inherit(HANDLE h, bool *inherit);
bool handle_set_inherit(HANDLE h, bool inherit);

/* A file object over host fd (owned by the object). */
struct file_object *file_object_new(int fd, DWORD access, const char *host_path);
/* The host fd behind a file handle (standard handles included), or -1 with
 * ERROR_INVALID_HANDLE; no reference is kept: for the CRT's fd layer. */
int handle_host_fd(HANDLE h);

#endif
