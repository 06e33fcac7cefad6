/* Trace channels, relay tracing and crash reports.
 *
 * Channels are declared once, below; the --help text, the parser of
 * LVRUN_DEBUG/--trace and the checks are made from that list. Tracing is
 * quiet by default and goes to stderr, or to the file LVRUN_LOG names;
 * never to stdout. A disabled channel costs one load and one bit test. */
#ifndef LV_TRACE_H
#define LV_TRACE_H

#include <stdbool.h>
#include <stdio.h>

#define LV_TRACE_CHANNELS(X)                                                  \
    X(relay,  "calls through the import slots of PE modules, with decoded "   \
              "arguments and results")                                        \
    X(prelay, "calls from ELF programs into the POSIX surface")               \
    X(module, "each DLL loaded: from where, at which base, relocated or not") \
    X(file,   "files opened, created and deleted")                            \
    X(view,   "path translation and the virtual view")                        \
    X(heap,   "heap allocations")                                             \
    X(thread, "threads created and ended")                                    \
    X(seh,    "exceptions raised, dispatched and unwound")                   \
    X(syscalls, "raw system calls of static programs: the mode (trapping "   \
              "or rewriting), each call and its result, sites rewritten")

enum trace_channel {
#define LV_TRACE_ENUM(name, help) TRACE_CH_##name,
    LV_TRACE_CHANNELS(LV_TRACE_ENUM)
#undef LV_TRACE_ENUM
    TRACE_CH_COUNT
};

extern unsigned g_trace_mask;

#define TRACE_ON(ch) __builtin_expect((g_trace_mask >> TRACE_CH_##ch) & 1, 0)
#define trace(ch, ...)                                                        \
    do {                                                                      \
        if (TRACE_ON(ch))                                                     \
            trace_printf(TRACE_CH_##ch, __VA_ARGS__);                         \
    } while (0)

/* One line "pid:tid:channel:text\n", written whole. */
void trace_printf(enum trace_channel ch, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* "+relay,-heap,file" ("all" names every channel); false, with the
 * offending name in *bad (up to the next ','), when a name is unknown. */
bool trace_configure(const char *spec, const char **bad);
/* LVRUN_DEBUG and LVRUN_LOG; false after reporting a bad value on stderr. */
bool trace_init_from_env(void);
/* Where the lines go: a file, appended to, instead of stderr. */
bool trace_set_log(const char *path);
/* The channel list for --help, one "  NAME  description" line each. */
void trace_usage(FILE *out);
/* The descriptor trace lines are written to. */
int trace_fd(void);

struct module;
/* The address an import slot of importer gets for dll!name (ordinal when
 * name is NULL) whose implementation is addr: addr itself, or a relay
 * entry that logs the call when +relay is on and the filters
 * (LVRUN_RELAY, LVRUN_RELAY_FROM) select it. */
/* With +prelay, an entry that logs an ELF program's call of the musl
 * surface's function name (then goes to addr); addr itself otherwise. */
void *relay_bind_posix(const char *module, const char *name, void *addr);
void *relay_bind(struct module *importer, struct module *dll, const char *name,
                 unsigned ordinal, void *addr);
/* Lines of calls begun and not yet logged (the thread is leaving for
 * good: ExitProcess, exit, a crash). */
void relay_flush_pending(void);
/* The last relayed calls, oldest first, written to fd. */
void relay_dump_recent(int fd);

/* Crash reports, for the exception and signal code to call.
 * crash_report_context: after the "unhandled exception" line, the faulting
 * address as module+offset and nearest export name, a backtrace of guest
 * frames from the unwind data and the last relayed calls. context is the
 * CONTEXT of the fault (ntdll's layout, except_private.h).
 * crash_report_internal: a fault in lvrun's own code; async-signal-safe. */
void crash_report_context(const void *context);
void crash_report_internal(int sig, const void *pc);
/* "module+0xoff (name+0xoff)" for an address, into buf. */
void crash_describe_address(const void *addr, char *buf, size_t size);

#endif
