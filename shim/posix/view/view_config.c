/* The view's settings: parsed from flags, LVRUN_VIEW and manifests,
 * kept as "key=value" lines so that children get exactly the same. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "view_private.h"
#include "view_sys.h"

struct view_mount *g_view_mounts;
size_t g_view_mount_count;
bool g_view_confine;
bool g_view_any_ro;

static char *g_settings;
static size_t g_settings_len;
static char *g_user, *g_hostname;
static unsigned g_codepage;

static bool remember(const char *key, const char *value)
{
    size_t n = strlen(key) + strlen(value) + 2;
    char *s = realloc(g_settings, g_settings_len + n + 1);
    if (!s)
        return false;
    g_settings = s;
    g_settings_len += (size_t)snprintf(s + g_settings_len, n + 1, "%s=%s\n", key, value);
    return true;
}

/* realpath without libc's, which the preload library interposes. */
static char *canonical(const char *path)
{
    long fd = view_sys(SYS_open, (long)path, O_PATH | O_CLOEXEC, 0, 0);
    if (fd < 0) {
        errno = (int)-fd;
        return NULL;
    }
    char link[40], *out = malloc(PATH_MAX);
    snprintf(link, sizeof link, "/proc/self/fd/%ld", fd);
    long n = out ? view_sys(SYS_readlink, (long)link, (long)out, PATH_MAX - 1, 0) : -ENOMEM;
    view_sys_close(fd);
    if (n < 0) {
        free(out);
        errno = (int)-n;
        return NULL;
    }
    out[n] = 0;
    return out;
}

static int by_guest_len(const void *a, const void *b)
{
    const struct view_mount *x = a, *y = b;
    return (y->guest_len > x->guest_len) - (y->guest_len < x->guest_len);
}

/* GUEST=HOST[:ro]; the host path is made absolute and canonical so that
 * host paths can be mapped back to guest ones. */
static bool add_mount(const char *spec)
{
    const char *eq = strchr(spec, '=');
    if (!eq || spec[0] != '/' || !eq[1]) {
        fprintf(stderr, "lvrun: --mount %s: expected GUEST=HOST[:ro] with GUEST absolute\n", spec);
        return false;
    }
    char host[PATH_MAX], guest[PATH_MAX];
    size_t hn = strlen(eq + 1);
    bool ro = hn > 3 && !strcmp(eq + 1 + hn - 3, ":ro");
    if (ro || (hn > 3 && !strcmp(eq + 1 + hn - 3, ":rw")))
        hn -= 3;
    if (hn >= sizeof host || (size_t)(eq - spec) >= sizeof guest)
        return false;
    memcpy(host, eq + 1, hn);
    host[hn] = 0;
    memcpy(guest, spec, (size_t)(eq - spec));
    guest[eq - spec] = 0;
    char norm[PATH_MAX];
    char *real = canonical(host);
    if (!real) {
        fprintf(stderr, "lvrun: --mount %s: %s: %s\n", spec, host, strerror(errno));
        return false;
    }
    if (!view_normalize("/", guest, norm, sizeof norm)) {
        free(real);
        return false;
    }
    struct view_mount *m = realloc(g_view_mounts, (g_view_mount_count + 1) * sizeof *m);
    if (!m) {
        free(real);
        return false;
    }
    g_view_mounts = m;
    m += g_view_mount_count++;
    m->guest = strdup(norm);
    m->guest_len = strlen(norm);
    m->host = real;
    m->host_len = strlen(real);
    m->ro = ro;
    g_view_any_ro |= ro;
    qsort(g_view_mounts, g_view_mount_count, sizeof *m, by_guest_len);
    char canon[2 * PATH_MAX + 8];
    snprintf(canon, sizeof canon, "%s=%s%s", norm, real, ro ? ":ro" : "");
    return remember("mount", canon);
}

static bool set_name(char **slot, const char *key, const char *value)
{
    free(*slot);
    *slot = strdup(value);
    return remember(key, value);
}

bool view_set(const char *key, const char *value)
{
    if (!strcmp(key, "mount"))
        return add_mount(value);
    if (!strcmp(key, "confine")) {
        g_view_confine = strcmp(value, "0") && strcmp(value, "false") && strcmp(value, "no");
        return remember(key, g_view_confine ? "1" : "0");
    }
    if (!strcmp(key, "env")) {
        if (!strchr(value, '=') || value[0] == '=') {
            fprintf(stderr, "lvrun: --env %s: expected NAME=VALUE\n", value);
            return false;
        }
        return remember(key, value);
    }
    if (!strcmp(key, "unset-env"))
        return remember(key, value);
    if (!strcmp(key, "user"))
        return set_name(&g_user, key, value);
    if (!strcmp(key, "hostname"))
        return set_name(&g_hostname, key, value);
    if (!strcmp(key, "codepage")) {
        unsigned long cp = strtoul(value, NULL, 10);
        if (cp != 65001 && cp != 1252 && cp != 437 && cp != 936 && cp != 932 &&
            cp != 28591 && cp != 20127) {
            fprintf(stderr, "lvrun: --codepage %s: known code pages are 65001, 1252, 437, 936, 932, 28591, 20127\n", value);
            return false;
        }
        g_codepage = (unsigned)cp;
        return remember(key, value);
    }
    fprintf(stderr, "lvrun: view: unknown setting \"%s\"\n", key);
    return false;
}

void view_clear(void)
{
    for (size_t i = 0; i < g_view_mount_count; i++) {
        free(g_view_mounts[i].guest);
        free(g_view_mounts[i].host);
    }
    free(g_view_mounts);
    g_view_mounts = NULL;
    g_view_mount_count = 0;
    g_view_confine = g_view_any_ro = false;
    free(g_settings);
    g_settings = NULL;
    g_settings_len = 0;
    free(g_user);
    free(g_hostname);
    g_user = g_hostname = NULL;
    g_codepage = 0;
}

bool view_load_env(void)
{
    const char *env = getenv("LVRUN_VIEW");
    if (!env || !*env)
        return true;
    char *copy = strdup(env);
    bool ok = copy != NULL;
    for (char *line = copy, *next; ok && line; line = next) {
        next = line + strcspn(line, "\n;");
        next = *next ? (*next = 0, next + 1) : NULL;
        char *eq = strchr(line, '=');
        if (!*line)
            continue;
        if (!eq) {
            fprintf(stderr, "lvrun: LVRUN_VIEW: \"%s\" is not KEY=VALUE\n", line);
            ok = false;
            break;
        }
        *eq = 0;
        ok = view_set(line, eq + 1);
    }
    free(copy);
    return ok;
}

char *view_serialize(void)
{
    return strdup(g_settings ? g_settings : "");
}

void view_export(void)
{
    if (!g_settings)
        return;
    for (char *line = g_settings; *line; line += strcspn(line, "\n") + 1) {
        size_t n = strcspn(line, "\n");
        char buf[PATH_MAX];
        if (n >= sizeof buf)
            continue;
        memcpy(buf, line, n);
        buf[n] = 0;
        if (!strncmp(buf, "env=", 4)) {
            char *eq = strchr(buf + 4, '=');
            *eq = 0;
            setenv(buf + 4, eq + 1, 1);
        } else if (!strncmp(buf, "unset-env=", 10)) {
            unsetenv(buf + 10);
        }
    }
    setenv("LVRUN_VIEW", g_settings, 1);
}

bool view_active(void)
{
    return g_view_mount_count || g_view_confine;
}

bool view_confined(void)
{
    return g_view_confine;
}

const char *view_user(void)
{
    return g_user;
}

const char *view_hostname(void)
{
    return g_hostname;
}

unsigned view_codepage(void)
{
    return g_codepage ? g_codepage : 65001;
}

static char *g_preload_lib;

const char *view_preload_lib(void)
{
    return g_preload_lib;
}

void view_set_preload_lib(const char *path)
{
    free(g_preload_lib);
    g_preload_lib = path ? strdup(path) : NULL;
}

/* Children keep the view: dynamic ones through the preload library,
 * lvrun's through LVRUN_VIEW. A program that rewrites its children's
 * environment does not lose either. */
char **view_child_env(char *const envp[])
{
    size_t n = 0;
    while (envp && envp[n])
        n++;
    char **out = malloc((n + 3) * sizeof *out);
    if (!out)
        return NULL;
    static char *view_var, *preload_var;
    if (!view_var && g_settings) {
        view_var = malloc(strlen(g_settings) + 12);
        if (view_var)
            sprintf(view_var, "LVRUN_VIEW=%s", g_settings);
    }
    if (!preload_var && g_preload_lib) {
        preload_var = malloc(strlen(g_preload_lib) + 12);
        if (preload_var)
            sprintf(preload_var, "LD_PRELOAD=%s", g_preload_lib);
    }
    size_t k = 0;
    bool has_preload = false;
    for (size_t i = 0; i < n; i++) {
        if (!strncmp(envp[i], "LVRUN_VIEW=", 11) && view_var)
            continue;
        if (!strncmp(envp[i], "LD_PRELOAD=", 11) && g_preload_lib)
            has_preload |= strstr(envp[i], g_preload_lib) != NULL;
        out[k++] = envp[i];
    }
    if (view_var && view_active())
        out[k++] = view_var;
    if (preload_var && !has_preload && view_active())
        out[k++] = preload_var;
    out[k] = NULL;
    return out;
}
