/* Guest paths: normalization, the mount table, the current folder. All
 * in user space: nothing here makes a system call except the first
 * look at the host's current folder. */
#include <errno.h>
#include <string.h>
#include "view_private.h"
#include "view_sys.h"

static char g_cwd[PATH_MAX];

bool view_normalize(const char *base, const char *path, char *out, size_t size)
{
    size_t n = 0;
    if (size < 2)
        return false;
    out[n++] = '/';
    for (int pass = path[0] == '/'; pass < 2; pass++) {
        const char *p = pass ? path : base;
        while (*p) {
            while (*p == '/')
                p++;
            size_t len = strcspn(p, "/");
            if (!len)
                break;
            if (len == 2 && p[0] == '.' && p[1] == '.') {
                while (n > 1 && out[n - 1] != '/')
                    n--;
                if (n > 1)
                    n--;
            } else if (!(len == 1 && p[0] == '.')) {
                if (n + len + 2 > size)
                    return false;
                if (n > 1)
                    out[n++] = '/';
                memcpy(out + n, p, len);
                n += len;
            }
            p += len;
        }
    }
    out[n] = 0;
    return true;
}

const struct view_mount *view_lookup(const char *guest, const char **rest)
{
    for (size_t i = 0; i < g_view_mount_count; i++) {
        const struct view_mount *m = &g_view_mounts[i];
        size_t n = m->guest_len;
        if (n == 1) {
            *rest = guest;
            return m;
        }
        if (!strncmp(guest, m->guest, n) && (guest[n] == '/' || !guest[n])) {
            *rest = guest + n;
            return m;
        }
    }
    return NULL;
}

bool view_host_to_guest(const char *host, char *out, size_t size)
{
    const struct view_mount *best = NULL;
    for (size_t i = 0; i < g_view_mount_count; i++) {
        const struct view_mount *m = &g_view_mounts[i];
        size_t n = m->host_len;
        if (n == 1)
            n = 0;
        if ((!strncmp(host, m->host, n) && (host[n] == '/' || !host[n])) &&
            (!best || m->host_len > best->host_len))
            best = m;
    }
    if (!best) {
        if (g_view_confine)
            return false;
        return view_normalize("/", host, out, size);
    }
    const char *rest = host + (best->host_len == 1 ? 0 : best->host_len);
    char joined[2 * PATH_MAX];
    if (strlen(best->guest) + strlen(rest) + 2 > sizeof joined)
        return false;
    strcpy(joined, best->guest);
    strcat(joined, "/");
    strcat(joined, rest);
    return view_normalize("/", joined, out, size);
}

const char *view_cwd(void)
{
    if (!g_cwd[0]) {
        char host[PATH_MAX];
        long n = view_sys(SYS_getcwd, (long)host, sizeof host, 0, 0);
        if (n < 0 || !view_host_to_guest(host, g_cwd, sizeof g_cwd))
            strcpy(g_cwd, "/");
    }
    return g_cwd;
}

void view_set_cwd(const char *guest)
{
    char out[PATH_MAX];
    if (view_normalize(view_cwd(), guest, out, sizeof out))
        strcpy(g_cwd, out);
}
