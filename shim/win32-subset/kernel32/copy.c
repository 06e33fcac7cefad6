/* Files that change name or get a twin: MoveFileEx, CopyFile(Ex),
 * ReplaceFile, hard and symbolic links. A copy keeps the source's
 * permission bits (the read-only attribute) and modification time, as
 * Windows copies attributes and the last-write time. */
#include <errno.h>
#include <stdbool.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <unistd.h>
#include "kernel32.spec.h"
#include "kernel32_private.h"
#include "lv/path.h"
#include "lv/w32error.h"
#include "lv/wstr.h"

#define MOVEFILE_REPLACE_EXISTING 1
#define MOVEFILE_COPY_ALLOWED 2
#define COPY_FILE_FAIL_IF_EXISTS 1
#define PROGRESS_CANCEL 1
#define CALLBACK_CHUNK_FINISHED 0

typedef DWORD (WINAPI *progress_routine)(LARGE_INTEGER total, LARGE_INTEGER done,
                                         LARGE_INTEGER stream_size, LARGE_INTEGER stream_done,
                                         DWORD stream, DWORD reason, HANDLE src, HANDLE dst,
                                         void *ctx);

/* Windows reports a missing file or folder on the way differently. */
static DWORD missing(const char *host)
{
    char *dir = strdup(host);
    char *slash = dir ? strrchr(dir, '/') : NULL;
    DWORD err = ERROR_FILE_NOT_FOUND;
    struct stat st;
    if (slash && slash != dir) {
        *slash = 0;
        if (stat(dir, &st) || !S_ISDIR(st.st_mode))
            err = ERROR_PATH_NOT_FOUND;
    }
    free(dir);
    return err;
}

static BOOL fail(DWORD err)
{
    SetLastError(err);
    return FALSE;
}

static BOOL fail_errno(const char *host)
{
    return fail(errno == ENOENT ? missing(host) : w32_error_from_errno(errno));
}

/* Copies host file from into to (created, or replaced unless fail_exists),
 * calling progress once the data is there. */
static BOOL copy_host(const char *from, const char *to, bool fail_exists,
                      progress_routine progress, void *ctx, BOOL *cancel)
{
    int in = open(from, O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return fail_errno(from);
    struct stat st, dst;
    if (fstat(in, &st) || S_ISDIR(st.st_mode)) {
        close(in);
        return fail(ERROR_ACCESS_DENIED);
    }
    if (!share_check(&st, GENERIC_READ)) {
        close(in);
        return fail(ERROR_SHARING_VIOLATION);
    }
    bool existed = stat(to, &dst) == 0;
    if (existed && (fail_exists || (st.st_dev == dst.st_dev && st.st_ino == dst.st_ino))) {
        close(in);
        return fail(fail_exists ? ERROR_FILE_EXISTS : ERROR_SHARING_VIOLATION);
    }
    if (existed && (!(dst.st_mode & S_IWUSR) || S_ISDIR(dst.st_mode))) {
        close(in);
        return fail(ERROR_ACCESS_DENIED);
    }
    if (existed && !share_check(&dst, GENERIC_WRITE)) {
        close(in);
        return fail(ERROR_SHARING_VIOLATION);
    }
    int out = open(to, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | (fail_exists ? O_EXCL : 0),
                   0666);
    if (out < 0) {
        close(in);
        return fail_errno(to);
    }
    off_t done = 0;
    while (done < st.st_size) {
        ssize_t n = sendfile(out, in, NULL, st.st_size - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        done += n;
    }
    BOOL ok = done >= st.st_size ? TRUE : fail_errno(to);
    if (ok && progress) {
        LARGE_INTEGER total = { .QuadPart = st.st_size };
        DWORD r = progress(total, total, total, total, 1, CALLBACK_CHUNK_FINISHED, NULL, NULL,
                           ctx);
        if (r == PROGRESS_CANCEL || (cancel && *cancel)) {
            close(out);
            unlink(to);
            close(in);
            return fail(ERROR_REQUEST_ABORTED);
        }
    }
    struct timespec times[2] = { st.st_atim, st.st_mtim };
    if (!file_is_device(out)) {
        futimens(out, times);
        fchmod(out, st.st_mode & 07777);
    }
    close(out);
    close(in);
    if (ok && !existed)
        dircache_note_added(to);
    return ok;
}

BOOL WINAPI CopyFileExW(const WCHAR *from, const WCHAR *to, void *progress, void *ctx,
                        BOOL *cancel, DWORD flags)
{
    char *hto = path_windows_to_host_write_w(to);
    bool ro = !hto && errno == EROFS;
    char *hfrom = path_windows_to_host_w(from);
    BOOL ok = hfrom && hto ? copy_host(hfrom, hto, flags & COPY_FILE_FAIL_IF_EXISTS,
                                       (progress_routine)progress, ctx, cancel)
                           : fail(ro ? ERROR_WRITE_PROTECT : ERROR_PATH_NOT_FOUND);
    free(hfrom);
    free(hto);
    return ok;
}

BOOL WINAPI CopyFileW(const WCHAR *from, const WCHAR *to, BOOL fail_exists)
{
    return CopyFileExW(from, to, NULL, NULL, NULL, fail_exists ? COPY_FILE_FAIL_IF_EXISTS : 0);
}

BOOL WINAPI CopyFileA(const char *from, const char *to, BOOL fail_exists)
{
    WCHAR *wf = ansi_to_wstr(from), *wt = ansi_to_wstr(to);
    BOOL r = CopyFileW(wf, wt, fail_exists);
    free(wf);
    free(wt);
    return r;
}

/* The target of a rename that only changes the case of a name is the
 * name as asked, which the translator resolved to the existing one. */
static char *case_target(const WCHAR *to, char *hto)
{
    char *asked = wstr_to_utf8(to);
    char *slash = strrchr(hto, '/');
    if (!asked)
        return hto;
    const char *base = asked;
    for (const char *p = asked; *p; p++)
        if (*p == '\\' || *p == '/' || *p == ':')
            base = p + 1;
    size_t dirlen = slash ? (size_t)(slash - hto + 1) : 0;
    char *out = malloc(dirlen + strlen(base) + 1);
    if (out) {
        memcpy(out, hto, dirlen);
        strcpy(out + dirlen, base);
        free(hto);
        hto = out;
    }
    free(asked);
    return hto;
}

BOOL WINAPI MoveFileExW(const WCHAR *from, const WCHAR *to, DWORD flags)
{
    char *hfrom = path_windows_to_host_change_w(from);
    bool ro = !hfrom && errno == EROFS, device = !hfrom && errno == EINVAL;
    char *hto = to ? path_windows_to_host_change_w(to) : NULL;
    ro |= to && !hto && errno == EROFS;
    device |= to && !hto && errno == EINVAL;
    BOOL ok = FALSE;
    struct stat st, dst;
    if (!hfrom || (to && !hto)) {
        SetLastError(device ? ERROR_INVALID_PARAMETER : ro ? ERROR_WRITE_PROTECT
                                                           : ERROR_PATH_NOT_FOUND);
    } else if (lstat(hfrom, &st)) {
        fail_errno(hfrom);
    } else if (!share_check(&st, DELETE)) {
        SetLastError(ERROR_SHARING_VIOLATION);
    } else if (!to) {
        ok = unlink(hfrom) == 0 ? TRUE : w32_fail_errno();
        if (ok)
            dircache_note_removed(hfrom);
    } else {
        bool exists = lstat(hto, &dst) == 0;
        bool same = exists && st.st_dev == dst.st_dev && st.st_ino == dst.st_ino;
        if (same)
            hto = case_target(to, hto);
        if (exists && !same && (!(flags & MOVEFILE_REPLACE_EXISTING) || S_ISDIR(dst.st_mode))) {
            SetLastError(S_ISDIR(dst.st_mode) && (flags & MOVEFILE_REPLACE_EXISTING)
                             ? ERROR_ACCESS_DENIED : ERROR_ALREADY_EXISTS);
        } else if (exists && !same && !share_check(&dst, DELETE)) {
            SetLastError(ERROR_SHARING_VIOLATION);
        } else if (exists && !same && S_ISREG(dst.st_mode) && !(dst.st_mode & S_IWUSR)) {
            SetLastError(ERROR_ACCESS_DENIED);
        } else if (rename(hfrom, hto) == 0) {
            dircache_note_removed(hfrom);
            dircache_note_added(hto);
            ok = TRUE;
        } else if (errno == EXDEV && (flags & MOVEFILE_COPY_ALLOWED) && !S_ISDIR(st.st_mode)) {
            ok = copy_host(hfrom, hto, false, NULL, NULL, NULL);
            if (ok && unlink(hfrom) == 0)
                dircache_note_removed(hfrom);
        } else {
            fail_errno(hfrom);
        }
    }
    free(hfrom);
    free(hto);
    return ok;
}

BOOL WINAPI MoveFileExA(const char *from, const char *to, DWORD flags)
{
    WCHAR *wf = ansi_to_wstr(from), *wt = ansi_to_wstr(to);
    BOOL r = MoveFileExW(wf, wt, flags);
    free(wf);
    free(wt);
    return r;
}

BOOL WINAPI MoveFileW(const WCHAR *from, const WCHAR *to)
{
    return MoveFileExW(from, to, MOVEFILE_COPY_ALLOWED);
}

BOOL WINAPI MoveFileA(const char *from, const char *to)
{
    return MoveFileExA(from, to, MOVEFILE_COPY_ALLOWED);
}

/* The replacement takes the replaced file's name; a backup, when asked,
 * keeps the replaced one. */
BOOL WINAPI ReplaceFileW(const WCHAR *replaced, const WCHAR *replacement, const WCHAR *backup,
                         DWORD flags, void *exclude, void *reserved)
{
    (void)flags, (void)exclude, (void)reserved;
    char *hold = path_windows_to_host_change_w(replaced);
    char *hnew = path_windows_to_host_change_w(replacement);
    char *hbak = backup ? path_windows_to_host_w(backup) : NULL;
    struct stat st;
    BOOL ok = FALSE;
    if (!hold || !hnew || (backup && !hbak)) {
        SetLastError(ERROR_PATH_NOT_FOUND);
    } else if (stat(hold, &st)) {
        SetLastError(ERROR_FILE_NOT_FOUND);
    } else if (stat(hnew, &st)) {
        SetLastError(ERROR_FILE_NOT_FOUND);
    } else if (hbak && rename(hold, hbak)) {
        SetLastError(ERROR_UNABLE_TO_REMOVE_REPLACED);
    } else if (rename(hnew, hold)) {
        SetLastError(ERROR_UNABLE_TO_MOVE_REPLACEMENT);
    } else {
        dircache_note_removed(hnew);
        if (hbak)
            dircache_note_added(hbak);
        ok = TRUE;
    }
    free(hold);
    free(hnew);
    free(hbak);
    return ok;
}

BOOL WINAPI CreateHardLinkW(const WCHAR *name, const WCHAR *existing, SECURITY_ATTRIBUTES *sa)
{
    (void)sa;
    char *hnew = path_windows_to_host_change_w(name);
    bool ro = !hnew && errno == EROFS;
    char *hold = path_windows_to_host_w(existing);
    BOOL ok;
    if (!hnew || !hold)
        ok = fail(ro ? ERROR_WRITE_PROTECT : ERROR_PATH_NOT_FOUND);
    else if (link(hold, hnew))
        ok = fail(errno == ENOENT ? missing(hold) : w32_error_from_errno(errno));
    else
        ok = TRUE;
    if (ok)
        dircache_note_added(hnew);
    free(hnew);
    free(hold);
    return ok;
}

BOOL WINAPI CreateHardLinkA(const char *name, const char *existing, SECURITY_ATTRIBUTES *sa)
{
    WCHAR *wn = ansi_to_wstr(name), *we = ansi_to_wstr(existing);
    BOOL r = CreateHardLinkW(wn, we, sa);
    free(wn);
    free(we);
    return r;
}

/* The target is kept as the host reads it: a relative target stays
 * relative (separators turned), an absolute one becomes its host path. */
BOOLEAN WINAPI CreateSymbolicLinkW(const WCHAR *link_name, const WCHAR *target, DWORD flags)
{
    (void)flags;
    char *hlink = path_windows_to_host_change_w(link_name);
    char *htarget;
    bool absolute = target && target[0] && (target[1] == ':' || target[0] == '\\' ||
                                             target[0] == '/');
    if (absolute) {
        htarget = path_windows_to_host_w(target);
    } else {
        htarget = wstr_to_utf8(target);
        for (char *p = htarget; p && *p; p++)
            if (*p == '\\')
                *p = '/';
    }
    BOOLEAN ok;
    if (!hlink || !htarget)
        ok = fail(ERROR_PATH_NOT_FOUND);
    else if (symlink(htarget, hlink))
        ok = fail(errno == ENOENT ? missing(hlink) : w32_error_from_errno(errno));
    else
        ok = TRUE;
    if (ok)
        dircache_note_added(hlink);
    free(hlink);
    free(htarget);
    return ok;
}

BOOLEAN WINAPI CreateSymbolicLinkA(const char *link_name, const char *target, DWORD flags)
{
    WCHAR *wl = ansi_to_wstr(link_name), *wt = ansi_to_wstr(target);
    BOOLEAN r = CreateSymbolicLinkW(wl, wt, flags);
    free(wl);
    free(wt);
    return r;
}
