/* The view for PE programs: kernel32's path translator hands its host
 * path here. Drive C: is the prefix, the Windows side's own folder, and
 * stays reachable; every other path (Z:, rooted, relative) is a guest
 * path of the view. Confined, UNC and device forms (\\server\share,
 * \\.\PhysicalDrive0) are refused. The check is made here and the path
 * used by kernel32 afterwards, so unlike the musl and preload paths it
 * is check-then-use. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "view_pe.h"
#include "view_private.h"

static bool is_sep(char c)
{
    return c == '\\' || c == '/';
}

/* \\server\share, \\?\UNC\..., \\.\device: anything with two leading
 * separators except \\?\X: and \\.\X:. */
static bool is_unc_or_device(const char *win)
{
    if (!is_sep(win[0]) || !is_sep(win[1]))
        return false;
    if ((win[2] == '?' || win[2] == '.') && is_sep(win[3]))
        return !(win[4] && win[5] == ':');
    return true;
}

char *view_pe_path(const char *win, char *host, const char *drive_c, char *(*fix_case)(char *))
{
    if (!view_active())
        return fix_case(host);
    if (g_view_confine && is_unc_or_device(win)) {
        view_deny("UNC or device path", win, EACCES);
        free(host);
        errno = EACCES;
        return NULL;
    }
    char out[PATH_MAX], guest[PATH_MAX];
    /* "C:\..\.." must not climb out of the prefix: compared normalized. */
    size_t n = strlen(drive_c);
    if (host[0] == '/' && view_normalize("/", host, out, sizeof out) &&
        !strncmp(out, drive_c, n) && (!out[n] || out[n] == '/')) {
        free(host);
        return fix_case(strdup(out));
    }
    int r = view_translate(host, 0, out, sizeof out);
    free(host);
    if (r < 0)
        return NULL;
    char *fixed = fix_case(strdup(out));
    /* A name matched case-insensitively is another entry (it may be a
     * symlink): checked again. */
    if (fixed && g_view_confine && strcmp(fixed, out) &&
        (!view_host_to_guest(fixed, guest, sizeof guest) ||
         view_translate(guest, 0, out, sizeof out) < 0)) {
        view_deny("case-insensitive match", fixed, EACCES);
        free(fixed);
        errno = EACCES;
        return NULL;
    }
    return fixed;
}

char view_pe_windows_path(const char *host, const char *drive_c, char *out, size_t size)
{
    char norm[PATH_MAX], dc[PATH_MAX];
    if (!view_normalize("/", host, norm, sizeof norm) ||
        !view_normalize("/", drive_c, dc, sizeof dc))
        return 0;
    size_t n = strlen(dc);
    const char *rest = norm;
    char drive = 'Z';
    if (!strncmp(norm, dc, n) && (!norm[n] || norm[n] == '/')) {
        drive = 'C';
        rest = norm + n;
    } else if (view_active() && view_host_to_guest(norm, out, size)) {
        return drive;
    }
    if (strlen(rest) >= size)
        return 0;
    strcpy(out, rest);
    return drive;
}

bool view_pe_writable(const char *host)
{
    if (!g_view_any_ro)
        return true;
    for (size_t i = 0; i < g_view_mount_count; i++) {
        const struct view_mount *m = &g_view_mounts[i];
        if (m->ro && !strncmp(host, m->host, m->host_len) &&
            (!host[m->host_len] || host[m->host_len] == '/' || m->host[m->host_len - 1] == '/')) {
            view_deny("write into a read-only mount", host, EROFS);
            return false;
        }
    }
    return true;
}
