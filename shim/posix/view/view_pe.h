/* kernel32's path translator and the view (path.c). */
#ifndef LV_VIEW_PE_H
#define LV_VIEW_PE_H

#include <stdbool.h>

/* host: the translator's host path of the Windows path win (malloc'd,
 * taken over). Returns the host path to use (malloc'd), with fix_case
 * applied, or NULL with errno (EACCES: outside the view). */
char *view_pe_path(const char *win, char *host, const char *drive_c, char *(*fix_case)(char *));

/* Whether a host path (from view_pe_path) may be written: false, with a
 * trace line, when it lies in a read-only mount. */
bool view_pe_writable(const char *host);

#endif
