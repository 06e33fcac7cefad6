/* What the program learns about itself: its own path and arguments
 * (/proc/self/exe and /proc/self/cmdline name the guest, not lvrun), and
 * the denials of the view, on the "view" trace channel. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "view_private.h"
#ifdef VIEW_PRELOAD
#include <stdarg.h>
#else
#include "lv/trace.h"
#endif

static char *g_program;
static char *g_cmdline;
static size_t g_cmdline_size;

void view_set_program(const char *path, int argc, char **argv)
{
    g_program = realpath(path, NULL);
    size_t n = 0;
    for (int i = 0; i < argc; i++)
        n += strlen(argv[i]) + 1;
    g_cmdline = malloc(n ? n : 1);
    if (!g_cmdline)
        return;
    g_cmdline_size = 0;
    for (int i = 0; i < argc; i++) {
        size_t len = strlen(argv[i]) + 1;
        memcpy(g_cmdline + g_cmdline_size, argv[i], len);
        g_cmdline_size += len;
    }
}

const char *view_program(void)
{
    return g_program;
}

const char *view_cmdline(size_t *size)
{
    *size = g_cmdline_size;
    return g_cmdline;
}

static const char *describe(int err)
{
    return err == 30 ? "EROFS" : "EACCES";
}

#ifdef VIEW_PRELOAD
/* The preload library has no trace machinery of its own: the channel is
 * on when LVRUN_DEBUG names "view" (or "all"), as for lvrun. */
void view_deny(const char *what, const char *path, int err)
{
    static int on = -1;
    if (on < 0) {
        const char *d = getenv("LVRUN_DEBUG");
        on = d && (strstr(d, "view") || strstr(d, "all")) && !strstr(d, "-view");
    }
    if (!on)
        return;
    char line[PATH_MAX + 128];
    int n = snprintf(line, sizeof line, "%d:view:denied (%s): %s: %s\n",
                     (int)getpid(), describe(err), what, path);
    if (n > 0)
        (void)!write(2, line, (size_t)n < sizeof line ? (size_t)n : sizeof line - 1);
}
#else
void view_deny(const char *what, const char *path, int err)
{
    trace(view, "denied (%s): %s: %s", describe(err), what, path);
}
#endif
