/* The Windows path translator: the one place where Windows paths (drive
 * letters, backslashes, device names) meet host paths. */
#ifndef LV_PATH_H
#define LV_PATH_H

#include <stdbool.h>
#include "lv/windef.h"

/* The prefix folder (--prefix, LVRUN_PREFIX, or ~/.lvrun); drive C: is its
 * drive_c, created on first use. */
void path_set_prefix(const char *dir);
const char *path_prefix(void);

/* A Windows path (UTF-8 or UTF-16) as a host path (malloc). Relative paths
 * stay relative to the current folder. NULL with errno set when the path
 * names nothing on the host (e.g. an unmapped drive: ENOENT). */
char *path_windows_to_host_alloc(const char *win);
char *path_windows_to_host_w(const WCHAR *win);
/* The same for a path about to be written (created, changed, removed,
 * renamed): NULL with errno EROFS inside a read-only mount of the view. */
char *path_windows_to_host_write_w(const WCHAR *win);
/* The same for a name whose file itself is changed (deleted, renamed,
 * linked, made a folder): NULL with errno EINVAL for a device name (NUL,
 * CON...), whose host node (/dev/null) is not the program's to change. */
char *path_windows_to_host_change_w(const WCHAR *win);
/* A host path as Windows sees it: the drive whose folder holds it ("C:\..."
 * under drive_c, else "Z:\..." with the view's mounts applied: a host
 * folder mounted as /data is Z:\data). Relative paths are made absolute,
 * "." and ".." removed. NULL when it is too long. */
char *path_host_to_windows(const char *host);
WCHAR *path_host_to_windows_w(const char *host);
/* Create a Windows folder and its parents (the prefix's own folders). */
void path_create_folder(const char *win);
/* The user whose profile the prefix holds (the host's: $USER, else its
 * password entry) and that profile, "C:\users\NAME": USERPROFILE, the
 * shell's folders and the temporary folder all start there. */
const char *path_user_name(void);
const char *path_user_profile(void);
/* The folders Windows makes with a profile (Temp, AppData\Roaming and
 * \Local, Documents, Desktop), made when missing. */
void path_create_profile(void);
/* Whether a host folder is the root of a drive (C: or Z:). */
bool path_is_drive_root(const char *host);
/* An entry of dir named name case-insensitively (malloc'd "dir/entry"). */
char *path_find_case_insensitive(const char *dir, const char *name);
/* The folder cache behind case-insensitive lookups (dircache.c): the real
 * name of name in host folder dir (*real, malloc): 1 found, 0 not there,
 * -1 with errno when dir cannot be read. */
int dircache_lookup(const char *dir, const char *name, char **real);
/* The same, only for a folder already cached (else -1, nothing read): the
 * answer then also covers the exact name. */
int dircache_lookup_cached(const char *dir, const char *name, char **real);
/* This process created (or renamed into) / removed (or renamed away) the
 * host path: the cache follows. */
void dircache_note_added(const char *host);
void dircache_note_removed(const char *host);
/* A reserved device name (NUL, CON, ...) in any folder: its host device
 * path, else NULL. */
const char *path_device(const char *win);
/* Whether a Windows name is a device name, wherever it stands. */
bool path_is_device_w(const WCHAR *win);

#endif
