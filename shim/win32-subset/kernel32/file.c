/* Files through handles: CreateFile, ReadFile/WriteFile and friends. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <strings.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>
#include "kernel32.spec.h"
#include "kernel32_private.h"
#include "lv/handle.h"
#include "lv/path.h"
#include "lv/trace.h"
#include "lv/wait.h"
#include "lv/w32error.h"
#include "lv/wstr.h"

static int open_flags(DWORD access, DWORD disposition)
{
    int flags = O_CLOEXEC;
    bool rd = access & (GENERIC_READ | GENERIC_ALL | FILE_READ_DATA);
    bool wr = access & (GENERIC_WRITE | GENERIC_ALL | FILE_WRITE_DATA | FILE_APPEND_DATA);
    flags |= rd && wr ? O_RDWR : wr ? O_WRONLY : O_RDONLY;
    switch (disposition) {
    case CREATE_NEW: flags |= O_CREAT | O_EXCL; break;
    case CREATE_ALWAYS: flags |= O_CREAT | O_TRUNC; break;
    case OPEN_ALWAYS: flags |= O_CREAT; break;
    case TRUNCATE_EXISTING: flags |= O_TRUNC; break;
    }
    return flags;
}

/* Windows reports a missing folder on the way as "path not found". */
static DWORD missing_error(const char *host)
{
    char *dir = strdup(host);
    char *slash = strrchr(dir, '/');
    DWORD err = ERROR_FILE_NOT_FOUND;
    if (slash && slash != dir) {
        *slash = 0;
        struct stat st;
        if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
            err = ERROR_PATH_NOT_FOUND;
    }
    free(dir);
    return err;
}

static bool wants_write(DWORD access)
{
    return access & (GENERIC_WRITE | GENERIC_ALL | FILE_WRITE_DATA | FILE_APPEND_DATA);
}

/* The checks Windows makes before it touches an existing file: a folder
 * opens only with backup semantics, a read-only file not for writing, and
 * the share modes of every other open must allow this one. */
static DWORD check_existing(const struct stat *st, DWORD access, DWORD disposition,
                            DWORD flags)
{
    if (S_ISDIR(st->st_mode))
        return flags & FILE_FLAG_BACKUP_SEMANTICS ? ERROR_SUCCESS : ERROR_ACCESS_DENIED;
    if (disposition == CREATE_NEW)
        return ERROR_FILE_EXISTS;
    if (S_ISREG(st->st_mode) && !(st->st_mode & S_IWUSR) &&
        (wants_write(access) || disposition == CREATE_ALWAYS ||
         disposition == TRUNCATE_EXISTING || (flags & FILE_FLAG_DELETE_ON_CLOSE)))
        return ERROR_ACCESS_DENIED;
    return ERROR_SUCCESS;
}

static HANDLE fail(char *host, DWORD err)
{
    free(host);
    SetLastError(err);
    return INVALID_HANDLE_VALUE;
}

HANDLE WINAPI CreateFileW(const WCHAR *name, DWORD access, DWORD share,
                          SECURITY_ATTRIBUTES *sa, DWORD disposition, DWORD flags,
                          HANDLE template)
{
    (void)template;
    if (!name || disposition < CREATE_NEW || disposition > TRUNCATE_EXISTING ||
        (disposition == TRUNCATE_EXISTING && !wants_write(access))) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return INVALID_HANDLE_VALUE;
    }
    bool writes = wants_write(access) || disposition != OPEN_EXISTING;
    char *host = writes ? path_windows_to_host_write_w(name) : path_windows_to_host_w(name);
    if (!host) {
        SetLastError(errno == ENOENT ? ERROR_PATH_NOT_FOUND :
                     errno == EACCES ? ERROR_ACCESS_DENIED :
                     errno == EROFS ? ERROR_WRITE_PROTECT : ERROR_INVALID_NAME);
        return INVALID_HANDLE_VALUE;
    }
    /* Opened first and checked after, so an open costs no extra lookup;
     * truncation waits for the checks. */
    mode_t mode = (flags & FILE_ATTRIBUTE_READONLY) ? 0444 : 0666;
    int oflags = open_flags(access, disposition) & ~O_TRUNC;
    bool existed = disposition == OPEN_EXISTING || disposition == TRUNCATE_EXISTING;
    int fd = open(host, existed ? oflags : oflags | O_EXCL, mode);
    if (fd < 0 && errno == EEXIST && disposition != CREATE_NEW) {
        existed = true;
        fd = open(host, oflags & ~O_CREAT, mode);
    }
    if (fd < 0 && errno == EISDIR) {
        existed = true;
        fd = open(host, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    }
    trace(file, "CreateFileW: %s: %s", host, fd < 0 ? strerror(errno) : "opened");
    if (fd < 0) {
        DWORD err = errno == EEXIST ? ERROR_FILE_EXISTS
                    : errno == ENOENT ? missing_error(host) : w32_error_from_errno(errno);
        return fail(host, err);
    }
    struct stat st;
    if (fstat(fd, &st)) {
        close(fd);
        return fail(host, w32_error_from_errno(errno));
    }
    if (existed) {
        DWORD err = check_existing(&st, access, disposition, flags);
        if (err) {
            close(fd);
            return fail(host, err);
        }
    }
    uint32_t slot = 0, id = 0;
    if (!share_acquire(&st, access, share, flags, &slot, &id)) {
        close(fd);
        return fail(host, ERROR_SHARING_VIOLATION);
    }
    if (existed && S_ISREG(st.st_mode) &&
        (disposition == CREATE_ALWAYS || disposition == TRUNCATE_EXISTING) &&
        ftruncate(fd, 0)) {
        DWORD err = w32_error_from_errno(errno);
        share_release(slot, id);
        close(fd);
        return fail(host, err);
    }
    if (!existed)
        dircache_note_added(host);
    /* A device (NUL is /dev/null) is opened without its host path, which
     * deleting on close, renaming or a delete disposition would change. */
    const char *path = file_mode_is_device(st.st_mode) ? NULL : host;
    struct file_object *f = file_object_new(fd, access, path);
    free(host);
    if (!f) {
        share_release(slot, id);
        close(fd);
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return INVALID_HANDLE_VALUE;
    }
    f->options = flags;
    f->share_slot = slot;
    f->share_id = id;
    HANDLE h = handle_table_insert(&f->obj, sa && sa->bInheritHandle);
    object_release(&f->obj);
    if (!h)
        return INVALID_HANDLE_VALUE;
    /* Success, but say whether the file was there before. */
    SetLastError(existed && (disposition == CREATE_ALWAYS || disposition == OPEN_ALWAYS)
                     ? ERROR_ALREADY_EXISTS : ERROR_SUCCESS);
    return h;
}

HANDLE WINAPI CreateFileA(const char *name, DWORD access, DWORD share,
                          SECURITY_ATTRIBUTES *sa, DWORD disposition, DWORD flags,
                          HANDLE template)
{
    WCHAR *w = ansi_to_wstr(name);
    HANDLE h = CreateFileW(w, access, share, sa, disposition, flags, template);
    free(w);
    return h;
}

struct file_object *file_from_handle(HANDLE h)
{
    return (struct file_object *)handle_table_get(h, OBJ_FILE);
}

static off_t ov_offset(const OVERLAPPED *ov)
{
    return ((off_t)ov->u.s.OffsetHigh << 32) | ov->u.s.Offset;
}

/* I/O runs to completion before the call returns, overlapped or not; an
 * OVERLAPPED then receives the status and count as a completed request
 * does, and its event is signaled. A handle opened without
 * FILE_FLAG_OVERLAPPED moves its file pointer past the data, as on
 * Windows; an overlapped handle has no file pointer to move. */
static void complete(OVERLAPPED *ov, DWORD status, size_t count)
{
    ov->Internal = status;
    ov->InternalHigh = count;
    if (ov->hEvent)
        SetEvent(ov->hEvent);
}

static ssize_t at_offset(struct file_object *f, void *buf, size_t len, off_t off, bool wr)
{
    if (!(f->options & FILE_FLAG_OVERLAPPED) && lseek(f->fd, off, SEEK_SET) >= 0)
        return wr ? write(f->fd, buf, len) : read(f->fd, buf, len);
    return wr ? pwrite(f->fd, buf, len, off) : pread(f->fd, buf, len, off);
}

#define STATUS_END_OF_FILE 0xC0000011u

BOOL WINAPI ReadFile(HANDLE h, void *buf, DWORD len, DWORD *got, OVERLAPPED *ov)
{
    struct file_object *f = file_from_handle(h);
    if (got)
        *got = 0;
    if (!f)
        return FALSE;
    ssize_t n;
    bool seekable = ov && !file_is_pipe(f->fd);
    do {
        n = seekable ? at_offset(f, buf, len, ov_offset(ov), false) : read(f->fd, buf, len);
    } while (n < 0 && errno == EINTR);
    int err = errno;
    bool pipe_eof = n == 0 && len && file_is_pipe(f->fd);
    object_release(&f->obj);
    if (n < 0) {
        errno = err;
        return w32_fail_errno();
    }
    if (got)
        *got = (DWORD)n;
    /* A pipe whose writers are gone reads as "broken pipe" on Windows. */
    if (pipe_eof) {
        if (ov)
            complete(ov, 0xC000014Bu /* STATUS_PIPE_BROKEN */, 0);
        SetLastError(ERROR_BROKEN_PIPE);
        return FALSE;
    }
    if (ov) {
        /* An overlapped read at the end of a file fails with EOF. */
        bool eof = n == 0 && len;
        complete(ov, eof ? STATUS_END_OF_FILE : 0, n);
        if (eof) {
            SetLastError(ERROR_HANDLE_EOF);
            return FALSE;
        }
    }
    return TRUE;
}

BOOL WINAPI WriteFile(HANDLE h, const void *buf, DWORD len, DWORD *written,
                      OVERLAPPED *ov)
{
    struct file_object *f = file_from_handle(h);
    if (written)
        *written = 0;
    if (!f)
        return FALSE;
    size_t done = 0;
    bool seekable = ov && !file_is_pipe(f->fd);
    while (done < len) {
        ssize_t n = seekable ? at_offset(f, (char *)buf + done, len - done,
                                         ov_offset(ov) + done, true)
                             : write(f->fd, (const char *)buf + done, len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            int err = errno;
            object_release(&f->obj);
            if (written)
                *written = (DWORD)done;
            errno = err;
            return w32_fail_errno();
        }
        done += n;
    }
    object_release(&f->obj);
    if (written)
        *written = (DWORD)done;
    if (ov)
        complete(ov, 0, done);
    return TRUE;
}

BOOL WINAPI GetOverlappedResultEx(HANDLE h, OVERLAPPED *ov, DWORD *count, DWORD timeout,
                                  BOOL alertable)
{
    (void)h, (void)timeout, (void)alertable;
    if (count)
        *count = (DWORD)ov->InternalHigh;
    switch ((DWORD)ov->Internal) {
    case 0:
        return TRUE;
    case STATUS_END_OF_FILE:
        SetLastError(ERROR_HANDLE_EOF);
        return FALSE;
    case 0xC000014Bu:
        SetLastError(ERROR_BROKEN_PIPE);
        return FALSE;
    default:
        SetLastError(ERROR_GEN_FAILURE);
        return FALSE;
    }
}

BOOL WINAPI GetOverlappedResult(HANDLE h, OVERLAPPED *ov, DWORD *count, BOOL wait)
{
    return GetOverlappedResultEx(h, ov, count, wait ? INFINITE : 0, FALSE);
}

BOOL WINAPI CloseHandle(HANDLE h)
{
    if (h == CURRENT_PROCESS_HANDLE || h == CURRENT_THREAD_HANDLE)
        return TRUE;
    return handle_table_close(h);
}

BOOL WINAPI SetFilePointerEx(HANDLE h, LARGE_INTEGER dist, LARGE_INTEGER *newpos,
                             DWORD method)
{
    static const int whence[] = { SEEK_SET, SEEK_CUR, SEEK_END };
    if (method > FILE_END) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    struct file_object *f = file_from_handle(h);
    if (!f)
        return FALSE;
    off_t cur = lseek(f->fd, 0, SEEK_CUR);
    off_t base = method == FILE_BEGIN ? 0 : method == FILE_CURRENT ? cur
                 : lseek(f->fd, 0, SEEK_END);
    lseek(f->fd, cur, SEEK_SET);
    if (base + dist.QuadPart < 0) {
        object_release(&f->obj);
        SetLastError(ERROR_NEGATIVE_SEEK);
        return FALSE;
    }
    off_t pos = lseek(f->fd, dist.QuadPart, whence[method]);
    int err = errno;
    object_release(&f->obj);
    if (pos < 0) {
        errno = err;
        return w32_fail_errno();
    }
    if (newpos)
        newpos->QuadPart = pos;
    return TRUE;
}

DWORD WINAPI SetFilePointer(HANDLE h, LONG dist, LONG *high, DWORD method)
{
    LARGE_INTEGER d, pos;
    d.QuadPart = high ? ((LONGLONG)*high << 32) | (DWORD)dist : dist;
    if (!SetFilePointerEx(h, d, &pos, method))
        return INVALID_SET_FILE_POINTER;
    if (high)
        *high = pos.u.HighPart;
    /* A valid position whose low part looks like the error value. */
    SetLastError(ERROR_SUCCESS);
    return pos.u.LowPart;
}

BOOL WINAPI SetEndOfFile(HANDLE h)
{
    struct file_object *f = file_from_handle(h);
    if (!f)
        return FALSE;
    off_t pos = lseek(f->fd, 0, SEEK_CUR);
    int r = pos < 0 ? -1 : ftruncate(f->fd, pos);
    int err = errno;
    object_release(&f->obj);
    errno = err;
    return r ? w32_fail_errno() : TRUE;
}

BOOL WINAPI FlushFileBuffers(HANDLE h)
{
    struct file_object *f = file_from_handle(h);
    if (!f)
        return FALSE;
    /* Pipes and terminals have nothing to flush. */
    if (fsync(f->fd) && errno != EINVAL && errno != EROFS) {
        object_release(&f->obj);
        return w32_fail_errno();
    }
    object_release(&f->obj);
    return TRUE;
}

bool file_is_pipe(int fd)
{
    struct stat st;
    return fstat(fd, &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode));
}

bool file_mode_is_device(mode_t mode)
{
    return S_ISCHR(mode) || S_ISBLK(mode);
}

bool file_is_device(int fd)
{
    struct stat st;
    return fstat(fd, &st) == 0 && file_mode_is_device(st.st_mode);
}

DWORD WINAPI GetFileType(HANDLE h)
{
    struct file_object *f = file_from_handle(h);
    if (!f)
        return FILE_TYPE_UNKNOWN;
    struct stat st;
    DWORD type = FILE_TYPE_UNKNOWN;
    if (fstat(f->fd, &st) == 0) {
        if (S_ISREG(st.st_mode) || S_ISDIR(st.st_mode))
            type = FILE_TYPE_DISK;
        else if (S_ISCHR(st.st_mode))
            type = FILE_TYPE_CHAR;
        else if (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode))
            type = FILE_TYPE_PIPE;
    }
    object_release(&f->obj);
    SetLastError(ERROR_SUCCESS);
    return type;
}

BOOL WINAPI GetFileSizeEx(HANDLE h, LARGE_INTEGER *size)
{
    struct file_object *f = file_from_handle(h);
    if (!f)
        return FALSE;
    struct stat st;
    int r = fstat(f->fd, &st);
    object_release(&f->obj);
    if (r)
        return w32_fail_errno();
    size->QuadPart = st.st_size;
    return TRUE;
}

DWORD WINAPI GetFileSize(HANDLE h, DWORD *high)
{
    LARGE_INTEGER size;
    if (!GetFileSizeEx(h, &size))
        return INVALID_FILE_SIZE;
    if (high)
        *high = size.u.HighPart;
    SetLastError(ERROR_SUCCESS);
    return size.u.LowPart;
}

DWORD file_attributes_from_stat(const struct stat *st)
{
    DWORD attr = 0;
    if (S_ISDIR(st->st_mode))
        attr |= FILE_ATTRIBUTE_DIRECTORY;
    else
        attr |= FILE_ATTRIBUTE_ARCHIVE;
    /* Read-only is the absence of write permission for the owner. */
    if (!(st->st_mode & S_IWUSR))
        attr |= FILE_ATTRIBUTE_READONLY;
    return attr;
}

static struct timespec timespec_of(struct statx_timestamp t)
{
    struct timespec ts = { t.tv_sec, t.tv_nsec };
    return ts;
}

/* stat and the creation time in one system call (statx; dirfd, path and
 * flags as its own). The creation time is the birth time where the file
 * system keeps one; else the earlier of the last write and the last
 * change, since a file cannot be created after either. Not the change
 * time alone: chmod and rename move it. */
int file_stat_with_creation(int dirfd, const char *path, int flags, struct stat *st,
                            FILETIME *creation)
{
    struct statx stx;
    if (statx(dirfd, path, flags, STATX_BASIC_STATS | STATX_BTIME, &stx))
        return -1;
    memset(st, 0, sizeof *st);
    st->st_dev = makedev(stx.stx_dev_major, stx.stx_dev_minor);
    st->st_ino = stx.stx_ino;
    st->st_mode = stx.stx_mode;
    st->st_nlink = stx.stx_nlink;
    st->st_uid = stx.stx_uid;
    st->st_gid = stx.stx_gid;
    st->st_size = (off_t)stx.stx_size;
    st->st_blksize = stx.stx_blksize;
    st->st_blocks = (blkcnt_t)stx.stx_blocks;
    st->st_atim = timespec_of(stx.stx_atime);
    st->st_mtim = timespec_of(stx.stx_mtime);
    st->st_ctim = timespec_of(stx.stx_ctime);
    if (stx.stx_mask & STATX_BTIME) {
        *creation = filetime_from_timespec(timespec_of(stx.stx_btime));
    } else {
        bool mtime_first = st->st_mtim.tv_sec < st->st_ctim.tv_sec ||
                           (st->st_mtim.tv_sec == st->st_ctim.tv_sec &&
                            st->st_mtim.tv_nsec <= st->st_ctim.tv_nsec);
        *creation = filetime_from_timespec(mtime_first ? st->st_mtim : st->st_ctim);
    }
    return 0;
}

mode_t file_mode_with_attributes(mode_t mode, DWORD attr)
{
    if (attr & FILE_ATTRIBUTE_READONLY)
        return mode & ~(mode_t)(S_IWUSR | S_IWGRP | S_IWOTH);
    return mode | S_IWUSR;
}

BOOL WINAPI GetFileInformationByHandle(HANDLE h, BY_HANDLE_FILE_INFORMATION *info)
{
    struct file_object *f = file_from_handle(h);
    if (!f)
        return FALSE;
    struct stat st;
    FILETIME creation;
    int r = file_stat_with_creation(f->fd, "", AT_EMPTY_PATH, &st, &creation);
    if (r) {
        object_release(&f->obj);
        return w32_fail_errno();
    }
    memset(info, 0, sizeof *info);
    info->ftCreationTime = creation;
    object_release(&f->obj);
    info->dwFileAttributes = file_attributes_from_stat(&st);
    info->ftLastAccessTime = filetime_from_timespec(st.st_atim);
    info->ftLastWriteTime = filetime_from_timespec(st.st_mtim);
    info->dwVolumeSerialNumber = (DWORD)st.st_dev;
    info->nFileSizeHigh = (DWORD)((uint64_t)st.st_size >> 32);
    info->nFileSizeLow = (DWORD)st.st_size;
    info->nNumberOfLinks = (DWORD)st.st_nlink;
    info->nFileIndexHigh = (DWORD)(st.st_ino >> 32);
    info->nFileIndexLow = (DWORD)st.st_ino;
    return TRUE;
}

BOOL WINAPI GetFileTime(HANDLE h, FILETIME *creation, FILETIME *access, FILETIME *write)
{
    BY_HANDLE_FILE_INFORMATION info;
    if (!GetFileInformationByHandle(h, &info))
        return FALSE;
    if (creation)
        *creation = info.ftCreationTime;
    if (access)
        *access = info.ftLastAccessTime;
    if (write)
        *write = info.ftLastWriteTime;
    return TRUE;
}

BOOL WINAPI SetFileTime(HANDLE h, const FILETIME *creation, const FILETIME *access,
                        const FILETIME *write)
{
    (void)creation;
    struct file_object *f = file_from_handle(h);
    if (!f)
        return FALSE;
    struct timespec ts[2] = { { .tv_nsec = UTIME_OMIT }, { .tv_nsec = UTIME_OMIT } };
    if (access && filetime_to_u64(access))
        ts[0] = filetime_to_timespec(access);
    if (write && filetime_to_u64(write))
        ts[1] = filetime_to_timespec(write);
    int r = file_is_device(f->fd) ? 0 : futimens(f->fd, ts);
    int err = errno;
    object_release(&f->obj);
    errno = err;
    return r ? w32_fail_errno() : TRUE;
}

DWORD WINAPI GetFileAttributesW(const WCHAR *name)
{
    char *host = path_windows_to_host_w(name);
    struct stat st;
    if (!host || stat(host, &st)) {
        DWORD err = host && errno == ENOENT ? missing_error(host) :
                    errno == EACCES ? ERROR_ACCESS_DENIED : ERROR_FILE_NOT_FOUND;
        free(host);
        SetLastError(err);
        return INVALID_FILE_ATTRIBUTES;
    }
    free(host);
    return file_attributes_from_stat(&st);
}

DWORD WINAPI GetFileAttributesA(const char *name)
{
    WCHAR *w = ansi_to_wstr(name);
    DWORD r = GetFileAttributesW(w);
    free(w);
    return r;
}

BOOL WINAPI GetFileAttributesExW(const WCHAR *name, int level, void *info)
{
    char *host = path_windows_to_host_w(name);
    struct stat st;
    if (level != 0) {
        free(host);
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    FILETIME creation;
    if (!host || file_stat_with_creation(AT_FDCWD, host, 0, &st, &creation)) {
        DWORD err = host && errno == ENOENT ? missing_error(host) : ERROR_FILE_NOT_FOUND;
        free(host);
        SetLastError(err);
        return FALSE;
    }
    WIN32_FILE_ATTRIBUTE_DATA *d = info;
    d->ftCreationTime = creation;
    free(host);
    d->dwFileAttributes = file_attributes_from_stat(&st);
    d->ftLastAccessTime = filetime_from_timespec(st.st_atim);
    d->ftLastWriteTime = filetime_from_timespec(st.st_mtim);
    d->nFileSizeHigh = (DWORD)((uint64_t)st.st_size >> 32);
    d->nFileSizeLow = (DWORD)st.st_size;
    return TRUE;
}

BOOL WINAPI GetFileAttributesExA(const char *name, int level, void *info)
{
    WCHAR *w = ansi_to_wstr(name);
    BOOL r = GetFileAttributesExW(w, level, info);
    free(w);
    return r;
}

BOOL WINAPI SetFileAttributesW(const WCHAR *name, DWORD attr)
{
    if (path_is_device_w(name)) /* as Windows: accepted, and nothing to change */
        return TRUE;
    char *host = path_windows_to_host_write_w(name);
    struct stat st;
    if (!host || stat(host, &st)) {
        free(host);
        return w32_fail_errno();
    }
    int r = chmod(host, file_mode_with_attributes(st.st_mode & 07777, attr));
    free(host);
    return r ? w32_fail_errno() : TRUE;
}

BOOL WINAPI SetFileAttributesA(const char *name, DWORD attr)
{
    WCHAR *w = ansi_to_wstr(name);
    BOOL r = SetFileAttributesW(w, attr);
    free(w);
    return r;
}

/* Runs fn on the host path of a Windows name; errno-based failure. */
static BOOL with_host_path(const WCHAR *name, int (*fn)(const char *))
{
    char *host = path_windows_to_host_change_w(name);
    if (!host) {
        SetLastError(errno == EINVAL ? ERROR_INVALID_PARAMETER
                     : errno == EROFS || errno == EACCES ? w32_error_from_errno(errno)
                                                         : ERROR_PATH_NOT_FOUND);
        return FALSE;
    }
    int r = fn(host);
    if (r) {
        DWORD err = errno == ENOENT ? missing_error(host) : w32_error_from_errno(errno);
        free(host);
        SetLastError(err);
        return FALSE;
    }
    free(host);
    return TRUE;
}

/* Windows refuses to delete a folder, a read-only file and a file open
 * without FILE_SHARE_DELETE. */
static int delete_file(const char *host)
{
    struct stat st;
    if (lstat(host, &st) == 0) {
        if (S_ISDIR(st.st_mode) || (S_ISREG(st.st_mode) && !(st.st_mode & S_IWUSR))) {
            errno = EACCES;
            return -1;
        }
        if (!share_check(&st, DELETE)) {
            errno = ETXTBSY;
            return -1;
        }
    }
    if (unlink(host))
        return -1;
    dircache_note_removed(host);
    return 0;
}

static int remove_dir(const char *host)
{
    struct stat st;
    if (lstat(host, &st) == 0 && S_ISDIR(st.st_mode) && !share_check(&st, DELETE)) {
        errno = ETXTBSY;
        return -1;
    }
    if (rmdir(host))
        return -1;
    dircache_note_removed(host);
    return 0;
}

static int make_dir(const char *host)
{
    if (mkdir(host, 0777))
        return -1;
    dircache_note_added(host);
    return 0;
}

BOOL WINAPI DeleteFileW(const WCHAR *name)
{
    return with_host_path(name, delete_file);
}

BOOL WINAPI DeleteFileA(const char *name)
{
    WCHAR *w = ansi_to_wstr(name);
    BOOL r = DeleteFileW(w);
    free(w);
    return r;
}

BOOL WINAPI CreateDirectoryW(const WCHAR *name, SECURITY_ATTRIBUTES *sa)
{
    (void)sa;
    return with_host_path(name, make_dir);
}

BOOL WINAPI CreateDirectoryA(const char *name, SECURITY_ATTRIBUTES *sa)
{
    WCHAR *w = ansi_to_wstr(name);
    BOOL r = CreateDirectoryW(w, sa);
    free(w);
    return r;
}

BOOL WINAPI RemoveDirectoryW(const WCHAR *name)
{
    return with_host_path(name, remove_dir);
}

BOOL WINAPI RemoveDirectoryA(const char *name)
{
    WCHAR *w = ansi_to_wstr(name);
    BOOL r = RemoveDirectoryW(w);
    free(w);
    return r;
}

BOOL WINAPI DuplicateHandle(HANDLE src_process, HANDLE src, HANDLE dst_process,
                            HANDLE *dst, DWORD access, BOOL inherit, DWORD options)
{
    (void)src_process, (void)dst_process, (void)access;
    struct object *obj = src == CURRENT_THREAD_HANDLE ? thread_object_current()
                                                      : handle_table_get(src, OBJ_ANY);
    if (!obj)
        return FALSE;
    HANDLE h = handle_table_insert(obj, inherit);
    object_release(obj);
    if (!h)
        return FALSE;
    if (options & 1 /* DUPLICATE_CLOSE_SOURCE */)
        handle_table_close(src);
    if (dst)
        *dst = h;
    return TRUE;
}

#define HANDLE_FLAG_INHERIT 1

BOOL WINAPI GetHandleInformation(HANDLE h, DWORD *flags)
{
    bool inherit;
    if (!handle_get_inherit(h, &inherit))
        return FALSE;
    if (flags)
        *flags = inherit ? HANDLE_FLAG_INHERIT : 0;
    return TRUE;
}

BOOL WINAPI SetHandleInformation(HANDLE h, DWORD mask, DWORD flags)
{
    if (!(mask & HANDLE_FLAG_INHERIT))
        return TRUE;
    return handle_set_inherit(h, flags & HANDLE_FLAG_INHERIT);
}
