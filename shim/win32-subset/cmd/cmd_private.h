/* lvrun's builtin cmd.exe: one command line (/c), parsed into pipelines
 * joined by &, && and ||, run with the Win32 API as cmd runs them. */
#ifndef CMD_PRIVATE_H
#define CMD_PRIVATE_H

#include <stdbool.h>
#include "lv/windef.h"

#define CMD_MAX_REDIRS 8
#define CMD_NOT_FOUND 9009

enum redir_kind { REDIR_IN, REDIR_OUT, REDIR_APPEND, REDIR_DUP };

struct redir {
    int fd;               /* 0, 1 or 2 */
    enum redir_kind kind;
    int dup_fd;           /* REDIR_DUP: n>&dup_fd */
    char *target;         /* the file, for the others */
};

/* One simple command: its text without the redirections, as cmd keeps it
 * (echo prints it as written, blanks included). */
struct command {
    char *text;
    struct redir redirs[CMD_MAX_REDIRS];
    int redir_count;
};

enum join { JOIN_ALWAYS, JOIN_AND, JOIN_OR };

struct pipeline {
    struct command *cmds;
    int count;
    enum join join;       /* how it follows the previous one */
};

struct cmd_line {
    struct pipeline *items;
    int count;
};

/* The standard handles of the command being run. */
struct cmd_io {
    HANDLE h[3];
};

/* Parse an expanded line; false with *error set (malloc) on a syntax
 * error or a construct lvrun's cmd does not support. */
bool cmd_parse(const char *line, struct cmd_line *out, char **error);
void cmd_line_free(struct cmd_line *line);

/* %NAME% replaced by the variable's value (undefined ones stay as they
 * are, as on a command line). */
char *cmd_expand(const char *line, DWORD errorlevel);

/* Run a builtin when text names one: true and *code set. *exit_now when
 * it was "exit". An unsupported builtin sets *code to 1 after saying so. */
bool cmd_builtin(const char *text, const struct cmd_io *io, DWORD *code, bool *exit_now);

void cmd_write(HANDLE h, const char *s);
void cmd_unsupported(const char *what);

/* Run a parsed line; the errorlevel of the last command. */
DWORD cmd_execute(const struct cmd_line *line, bool *exit_now);

#endif
