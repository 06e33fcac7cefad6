/* Running a parsed line: redirections opened as handles, builtins run
 * here, programs started with CreateProcessW and waited for, pipelines
 * connected with anonymous pipes. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "cmd_private.h"
#include "kernel32.spec.h"
#include "lv/wait.h"
#include "lv/winerror.h"
#include "lv/wstr.h"

struct opened {
    HANDLE h[CMD_MAX_REDIRS + 2];
    int count;
};

static void close_opened(struct opened *o)
{
    for (int i = 0; i < o->count; i++)
        CloseHandle(o->h[i]);
    o->count = 0;
}

static HANDLE open_target(const struct redir *r)
{
    WCHAR *w = utf8_to_wstr(r->target);
    DWORD access = r->kind == REDIR_IN ? GENERIC_READ : GENERIC_WRITE;
    DWORD disposition = r->kind == REDIR_IN ? OPEN_EXISTING
                      : r->kind == REDIR_APPEND ? OPEN_ALWAYS : CREATE_ALWAYS;
    HANDLE h = CreateFileW(w, access, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                           disposition, 0, NULL);
    free(w);
    if (h != INVALID_HANDLE_VALUE && r->kind == REDIR_APPEND)
        SetFilePointer(h, 0, NULL, FILE_END);
    return h;
}

/* Apply c's redirections to io, left to right as cmd does. */
static bool redirect(const struct command *c, struct cmd_io *io, struct opened *o)
{
    for (int i = 0; i < c->redir_count; i++) {
        const struct redir *r = &c->redirs[i];
        if (r->kind == REDIR_DUP) {
            io->h[r->fd] = io->h[r->dup_fd];
            continue;
        }
        HANDLE h = open_target(r);
        if (h == INVALID_HANDLE_VALUE) {
            cmd_write(io->h[2], r->kind == REDIR_IN ? "The system cannot find the file specified.\r\n"
                                                    : "The system cannot find the path specified.\r\n");
            return false;
        }
        o->h[o->count++] = h;
        io->h[r->fd] = h;
    }
    return true;
}

static const char *skip_blanks(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '@')
        s++;
    return s;
}

/* The program's name: the first word, quotes removed. */
static char *program_name(const char *text)
{
    const char *end;
    if (*text == '"') {
        text++;
        end = strchr(text, '"');
        if (!end)
            end = text + strlen(text);
    } else {
        end = text + strcspn(text, " \t");
    }
    return strndup(text, end - text);
}

static void not_recognized(const char *name, HANDLE err)
{
    cmd_write(err, "'");
    cmd_write(err, name);
    cmd_write(err, "' is not recognized as an internal or external command,\r\n"
                   "operable program or batch file.\r\n");
}

/* Start a program with io as its standard handles; NULL and *code set
 * when it cannot start. */
static HANDLE start_program(const char *text, const struct cmd_io *io, DWORD *code)
{
    char *name = program_name(text);
    size_t n = strlen(name);
    if (n > 4 && (!strcasecmp(name + n - 4, ".bat") || !strcasecmp(name + n - 4, ".cmd"))) {
        cmd_unsupported("a batch file (lvrun's cmd runs one command line; batch files "
                        "are not supported)");
        free(name);
        *code = 1;
        return NULL;
    }
    STARTUPINFOW si = { .cb = sizeof si, .dwFlags = 0x100 /* STARTF_USESTDHANDLES */ };
    si.hStdInput = io->h[0];
    si.hStdOutput = io->h[1];
    si.hStdError = io->h[2];
    PROCESS_INFORMATION pi;
    WCHAR *line = utf8_to_wstr(text);
    /* The standard handles go through STARTUPINFO; nothing else of ours is
     * inherited, so that a pipe's other end never stays open in a child. */
    BOOL ok = CreateProcessW(NULL, line, NULL, NULL, FALSE, 0, NULL, NULL, &si, &pi);
    free(line);
    if (!ok) {
        DWORD err = GetLastError();
        if (err == ERROR_FILE_NOT_FOUND || err == ERROR_PATH_NOT_FOUND) {
            not_recognized(name, io->h[2]);
            *code = CMD_NOT_FOUND;
        } else {
            cmd_write(io->h[2], "The system cannot execute the specified program.\r\n");
            *code = 1;
        }
        free(name);
        return NULL;
    }
    free(name);
    CloseHandle(pi.hThread);
    return pi.hProcess;
}

static DWORD wait_program(HANDLE process)
{
    DWORD code = 1;
    WaitForSingleObject(process, INFINITE);
    GetExitCodeProcess(process, &code);
    CloseHandle(process);
    return code;
}

/* One command of a pipeline; a started program's handle in *process (to
 * wait for), else its code. */
static DWORD run_command(const struct command *c, struct cmd_io io, HANDLE *process,
                         bool *exit_now)
{
    struct opened o = { .count = 0 };
    DWORD code = 0;
    *process = NULL;
    if (!redirect(c, &io, &o)) {
        close_opened(&o);
        return 1;
    }
    const char *text = skip_blanks(c->text);
    if (*text && !cmd_builtin(text, &io, &code, exit_now))
        *process = start_program(text, &io, &code);
    close_opened(&o);
    return code;
}

/* The commands of a pipeline run together, each reading what the one
 * before it writes; they start from the last, so that every writer has
 * its reader running. The pipeline's code is the last command's. */
static DWORD run_pipeline(const struct pipeline *pl, bool *exit_now)
{
    struct cmd_io base = { {
        GetStdHandle(STD_INPUT_HANDLE), GetStdHandle(STD_OUTPUT_HANDLE),
        GetStdHandle(STD_ERROR_HANDLE),
    } };
    enum { MAX = 64 };
    HANDLE processes[MAX], reads[MAX], writes[MAX];
    DWORD codes[MAX];
    int count = pl->count < MAX ? pl->count : MAX;
    for (int i = 0; i + 1 < count; i++)
        if (!CreatePipe(&reads[i], &writes[i], NULL, 0))
            reads[i] = writes[i] = NULL;
    for (int i = count - 1; i >= 0; i--) {
        struct cmd_io io = base;
        if (i > 0 && reads[i - 1])
            io.h[0] = reads[i - 1];
        if (i + 1 < count && writes[i])
            io.h[1] = writes[i];
        codes[i] = run_command(&pl->cmds[i], io, &processes[i], exit_now);
        if (i + 1 < count && writes[i])
            CloseHandle(writes[i]);
        if (i > 0 && reads[i - 1])
            CloseHandle(reads[i - 1]);
    }
    for (int i = 0; i < count; i++)
        if (processes[i])
            codes[i] = wait_program(processes[i]);
    return codes[count - 1];
}

DWORD cmd_execute(const struct cmd_line *line, bool *exit_now)
{
    DWORD code = 0;
    for (int i = 0; i < line->count && !*exit_now; i++) {
        const struct pipeline *pl = &line->items[i];
        if ((pl->join == JOIN_AND && code != 0) || (pl->join == JOIN_OR && code == 0))
            continue;
        code = run_pipeline(pl, exit_now);
    }
    return code;
}
