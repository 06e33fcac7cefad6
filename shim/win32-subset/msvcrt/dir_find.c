/* _findfirst/_findnext over FindFirstFileW, in each of the CRT's layouts
 * of _finddata_t (32- or 64-bit times and sizes, narrow or wide names). */
#include <stdlib.h>
#include <string.h>
#include "kernel32.spec.h"
#include "lv/w32file.h"
#include "msvcrt.spec.h"
#include "ucrtbase.spec.h"
#include "stdio_private.h"

#define CP_ACP 0

struct find_info {
    unsigned attrib;
    int64_t create, access, write;
    uint64_t size;
    const WCHAR *name;
};

static int64_t unix_time(const FILETIME *ft)
{
    int64_t v = (int64_t)(filetime_to_u64(ft) - FILETIME_UNIX_EPOCH);
    return v < 0 ? -1 : v / 10000000;
}

static void info_from(struct find_info *i, const WIN32_FIND_DATAW *d)
{
    i->attrib = d->dwFileAttributes == FILE_ATTRIBUTE_NORMAL ? 0 : d->dwFileAttributes;
    i->create = unix_time(&d->ftCreationTime);
    i->access = unix_time(&d->ftLastAccessTime);
    i->write = unix_time(&d->ftLastWriteTime);
    i->size = (uint64_t)d->nFileSizeHigh << 32 | d->nFileSizeLow;
    i->name = d->cFileName;
}

static void name_a(char *out, const WCHAR *name)
{
    if (!WideCharToMultiByte(CP_ACP, 0, name, -1, out, MAX_PATH, NULL, NULL))
        out[0] = 0;
}

static void name_w(WCHAR *out, const WCHAR *name)
{
    memcpy(out, name, MAX_PATH * sizeof(WCHAR));
}

#define FINDDATA(tag, time_t_, size_t_, char_t)                         \
    struct tag {                                                        \
        unsigned attrib;                                                \
        time_t_ time_create, time_access, time_write;                   \
        size_t_ size;                                                   \
        char_t name[MAX_PATH];                                          \
    };

FINDDATA(fd32, int32_t, uint32_t, char)
FINDDATA(fd32i64, int32_t, int64_t, char)
FINDDATA(fd64i32, int64_t, uint32_t, char)
FINDDATA(fd64, int64_t, int64_t, char)
FINDDATA(wfd32, int32_t, uint32_t, WCHAR)
FINDDATA(wfd32i64, int32_t, int64_t, WCHAR)
FINDDATA(wfd64i32, int64_t, uint32_t, WCHAR)
FINDDATA(wfd64, int64_t, int64_t, WCHAR)
_Static_assert(sizeof(struct fd32) == 280 && sizeof(struct fd32i64) == 288
               && sizeof(struct fd64i32) == 296 && sizeof(struct fd64) == 304,
               "_finddata_t layouts");

typedef void (*fill_fn)(void *out, const struct find_info *i);

#define FILLER(tag, namefn)                                             \
    static void fill_##tag(void *out, const struct find_info *i)        \
    {                                                                   \
        struct tag *d = out;                                            \
        d->attrib = i->attrib;                                          \
        d->time_create = i->create;                                     \
        d->time_access = i->access;                                     \
        d->time_write = i->write;                                       \
        d->size = i->size;                                              \
        namefn(d->name, i->name);                                       \
    }

FILLER(fd32, name_a)
FILLER(fd32i64, name_a)
FILLER(fd64i32, name_a)
FILLER(fd64, name_a)
FILLER(wfd32, name_w)
FILLER(wfd32i64, name_w)
FILLER(wfd64i32, name_w)
FILLER(wfd64, name_w)

static intptr_t find_first_w(const WCHAR *spec, void *out, fill_fn fill)
{
    WIN32_FIND_DATAW d;
    if (!spec || !out) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    HANDLE h = FindFirstFileW(spec, &d);
    if (h == INVALID_HANDLE_VALUE) {
        msvcrt_set_errno_from_win32(GetLastError());
        return -1;
    }
    struct find_info i;
    info_from(&i, &d);
    fill(out, &i);
    return (intptr_t)h;
}

static intptr_t find_first_a(const char *spec, void *out, fill_fn fill)
{
    if (!spec) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    WCHAR *w = msvcrt_a_to_w(spec);
    if (!w)
        return -1;
    intptr_t h = find_first_w(w, out, fill);
    free(w);
    return h;
}

static int find_next(intptr_t h, void *out, fill_fn fill)
{
    WIN32_FIND_DATAW d;
    if (!out) {
        msvcrt_set_errno(MSVCRT_EINVAL);
        return -1;
    }
    if (!FindNextFileW((HANDLE)h, &d)) {
        msvcrt_set_errno(MSVCRT_ENOENT);
        return -1;
    }
    struct find_info i;
    info_from(&i, &d);
    fill(out, &i);
    return 0;
}

int CDECL msvcrt__findclose(intptr_t h)
{
    if (!FindClose((HANDLE)h)) {
        msvcrt_set_errno(MSVCRT_ENOENT);
        return -1;
    }
    return 0;
}

#define FIND(first, next, tag, char_t, firstfn)                         \
    intptr_t CDECL msvcrt_##first(const char_t *spec, void *data)       \
    {                                                                   \
        return firstfn(spec, data, fill_##tag);                         \
    }                                                                   \
    int CDECL msvcrt_##next(intptr_t h, void *data)                     \
    {                                                                   \
        return find_next(h, data, fill_##tag);                          \
    }

/* msvcrt's x64 _finddata_t has 64-bit times and a 32-bit size. */
FIND(_findfirst, _findnext, fd64i32, char, find_first_a)
FIND(_findfirsti64, _findnexti64, fd64, char, find_first_a)
FIND(_findfirst32, _findnext32, fd32, char, find_first_a)
FIND(_findfirst32i64, _findnext32i64, fd32i64, char, find_first_a)
FIND(_findfirst64i32, _findnext64i32, fd64i32, char, find_first_a)
FIND(_findfirst64, _findnext64, fd64, char, find_first_a)
FIND(_wfindfirst, _wfindnext, wfd64i32, WCHAR, find_first_w)
FIND(_wfindfirsti64, _wfindnexti64, wfd64, WCHAR, find_first_w)
FIND(_wfindfirst32, _wfindnext32, wfd32, WCHAR, find_first_w)
FIND(_wfindfirst32i64, _wfindnext32i64, wfd32i64, WCHAR, find_first_w)
FIND(_wfindfirst64i32, _wfindnext64i32, wfd64i32, WCHAR, find_first_w)
FIND(_wfindfirst64, _wfindnext64, wfd64, WCHAR, find_first_w)
