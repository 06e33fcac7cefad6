/* The Windows path translator. C: is the prefix's drive_c, Z: is the host
 * root; backslashes and slashes are both separators; a name that does not
 * exist with its exact case is looked up case-insensitively, component by
 * component, as Windows file systems compare names (dircache.c keeps the
 * many-file case fast). */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lv/path.h"
#include "lv/wstr.h"
#include "view_pe.h"

static char *g_prefix;
static char *g_drive_c;

void path_set_prefix(const char *dir)
{
    free(g_prefix);
    g_prefix = dir ? strdup(dir) : NULL;
    free(g_drive_c);
    g_drive_c = NULL;
}

static void mkdirs(const char *path)
{
    char buf[PATH_MAX];
    snprintf(buf, sizeof buf, "%s", path);
    for (char *p = buf + 1; *p; p++)
        if (*p == '/') {
            *p = 0;
            mkdir(buf, 0755);
            *p = '/';
        }
    mkdir(buf, 0755);
}

const char *path_prefix(void)
{
    if (!g_prefix) {
        const char *env = getenv("LVRUN_PREFIX");
        if (env && *env) {
            g_prefix = strdup(env);
        } else {
            const char *home = getenv("HOME");
            if (!home || !*home) {
                struct passwd *pw = getpwuid(getuid());
                home = pw ? pw->pw_dir : "/tmp";
            }
            size_t n = strlen(home) + 16;
            g_prefix = malloc(n);
            snprintf(g_prefix, n, "%s/.lvrun", home);
        }
    }
    return g_prefix;
}

/* drive_c, created with the folders programs expect on first use. */
static const char *drive_c(void)
{
    if (g_drive_c)
        return g_drive_c;
    size_t n = strlen(path_prefix()) + 16;
    g_drive_c = malloc(n);
    snprintf(g_drive_c, n, "%s/drive_c", path_prefix());
    struct stat st;
    if (stat(g_drive_c, &st) != 0) {
        static const char *const dirs[] = {
            "windows/system32", "windows/temp", "Program Files",
            "Program Files (x86)", "ProgramData", "users/Public",
        };
        char buf[PATH_MAX];
        for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
            snprintf(buf, sizeof buf, "%s/%s", g_drive_c, dirs[i]);
            mkdirs(buf);
        }
    }
    return g_drive_c;
}

bool path_is_drive_root(const char *host)
{
    char *real = realpath(host, NULL);
    bool root = real && (!strcmp(real, "/") || !strcmp(real, drive_c()));
    free(real);
    return root;
}

void path_create_folder(const char *win)
{
    char *host = path_windows_to_host_alloc(win);
    struct stat st;
    /* One stat on the usual run, where the folder is there already. */
    if (host && stat(host, &st) != 0)
        mkdirs(host);
    free(host);
}

/* The user's name when the environment does not say it (containers often
 * leave USER unset): the local password file first, read directly, since
 * getpwuid goes through NSS (nscd's socket, nsswitch.conf) at a cost every
 * start would pay; getpwuid for users the file does not list. */
static const char *user_name_of_uid(uid_t uid)
{
    static char name[64];
    FILE *f = fopen("/etc/passwd", "re");
    if (f) {
        struct passwd *pw;
        while ((pw = fgetpwent(f)))
            if (pw->pw_uid == uid && strlen(pw->pw_name) < sizeof name) {
                strcpy(name, pw->pw_name);
                break;
            }
        fclose(f);
        if (name[0])
            return name;
    }
    struct passwd *pw = getpwuid(uid);
    return pw ? pw->pw_name : "user";
}

const char *path_user_name(void)
{
    const char *u = getenv("USER");
    if (!u || !*u)
        u = getenv("LOGNAME");
    if (!u || !*u)
        u = user_name_of_uid(getuid());
    return u;
}

const char *path_user_profile(void)
{
    static char profile[300];
    if (!profile[0])
        snprintf(profile, sizeof profile, "C:\\users\\%s", path_user_name());
    return profile;
}

void path_create_profile(void)
{
    /* In the order made, so that the last one there means all are. */
    static const char *const dirs[] = {
        "Temp", "AppData\\Roaming", "AppData\\Local", "Documents", "Desktop",
    };
    size_t count = sizeof dirs / sizeof *dirs;
    char win[400];
    snprintf(win, sizeof win, "%s\\%s", path_user_profile(), dirs[count - 1]);
    char *host = path_windows_to_host_alloc(win);
    struct stat st;
    if (host && stat(host, &st) != 0)
        for (size_t i = 0; i < count; i++) {
            snprintf(win, sizeof win, "%s\\%s", path_user_profile(), dirs[i]);
            path_create_folder(win);
        }
    free(host);
}

char *path_find_case_insensitive(const char *dir, const char *name)
{
    char *real;
    if (dircache_lookup(dir, name, &real) <= 0)
        return NULL;
    size_t n = strlen(dir) + strlen(real) + 2;
    char *found = malloc(n);
    if (found)
        snprintf(found, n, "%s/%s", dir, real);
    free(real);
    return found;
}

/* The host path whose components match path's case-insensitively, from
 * the last one backwards: a missing name is looked up in its folder (the
 * folder cache), a missing folder likewise first. Names with no match
 * are kept as asked (a file about to be created). */
static char *resolve_case(char *path)
{
    size_t len = strlen(path);
    while (len > 1 && path[len - 1] == '/')
        len--;
    size_t cut = len;
    while (cut > 0 && path[cut - 1] != '/')
        cut--;
    size_t nlen = len - cut;
    if (!nlen || nlen > NAME_MAX ||
        (nlen == 1 && path[cut] == '.') || (nlen == 2 && !strncmp(path + cut, "..", 2)))
        return path;
    char name[NAME_MAX + 1];
    memcpy(name, path + cut, nlen);
    name[nlen] = 0;
    char *dir = cut == 0 ? strdup(".") : cut == 1 ? strdup("/") : strndup(path, cut - 1);
    if (!dir)
        return path;
    char *real;
    int r = dircache_lookup_cached(dir, name, &real);
    if (r < 0) {
        if (access(path, F_OK) == 0 || errno != ENOENT) {
            free(dir);
            return path;
        }
        r = dircache_lookup(dir, name, &real);
    }
    if (r < 0 && errno == ENOENT && cut > 1) {
        dir = resolve_case(dir);
        r = dircache_lookup(dir, name, &real);
    }
    const char *use = r > 0 ? real : name;
    const char *tail = path + len;
    size_t dn = cut == 0 ? 0 : strlen(dir), un = strlen(use), tn = strlen(tail);
    bool slash = cut != 0 && strcmp(dir, "/");
    char *out = malloc(dn + slash + un + tn + 1);
    if (out) {
        memcpy(out, dir, dn);
        if (slash)
            out[dn] = '/';
        memcpy(out + dn + slash, use, un);
        memcpy(out + dn + slash + un, tail, tn + 1);
        free(path);
        path = out;
    }
    if (r > 0)
        free(real);
    free(dir);
    return path;
}

static const char *const devices[] = {
    "NUL", "CON", "CONIN$", "CONOUT$", "AUX", "PRN",
    "COM1", "COM2", "COM3", "COM4", "LPT1", "LPT2", "LPT3",
};

/* Windows treats these names as devices in any folder, with any extension
 * ("nul.txt"), and ignores trailing spaces and colons. */
const char *path_device(const char *win)
{
    const char *base = win;
    for (const char *p = win; *p; p++)
        if (*p == '\\' || *p == '/' || (*p == ':' && p == win + 1))
            base = p + 1;
    /* Every device name starts with one of these: most names stop here. */
    if (!*base || !strchr("AaCcLlNnPp", *base))
        return NULL;
    size_t n = strcspn(base, ".: ");
    for (size_t i = 0; i < sizeof devices / sizeof devices[0]; i++) {
        if (strlen(devices[i]) != n || strncasecmp(base, devices[i], n))
            continue;
        if (i == 0)
            return "/dev/null";
        if (i == 1 || i == 3)
            return "/dev/tty";
        if (i == 2)
            return "/dev/tty";
        return "/dev/null";
    }
    return NULL;
}

char *path_windows_to_host_alloc(const char *win)
{
    if (!win) {
        errno = EFAULT;
        return NULL;
    }
    const char *dev = path_device(win);
    if (dev)
        return strdup(dev);
    const char *p = win;
    /* \\?\C:\x and \\.\C:\x name the same file as C:\x. */
    if ((p[0] == '\\' || p[0] == '/') && (p[1] == '\\' || p[1] == '/') &&
        (p[2] == '?' || p[2] == '.') && (p[3] == '\\' || p[3] == '/'))
        p += 4;
    /* At most the drive's folder, a slash and the rest. */
    char *out = malloc(strlen(drive_c()) + strlen(p) + 2);
    if (!out)
        return NULL;
    out[0] = 0;
    if (isalpha((unsigned char)p[0]) && p[1] == ':') {
        int drive = toupper((unsigned char)p[0]);
        if (drive == 'C')
            strcpy(out, drive_c());
        else if (drive != 'Z') {
            free(out);
            errno = ENOENT;
            return NULL;
        }
        p += 2;
        if (*p != '\\' && *p != '/')
            strcat(out, "/");
    } else if (p[0] == '\\' && p[1] != '\\') {
        /* Rooted without a drive: the current drive. */
        char cwd[PATH_MAX];
        if (getcwd(cwd, sizeof cwd) && !strncmp(cwd, drive_c(), strlen(drive_c())))
            strcpy(out, drive_c());
    }
    size_t n = strlen(out);
    for (; *p; p++)
        out[n++] = *p == '\\' ? '/' : *p;
    out[n] = 0;
    /* Windows strips trailing dots and spaces from the last component. */
    while (n > 1 && (out[n - 1] == '.' || out[n - 1] == ' ') &&
           out[n - 2] != '/' && out[n - 2] != '.')
        out[--n] = 0;
    if (!out[0])
        strcpy(out, ".");
    /* The virtual view decides what a non-C: path names (and, confined,
     * whether it may be reached): shim/posix/view/view_pe.c. */
    return view_pe_path(win, out, drive_c(), resolve_case);
}

/* host, unless the view mounts it read-only (NULL, EROFS). */
static char *writable(char *host)
{
    if (host && !view_pe_writable(host)) {
        free(host);
        errno = EROFS;
        return NULL;
    }
    return host;
}

char *path_windows_to_host_write_w(const WCHAR *win)
{
    return writable(path_windows_to_host_w(win));
}

bool path_is_device_w(const WCHAR *win)
{
    char *u = wstr_to_utf8(win);
    bool device = u && path_device(u);
    free(u);
    return device;
}

/* Converted once: the name is looked at as a device name and translated. */
char *path_windows_to_host_change_w(const WCHAR *win)
{
    char *u = wstr_to_utf8(win);
    if (!u) {
        errno = EFAULT;
        return NULL;
    }
    if (path_device(u)) {
        free(u);
        errno = EINVAL;
        return NULL;
    }
    char *h = path_windows_to_host_alloc(u);
    free(u);
    return writable(h);
}

char *path_windows_to_host_w(const WCHAR *win)
{
    char *u = wstr_to_utf8(win);
    if (!u) {
        errno = EFAULT;
        return NULL;
    }
    char *h = path_windows_to_host_alloc(u);
    free(u);
    return h;
}

char *path_host_to_windows(const char *host)
{
    char abs[PATH_MAX], rest[PATH_MAX];
    if (host[0] != '/') {
        if (!getcwd(abs, sizeof abs))
            return NULL;
        size_t n = strlen(abs);
        snprintf(abs + n, sizeof abs - n, "%s%s", n > 1 ? "/" : "", host);
    } else {
        snprintf(abs, sizeof abs, "%s", host);
    }
    /* The view names what lies in its mounts: shim/posix/view/view_pe.c. */
    char drive = view_pe_windows_path(abs, drive_c(), rest, sizeof rest);
    if (!drive) {
        errno = ENAMETOOLONG;
        return NULL;
    }
    size_t n = strlen(rest);
    char *out = malloc(n + 4);
    if (!out)
        return NULL;
    out[0] = drive;
    out[1] = ':';
    size_t k = 2;
    for (const char *s = rest; *s; s++)
        out[k++] = *s == '/' ? '\\' : *s;
    if (k == 2)
        out[k++] = '\\';
    out[k] = 0;
    return out;
}

WCHAR *path_host_to_windows_w(const char *host)
{
    char *u = path_host_to_windows(host);
    WCHAR *w = utf8_to_wstr(u);
    free(u);
    return w;
}
