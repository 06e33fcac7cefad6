/* kernel32's path translator and the view (path.c). */
#ifndef LV_VIEW_PE_H
#define LV_VIEW_PE_H

#include <stdbool.h>
#include <stddef.h>

/* host: the translator's host path of the Windows path win (malloc'd,
 * taken over). Returns the host path to use (malloc'd), with fix_case
 * applied, or NULL with errno (EACCES: outside the view). */
char *view_pe_path(const char *win, char *host, const char *drive_c, char *(*fix_case)(char *));

/* The other way, for path_host_to_windows: the drive of the absolute
 * host path host as a PE program names it, with the rest of the path
 * (slashes, "" for the root) in out. 'C' under drive_c; else 'Z' with
 * the guest path of the mount that holds it, or the host path itself
 * when none does (confined, the program then cannot reach it, which
 * translating it back tells). Both normalized; 0 when out is too small. */
char view_pe_windows_path(const char *host, const char *drive_c, char *out, size_t size);

/* Whether a host path (from view_pe_path) may be written: false, with a
 * trace line, when it lies in a read-only mount. */
bool view_pe_writable(const char *host);

#endif
