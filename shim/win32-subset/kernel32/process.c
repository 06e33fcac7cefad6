/* The process: start-up parameters, standard handles, exit. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "kernel32.spec.h"
#include "kernel32_private.h"
#include "process_private.h"
#include "lv/module.h"
#include "lv/trace.h"
#include "lv/path.h"
#include "lv/process.h"
#include "lv/w32error.h"
#include "lv/wstr.h"

void (*process_flush_hook)(void);

static struct process_child_options g_child = { .exit_code_fd = -1 };

void process_set_child_options(const struct process_child_options *opts)
{
    g_child = *opts;
    if (g_child.exit_code_fd >= 0)
        fcntl(g_child.exit_code_fd, F_SETFD, FD_CLOEXEC);
}

/* The handles a parent passed down, back at their values. */
static void install_inherited(const char *spec)
{
    while (spec && *spec) {
        char *end;
        unsigned long h = strtoul(spec, &end, 16);
        int fd = *end == '=' ? (int)strtol(end + 1, &end, 10) : -1;
        if (fd >= 0 && fcntl(fd, F_SETFD, FD_CLOEXEC) == 0) {
            struct file_object *f = file_object_new(fd, GENERIC_READ | GENERIC_WRITE, NULL);
            if (f) {
                if (!handle_table_insert_at((HANDLE)(uintptr_t)h, &f->obj, true))
                    close(fd);
                object_release(&f->obj);
            }
        }
        spec = strchr(end, ',');
        if (spec)
            spec++;
    }
}

/* The environment a parent gave, in its order, as the block. */
static WCHAR *block_from_host_environ(void)
{
    extern char **environ;
    size_t total = 1;
    for (char **e = environ; *e; e++)
        total += utf8_to_utf16(*e, strlen(*e), NULL, 0, NULL) + 1;
    WCHAR *block = malloc(total * sizeof(WCHAR)), *p = block;
    for (char **e = environ; *e; e++) {
        p += utf8_to_utf16(*e, strlen(*e), p, total - (p - block), NULL);
        *p++ = 0;
    }
    *p = 0;
    return block;
}

/* One argument as CommandLineToArgvW will split it back: quotes around
 * arguments with blanks or quotes, backslashes doubled before a quote. */
static size_t quote_arg(const char *arg, char *out)
{
    size_t n = 0;
    bool plain = *arg && !strpbrk(arg, " \t\n\v\"");
    if (plain) {
        size_t l = strlen(arg);
        if (out)
            memcpy(out, arg, l);
        return l;
    }
    if (out)
        out[n] = '"';
    n++;
    for (const char *p = arg;; p++) {
        size_t bs = 0;
        while (*p == '\\')
            p++, bs++;
        size_t reps = !*p ? bs * 2 : *p == '"' ? bs * 2 + 1 : bs;
        for (size_t i = 0; i < reps; i++, n++)
            if (out)
                out[n] = '\\';
        if (!*p)
            break;
        if (out)
            out[n] = *p;
        n++;
    }
    if (out)
        out[n] = '"';
    return n + 1;
}

char *process_build_command_line(int argc, char **argv)
{
    size_t total = 1;
    for (int i = 0; i < argc; i++)
        total += quote_arg(argv[i], NULL) + 1;
    char *line = malloc(total), *p = line;
    for (int i = 0; i < argc; i++) {
        if (i)
            *p++ = ' ';
        p += quote_arg(argv[i], p);
    }
    *p = 0;
    return line;
}

static void set_ustr(UNICODE_STRING *us, WCHAR *w)
{
    size_t n = wstr_len(w);
    us->Buffer = w;
    us->Length = (WORD)(n > 32767 ? 65534 : n * 2);
    us->MaximumLength = us->Length + 2;
}

static HANDLE std_handle_for_fd(int fd)
{
    if (fcntl(fd, F_GETFD) < 0)
        return NULL;
    struct file_object *f = file_object_new(fd, fd ? GENERIC_WRITE : GENERIC_READ, NULL);
    HANDLE h = handle_table_insert(&f->obj, true);
    object_release(&f->obj);
    return h;
}

void process_init_parameters(const char *exe_host_path, int argc, char **argv)
{
    RTL_USER_PROCESS_PARAMETERS *pp = calloc(1, sizeof *pp);
    lv_peb()->ProcessParameters = pp;
    pp->MaximumLength = pp->Length = sizeof *pp;
    char *win_exe = path_host_to_windows(exe_host_path);
    set_ustr(&pp->ImagePathName, utf8_to_wstr(win_exe));
    /* The program's name as the first word, in its Windows form. */
    char **args = malloc((argc + 1) * sizeof *args);
    args[0] = win_exe;
    for (int i = 1; i < argc; i++)
        args[i] = argv[i];
    char *line = g_child.command_line ? strdup(g_child.command_line)
                                      : process_build_command_line(argc, args);
    set_ustr(&pp->CommandLine, utf8_to_wstr(line));
    free(line);
    free(args);
    free(win_exe);
    char cwd[4096];
    if (getcwd(cwd, sizeof cwd)) {
        WCHAR *w = path_host_to_windows_w(cwd);
        set_ustr(&pp->CurrentDirectoryPath, w);
    }
    install_inherited(g_child.inherit);
    pp->StandardInput = std_handle_for_fd(0);
    pp->StandardOutput = std_handle_for_fd(1);
    pp->StandardError = std_handle_for_fd(2);
    environ_init();
    if (g_child.windows_env) {
        free(pp->Environment);
        pp->Environment = block_from_host_environ();
    }
}

/* The parent lvrun learns the full code; the host status keeps 8 bits. */
static void report_exit_code(UINT code)
{
    if (g_child.exit_code_fd >= 0) {
        ssize_t n = write(g_child.exit_code_fd, &code, sizeof code);
        (void)n;
    }
}

void process_abort(int status)
{
    relay_flush_pending();
    if (process_flush_hook)
        process_flush_hook();
    fflush(stderr);
    report_exit_code((UINT)status);
    _exit(status);
}

void process_exit(UINT code)
{
    relay_flush_pending();
    module_detach_all();
    if (process_flush_hook)
        process_flush_hook();
    fflush(stdout);
    fflush(stderr);
    report_exit_code(code);
    /* The host keeps the low 8 bits of the 32-bit Windows exit code. */
    _exit((int)(code & 0xff));
}

void WINAPI ExitProcess(UINT code)
{
    process_exit(code);
}

BOOL WINAPI TerminateProcess(HANDLE process, UINT code)
{
    if (process == CURRENT_PROCESS_HANDLE || process == NULL ||
        GetProcessId(process) == GetCurrentProcessId()) {
        report_exit_code(code);
        process_abort((int)(code & 0xff));
    }
    return process_object_terminate(process, code);
}

HANDLE WINAPI GetCurrentProcess(void)
{
    return CURRENT_PROCESS_HANDLE;
}

HANDLE WINAPI GetCurrentThread(void)
{
    return CURRENT_THREAD_HANDLE;
}

DWORD WINAPI GetCurrentProcessId(void)
{
    return (DWORD)(uintptr_t)lv_teb()->UniqueProcess;
}

DWORD WINAPI GetCurrentThreadId(void)
{
    return (DWORD)(uintptr_t)lv_teb()->UniqueThread;
}

DWORD WINAPI GetProcessId(HANDLE process)
{
    return process_object_pid(process);
}

HANDLE WINAPI GetStdHandle(DWORD which)
{
    RTL_USER_PROCESS_PARAMETERS *pp = lv_peb()->ProcessParameters;
    switch (which) {
    case STD_INPUT_HANDLE: return pp->StandardInput;
    case STD_OUTPUT_HANDLE: return pp->StandardOutput;
    case STD_ERROR_HANDLE: return pp->StandardError;
    }
    SetLastError(ERROR_INVALID_HANDLE);
    return INVALID_HANDLE_VALUE;
}

BOOL WINAPI SetStdHandle(DWORD which, HANDLE h)
{
    RTL_USER_PROCESS_PARAMETERS *pp = lv_peb()->ProcessParameters;
    switch (which) {
    case STD_INPUT_HANDLE: pp->StandardInput = h; return TRUE;
    case STD_OUTPUT_HANDLE: pp->StandardOutput = h; return TRUE;
    case STD_ERROR_HANDLE: pp->StandardError = h; return TRUE;
    }
    SetLastError(ERROR_INVALID_HANDLE);
    return FALSE;
}

#define STARTF_USESTDHANDLES 0x100

static void fill_startup(STARTUPINFOW *si)
{
    RTL_USER_PROCESS_PARAMETERS *pp = lv_peb()->ProcessParameters;
    memset(si, 0, sizeof *si);
    si->cb = sizeof *si;
    si->dwFlags = STARTF_USESTDHANDLES;
    si->wShowWindow = 1;
    si->hStdInput = pp->StandardInput;
    si->hStdOutput = pp->StandardOutput;
    si->hStdError = pp->StandardError;
}

void WINAPI GetStartupInfoW(STARTUPINFOW *si)
{
    fill_startup(si);
}

void WINAPI GetStartupInfoA(STARTUPINFOW *si)
{
    /* The A structure has the same layout with char pointers, all NULL. */
    fill_startup(si);
}
