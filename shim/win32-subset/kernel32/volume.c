/* Drives and volumes: C: (the prefix's drive_c) and Z: (the host root),
 * both fixed disks, with the host file system's sizes. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>
#include "kernel32.spec.h"
#include "kernel32_private.h"
#include "lv/path.h"
#include "lv/w32error.h"
#include "lv/wstr.h"

#define DRIVE_NO_ROOT_DIR 1
#define DRIVE_FIXED 3

DWORD WINAPI GetLogicalDrives(void)
{
    return (1u << ('C' - 'A')) | (1u << ('Z' - 'A'));
}

DWORD WINAPI GetLogicalDriveStringsW(DWORD size, WCHAR *buf)
{
    static const WCHAR drives[] = u"C:\\\0Z:\\\0";
    DWORD n = sizeof drives / sizeof drives[0]; /* both terminators included */
    if (!buf || size < n)
        return n;
    memcpy(buf, drives, n * sizeof(WCHAR));
    return n - 1;
}

DWORD WINAPI GetLogicalDriveStringsA(DWORD size, char *buf)
{
    static const char drives[] = "C:\\\0Z:\\\0";
    DWORD n = sizeof drives;
    if (!buf || size < n)
        return n;
    memcpy(buf, drives, n);
    return n - 1;
}

static bool is_known_drive(const WCHAR *root)
{
    if (!root)
        return true; /* the current folder's drive */
    WCHAR d = wchar_upper(root[0]);
    return (d == 'C' || d == 'Z') && root[1] == ':';
}

UINT WINAPI GetDriveTypeW(const WCHAR *root)
{
    return is_known_drive(root) ? DRIVE_FIXED : DRIVE_NO_ROOT_DIR;
}

UINT WINAPI GetDriveTypeA(const char *root)
{
    WCHAR *w = ansi_to_wstr(root);
    UINT r = GetDriveTypeW(w);
    free(w);
    return r;
}

static bool statvfs_of(const WCHAR *path, struct statvfs *st)
{
    char *host = path ? path_windows_to_host_w(path) : strdup(".");
    int r = host ? statvfs(host, st) : -1;
    free(host);
    if (r) {
        SetLastError(errno == ENOENT ? ERROR_PATH_NOT_FOUND : w32_error_from_errno(errno));
        return false;
    }
    return true;
}

BOOL WINAPI GetDiskFreeSpaceExW(const WCHAR *path, ULARGE_INTEGER *avail,
                                ULARGE_INTEGER *total, ULARGE_INTEGER *free_bytes)
{
    struct statvfs st;
    if (!statvfs_of(path, &st))
        return FALSE;
    if (avail)
        avail->QuadPart = (ULONGLONG)st.f_bavail * st.f_frsize;
    if (total)
        total->QuadPart = (ULONGLONG)st.f_blocks * st.f_frsize;
    if (free_bytes)
        free_bytes->QuadPart = (ULONGLONG)st.f_bfree * st.f_frsize;
    return TRUE;
}

BOOL WINAPI GetDiskFreeSpaceExA(const char *path, ULARGE_INTEGER *avail,
                                ULARGE_INTEGER *total, ULARGE_INTEGER *free_bytes)
{
    WCHAR *w = ansi_to_wstr(path);
    BOOL r = GetDiskFreeSpaceExW(w, avail, total, free_bytes);
    free(w);
    return r;
}

/* The old form counts clusters (the file system's block size, as sectors
 * of 512 bytes); counts past 32 bits are capped. */
BOOL WINAPI GetDiskFreeSpaceW(const WCHAR *root, DWORD *sectors_per_cluster,
                              DWORD *bytes_per_sector, DWORD *free_clusters,
                              DWORD *total_clusters)
{
    struct statvfs st;
    if (!statvfs_of(root, &st))
        return FALSE;
    DWORD cluster = st.f_frsize ? (DWORD)st.f_frsize : 4096;
    if (bytes_per_sector)
        *bytes_per_sector = 512;
    if (sectors_per_cluster)
        *sectors_per_cluster = cluster / 512 ? cluster / 512 : 1;
    ULONGLONG fr = (ULONGLONG)st.f_bavail * st.f_frsize / cluster;
    ULONGLONG tot = (ULONGLONG)st.f_blocks * st.f_frsize / cluster;
    if (free_clusters)
        *free_clusters = fr > 0xffffffffu ? 0xffffffffu : (DWORD)fr;
    if (total_clusters)
        *total_clusters = tot > 0xffffffffu ? 0xffffffffu : (DWORD)tot;
    return TRUE;
}

BOOL WINAPI GetDiskFreeSpaceA(const char *root, DWORD *spc, DWORD *bps, DWORD *fc, DWORD *tc)
{
    WCHAR *w = ansi_to_wstr(root);
    BOOL r = GetDiskFreeSpaceW(w, spc, bps, fc, tc);
    free(w);
    return r;
}

static void copy_name(const WCHAR *s, WCHAR *buf, DWORD size)
{
    if (buf && size) {
        DWORD n = (DWORD)wstr_nlen(s, size - 1);
        memcpy(buf, s, n * sizeof(WCHAR));
        buf[n] = 0;
    }
}

BOOL WINAPI GetVolumeInformationW(const WCHAR *root, WCHAR *label, DWORD label_size,
                                  DWORD *serial, DWORD *max_component, DWORD *flags,
                                  WCHAR *fs_name, DWORD fs_size)
{
    if (!is_known_drive(root)) {
        SetLastError(ERROR_PATH_NOT_FOUND);
        return FALSE;
    }
    struct statvfs st;
    if (!statvfs_of(root, &st))
        return FALSE;
    copy_name(u"", label, label_size);
    if (serial)
        *serial = (DWORD)st.f_fsid;
    if (max_component)
        *max_component = (DWORD)st.f_namemax;
    /* Case-preserving, Unicode names, hard links: what programs test. */
    if (flags)
        *flags = 0x2 | 0x4 | 0x400000 /* FILE_SUPPORTS_HARD_LINKS */;
    copy_name(u"NTFS", fs_name, fs_size);
    return TRUE;
}

/* Device control codes are hardware questions with no host answer here;
 * the caller learns it plainly, as from a driver that does not know the
 * code. */
BOOL WINAPI DeviceIoControl(HANDLE h, DWORD code, void *in, DWORD in_size, void *out,
                            DWORD out_size, DWORD *returned, OVERLAPPED *ov)
{
    (void)code, (void)in, (void)in_size, (void)out, (void)out_size, (void)ov;
    struct object *obj = handle_table_get(h, OBJ_FILE);
    if (!obj)
        return FALSE;
    object_release(obj);
    if (returned)
        *returned = 0;
    SetLastError(ERROR_NOT_SUPPORTED);
    return FALSE;
}
