/* Trace channels: which are on, where their lines go. */
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>
#include "lv/trace.h"

unsigned g_trace_mask;
static int g_trace_fd = 2;

static const struct {
    const char *name;
    const char *help;
} g_channels[] = {
#define LV_TRACE_ENTRY(name, help) { #name, help },
    LV_TRACE_CHANNELS(LV_TRACE_ENTRY)
#undef LV_TRACE_ENTRY
};

_Static_assert(TRACE_CH_COUNT <= 32, "the channel mask is 32 bits");

int trace_fd(void)
{
    return g_trace_fd;
}

static int channel_index(const char *name, size_t n)
{
    for (int i = 0; i < TRACE_CH_COUNT; i++)
        if (strlen(g_channels[i].name) == n && !strncasecmp(g_channels[i].name, name, n))
            return i;
    return -1;
}

bool trace_configure(const char *spec, const char **bad)
{
    for (const char *p = spec; *p;) {
        size_t n = strcspn(p, ",");
        const char *name = p;
        bool on = true;
        if (n && (*name == '+' || *name == '-')) {
            on = *name == '+';
            name++;
        }
        size_t len = n - (size_t)(name - p);
        unsigned bits;
        if (len == 3 && !strncasecmp(name, "all", 3)) {
            bits = (1u << TRACE_CH_COUNT) - 1;
        } else if (len) {
            int i = channel_index(name, len);
            if (i < 0) {
                if (bad)
                    *bad = name;
                return false;
            }
            bits = 1u << i;
        } else {
            bits = 0;
        }
        g_trace_mask = on ? g_trace_mask | bits : g_trace_mask & ~bits;
        p += n;
        if (*p == ',')
            p++;
    }
    return true;
}

bool trace_set_log(const char *path)
{
    /* Appended to, so that the programs a traced program starts (each
     * its own lvrun, with the same environment) add their lines. */
    int fd = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (fd < 0)
        return false;
    /* Kept away from the low descriptors a program's redirections use. */
    int high = fcntl(fd, F_DUPFD_CLOEXEC, 100);
    if (high >= 0) {
        close(fd);
        fd = high;
    }
    if (g_trace_fd != 2)
        close(g_trace_fd);
    g_trace_fd = fd;
    return true;
}

bool trace_init_from_env(void)
{
    const char *log = getenv("LVRUN_LOG");
    if (log && *log && !trace_set_log(log)) {
        fprintf(stderr, "lvrun: LVRUN_LOG=%s: cannot open it: %m\n", log);
        return false;
    }
    const char *spec = getenv("LVRUN_DEBUG");
    const char *bad;
    if (spec && !trace_configure(spec, &bad)) {
        fprintf(stderr, "lvrun: LVRUN_DEBUG: unknown channel \"%.*s\" (see lvrun --help)\n",
                (int)strcspn(bad, ","), bad);
        return false;
    }
    return true;
}

void trace_usage(FILE *out)
{
    for (int i = 0; i < TRACE_CH_COUNT; i++)
        fprintf(out, "  %-8s %s\n", g_channels[i].name, g_channels[i].help);
}

void trace_printf(enum trace_channel ch, const char *fmt, ...)
{
    char line[4096];
    int n = snprintf(line, sizeof line, "%04x:%04x:%s:", (unsigned)getpid(),
                     (unsigned)gettid(), g_channels[ch].name);
    va_list ap;
    va_start(ap, fmt);
    int m = vsnprintf(line + n, sizeof line - (size_t)n - 1, fmt, ap);
    va_end(ap);
    size_t len = (size_t)n + (m < 0 ? 0 : (size_t)m);
    if (len > sizeof line - 2) {
        len = sizeof line - 5;
        memcpy(line + len, "...", 3);
        len += 3;
    }
    line[len++] = '\n';
    /* One write per line: lines of several threads do not mix. */
    for (size_t off = 0; off < len;) {
        ssize_t w = write(g_trace_fd, line + off, len - off);
        if (w <= 0)
            break;
        off += (size_t)w;
    }
}
