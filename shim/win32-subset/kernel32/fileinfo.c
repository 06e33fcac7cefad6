/* GetFileInformationByHandleEx and SetFileInformationByHandle: the
 * classes programs use. Any other class fails with
 * ERROR_INVALID_PARAMETER, before the handle is looked at; a buffer
 * smaller than the class's structure with ERROR_BAD_LENGTH. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "kernel32.spec.h"
#include "kernel32_private.h"
#include "lv/handle.h"
#include "lv/path.h"
#include "lv/w32error.h"
#include "lv/w32file.h"
#include "lv/wstr.h"

static BOOL fail(DWORD err)
{
    SetLastError(err);
    return FALSE;
}

static LONGLONG time_of(FILETIME ft)
{
    return (LONGLONG)filetime_to_u64(&ft);
}

static void get_basic(const struct stat *st, FILETIME creation, FILE_BASIC_INFO *out)
{
    out->CreationTime = time_of(creation);
    out->LastAccessTime = time_of(filetime_from_timespec(st->st_atim));
    out->LastWriteTime = time_of(filetime_from_timespec(st->st_mtim));
    out->ChangeTime = time_of(filetime_from_timespec(st->st_ctim));
    out->FileAttributes = file_attributes_from_stat(st);
}

/* Folders have no data stream, and so no size, on Windows. */
static void get_standard(struct file_object *f, const struct stat *st, FILE_STANDARD_INFO *out)
{
    bool dir = S_ISDIR(st->st_mode);
    out->AllocationSize = dir ? 0 : (LONGLONG)st->st_blocks * 512;
    out->EndOfFile = dir ? 0 : (LONGLONG)st->st_size;
    out->NumberOfLinks = (DWORD)st->st_nlink;
    out->DeletePending = f->delete_pending;
    out->Directory = dir;
}

/* The path without its drive ("\dir\file"), as much as fits; the full
 * size in FileNameLength either way. */
static BOOL get_name(struct file_object *f, FILE_NAME_INFO *out, DWORD size)
{
    if (!f->host_path)
        return fail(ERROR_INVALID_HANDLE);
    WCHAR *win = path_host_to_windows_w(f->host_path);
    if (!win)
        return fail(ERROR_NOT_ENOUGH_MEMORY);
    size_t bytes = (wstr_len(win) - 2) * sizeof(WCHAR);
    size_t room = size - offsetof(FILE_NAME_INFO, FileName);
    out->FileNameLength = (DWORD)bytes;
    memcpy(out->FileName, win + 2, bytes < room ? bytes : room);
    free(win);
    return bytes <= room ? TRUE : fail(ERROR_MORE_DATA);
}

static size_t min_size(int cls)
{
    switch (cls) {
    case FileBasicInfo: return sizeof(FILE_BASIC_INFO);
    case FileStandardInfo: return sizeof(FILE_STANDARD_INFO);
    case FileNameInfo: return offsetof(FILE_NAME_INFO, FileName);
    case FileRenameInfo: return offsetof(FILE_RENAME_INFO, FileName);
    case FileDispositionInfo: return sizeof(FILE_DISPOSITION_INFO);
    case FileEndOfFileInfo: return sizeof(FILE_END_OF_FILE_INFO);
    case FileAttributeTagInfo: return sizeof(FILE_ATTRIBUTE_TAG_INFO);
    case FileIdInfo: return sizeof(FILE_ID_INFO);
    }
    return 0;
}

BOOL WINAPI GetFileInformationByHandleEx(HANDLE h, int cls, void *buf, DWORD size)
{
    if (cls != FileBasicInfo && cls != FileStandardInfo && cls != FileNameInfo &&
        cls != FileAttributeTagInfo && cls != FileIdInfo)
        return fail(ERROR_INVALID_PARAMETER);
    if (size < min_size(cls))
        return fail(ERROR_BAD_LENGTH);
    struct file_object *f = file_from_handle(h);
    if (!f)
        return FALSE;
    struct stat st;
    FILETIME creation;
    BOOL ok = TRUE;
    if (file_stat_with_creation(f->fd, "", AT_EMPTY_PATH, &st, &creation)) {
        ok = w32_fail_errno();
    } else if (cls == FileBasicInfo) {
        get_basic(&st, creation, buf);
    } else if (cls == FileStandardInfo) {
        get_standard(f, &st, buf);
    } else if (cls == FileNameInfo) {
        ok = get_name(f, buf, size);
    } else if (cls == FileAttributeTagInfo) {
        FILE_ATTRIBUTE_TAG_INFO *out = buf;
        out->FileAttributes = file_attributes_from_stat(&st);
        out->ReparseTag = 0;
    } else {
        /* The serial number and index GetFileInformationByHandle gives. */
        FILE_ID_INFO *out = buf;
        uint64_t ino = st.st_ino;
        out->VolumeSerialNumber = (DWORD)st.st_dev;
        memset(out->FileId, 0, sizeof out->FileId);
        memcpy(out->FileId, &ino, sizeof ino);
    }
    object_release(&f->obj);
    return ok;
}

/* Times of 0 are left as they are (-1, which stops updates, too: the host
 * cannot); the creation and change times cannot be set. Attributes of 0
 * are left as they are. */
static BOOL set_basic(HANDLE h, struct file_object *f, const FILE_BASIC_INFO *in)
{
    FILETIME access = filetime_from_u64(in->LastAccessTime > 0 ? (uint64_t)in->LastAccessTime : 0);
    FILETIME write = filetime_from_u64(in->LastWriteTime > 0 ? (uint64_t)in->LastWriteTime : 0);
    if (!SetFileTime(h, NULL, &access, &write))
        return FALSE;
    struct stat st;
    if (!in->FileAttributes || file_is_device(f->fd))
        return TRUE;
    if (fstat(f->fd, &st) || fchmod(f->fd, file_mode_with_attributes(st.st_mode & 07777,
                                                                      in->FileAttributes)))
        return w32_fail_errno();
    return TRUE;
}

static BOOL set_end_of_file(struct file_object *f, const FILE_END_OF_FILE_INFO *in)
{
    if (in->EndOfFile < 0)
        return fail(ERROR_INVALID_PARAMETER);
    return ftruncate(f->fd, (off_t)in->EndOfFile) ? w32_fail_errno() : TRUE;
}

/* Windows asks for DELETE access, and refuses a read-only file. */
static BOOL set_disposition(struct file_object *f, const FILE_DISPOSITION_INFO *in)
{
    struct stat st;
    if (!(f->access & (DELETE | GENERIC_ALL)) || !f->host_path)
        return fail(ERROR_ACCESS_DENIED);
    if (in->DeleteFile && fstat(f->fd, &st) == 0 && S_ISREG(st.st_mode) &&
        !(st.st_mode & S_IWUSR))
        return fail(ERROR_ACCESS_DENIED);
    f->delete_pending = in->DeleteFile;
    return TRUE;
}

/* The new name: a bare name stays in the file's folder, as the native
 * rename does without a root folder; anything else is a Windows path. */
static char *rename_target(struct file_object *f, const FILE_RENAME_INFO *in)
{
    size_t count = in->FileNameLength / sizeof(WCHAR);
    WCHAR *name = malloc((count + 1) * sizeof(WCHAR));
    if (!name)
        return NULL;
    memcpy(name, in->FileName, count * sizeof(WCHAR));
    name[count] = 0;
    bool bare = count > 0;
    for (size_t i = 0; i < count; i++)
        bare &= name[i] != '\\' && name[i] != '/' && name[i] != ':';
    char *host = NULL;
    if (bare) {
        char *u = wstr_to_utf8(name);
        const char *slash = strrchr(f->host_path, '/');
        size_t dirlen = (size_t)(slash - f->host_path) + 1;
        host = u ? malloc(dirlen + strlen(u) + 1) : NULL;
        if (host) {
            memcpy(host, f->host_path, dirlen);
            strcpy(host + dirlen, u);
        }
        free(u);
    } else {
        host = path_windows_to_host_change_w(name);
    }
    free(name);
    return host;
}

static BOOL set_rename(struct file_object *f, const FILE_RENAME_INFO *in, DWORD size)
{
    if (size < offsetof(FILE_RENAME_INFO, FileName) + in->FileNameLength || !in->FileNameLength ||
        in->RootDirectory)
        return fail(ERROR_INVALID_PARAMETER);
    if (!(f->access & (DELETE | GENERIC_ALL)) || !f->host_path)
        return fail(ERROR_ACCESS_DENIED);
    char *to = rename_target(f, in);
    if (!to)
        return fail(errno == EROFS ? ERROR_WRITE_PROTECT : ERROR_PATH_NOT_FOUND);
    struct stat st, dst;
    BOOL ok = FALSE;
    bool exists = lstat(to, &dst) == 0;
    bool same = exists && fstat(f->fd, &st) == 0 && st.st_dev == dst.st_dev &&
                st.st_ino == dst.st_ino;
    if (exists && !same && !in->u.ReplaceIfExists)
        SetLastError(ERROR_ALREADY_EXISTS);
    else if (exists && !same && S_ISDIR(dst.st_mode))
        SetLastError(ERROR_ACCESS_DENIED);
    else if (exists && !same && !share_check(&dst, DELETE))
        SetLastError(ERROR_SHARING_VIOLATION);
    else if (rename(f->host_path, to))
        w32_fail_errno();
    else
        ok = TRUE;
    if (ok) {
        dircache_note_removed(f->host_path);
        dircache_note_added(to);
        free(f->host_path);
        f->host_path = to;
    } else {
        free(to);
    }
    return ok;
}

BOOL WINAPI SetFileInformationByHandle(HANDLE h, int cls, void *buf, DWORD size)
{
    if (cls != FileBasicInfo && cls != FileRenameInfo && cls != FileDispositionInfo &&
        cls != FileEndOfFileInfo)
        return fail(ERROR_INVALID_PARAMETER);
    if (!buf)
        return fail(ERROR_NOACCESS);
    if (size < min_size(cls))
        return fail(ERROR_BAD_LENGTH);
    struct file_object *f = file_from_handle(h);
    if (!f)
        return FALSE;
    BOOL ok;
    if (cls == FileBasicInfo)
        ok = set_basic(h, f, buf);
    else if (cls == FileEndOfFileInfo)
        ok = set_end_of_file(f, buf);
    else if (cls == FileDispositionInfo)
        ok = set_disposition(f, buf);
    else
        ok = set_rename(f, buf, size);
    object_release(&f->obj);
    return ok;
}
