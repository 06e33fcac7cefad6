/* cmd's internal commands: echo, set, exit, cd, type, del, rem; the
 * others are named as unsupported rather than looked for as programs. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "cmd_private.h"
#include "kernel32.spec.h"
#include "lv/wstr.h"

typedef DWORD (*builtin_fn)(const char *args, const struct cmd_io *io, bool *exit_now);

static const char *skip_blanks(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return s;
}

/* An argument with its quotes and trailing blanks removed (malloc). */
static char *plain_arg(const char *s)
{
    s = skip_blanks(s);
    char *out = malloc(strlen(s) + 1), *o = out;
    for (; *s; s++)
        if (*s != '"')
            *o++ = *s;
    while (o > out && (o[-1] == ' ' || o[-1] == '\t'))
        o--;
    *o = 0;
    return out;
}

static DWORD b_echo(const char *args, const struct cmd_io *io, bool *exit_now)
{
    (void)exit_now;
    /* The character after "echo" separates; "echo." prints an empty line. */
    if (!*args || !*skip_blanks(args)) {
        cmd_write(io->h[1], *args && *args != ' ' && *args != '\t' ? "\r\n" : "ECHO is on.\r\n");
        return 0;
    }
    const char *text = args + 1;
    char *word = plain_arg(args);
    bool mode = !strcasecmp(word, "on") || !strcasecmp(word, "off");
    free(word);
    if ((*args == ' ' || *args == '\t') && mode)
        return 0;
    cmd_write(io->h[1], text);
    cmd_write(io->h[1], "\r\n");
    return 0;
}

/* The variables whose names start with prefix, as "NAME=value" lines;
 * how many. */
static int print_variables(const char *prefix, HANDLE out)
{
    WCHAR *block = GetEnvironmentStringsW();
    size_t plen = strlen(prefix);
    int count = 0;
    for (const WCHAR *p = block; *p; p += wstr_len(p) + 1) {
        if (*p == '=')
            continue;
        char *entry = wstr_to_utf8(p);
        if (!strncasecmp(entry, prefix, plen)) {
            cmd_write(out, entry);
            cmd_write(out, "\r\n");
            count++;
        }
        free(entry);
    }
    FreeEnvironmentStringsW(block);
    return count;
}

static DWORD b_set(const char *args, const struct cmd_io *io, bool *exit_now)
{
    (void)exit_now;
    args = skip_blanks(args);
    if (*args == '/') {
        cmd_unsupported(args[1] == 'a' || args[1] == 'A' ? "set /a" : args[1] == 'p' || args[1] == 'P' ? "set /p" : "set with a switch");
        return 1;
    }
    char *spec;
    if (*args == '"') {
        spec = strdup(args + 1);
        char *q = strrchr(spec, '"');
        if (q)
            *q = 0;
    } else {
        spec = strdup(args);
        size_t n = strlen(spec);
        while (n && (spec[n - 1] == ' ' || spec[n - 1] == '\t') && !strchr(spec, '='))
            spec[--n] = 0;
    }
    char *eq = strchr(spec, '=');
    DWORD code = 0;
    if (!eq) {
        if (!print_variables(spec, io->h[1])) {
            cmd_write(io->h[2], "Environment variable ");
            cmd_write(io->h[2], spec);
            cmd_write(io->h[2], " not defined\r\n");
            code = 1;
        }
    } else if (eq == spec) {
        cmd_write(io->h[2], "The syntax of the command is incorrect.\r\n");
        code = 1;
    } else {
        *eq = 0;
        WCHAR *name = utf8_to_wstr(spec);
        WCHAR *value = eq[1] ? utf8_to_wstr(eq + 1) : NULL;
        SetEnvironmentVariableW(name, value);
        free(name);
        free(value);
    }
    free(spec);
    return code;
}

static DWORD b_exit(const char *args, const struct cmd_io *io, bool *exit_now)
{
    (void)io;
    args = skip_blanks(args);
    if (!strncasecmp(args, "/b", 2) && (!args[2] || args[2] == ' ' || args[2] == '\t'))
        args = skip_blanks(args + 2);
    *exit_now = true;
    return (DWORD)strtol(args, NULL, 0);
}

static DWORD b_cd(const char *args, const struct cmd_io *io, bool *exit_now)
{
    (void)exit_now;
    args = skip_blanks(args);
    if (!strncasecmp(args, "/d", 2) && (args[2] == ' ' || args[2] == '\t'))
        args += 2;
    char *dir = plain_arg(args);
    if (!*dir) {
        free(dir);
        WCHAR cwd[32768];
        if (GetCurrentDirectoryW(32768, cwd)) {
            char *s = wstr_to_utf8(cwd);
            cmd_write(io->h[1], s);
            cmd_write(io->h[1], "\r\n");
            free(s);
        }
        return 0;
    }
    WCHAR *w = utf8_to_wstr(dir);
    BOOL ok = SetCurrentDirectoryW(w);
    free(w);
    free(dir);
    if (!ok) {
        cmd_write(io->h[2], "The system cannot find the path specified.\r\n");
        return 1;
    }
    return 0;
}

static DWORD b_type(const char *args, const struct cmd_io *io, bool *exit_now)
{
    (void)exit_now;
    char *name = plain_arg(args);
    WCHAR *w = utf8_to_wstr(name);
    free(name);
    HANDLE f = CreateFileW(w, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, NULL,
                           OPEN_EXISTING, 0, NULL);
    free(w);
    if (f == INVALID_HANDLE_VALUE) {
        cmd_write(io->h[2], "The system cannot find the file specified.\r\n");
        return 1;
    }
    char buf[65536];
    DWORD got, done;
    while (ReadFile(f, buf, sizeof buf, &got, NULL) && got)
        WriteFile(io->h[1], buf, got, &done, NULL);
    CloseHandle(f);
    return 0;
}

static DWORD b_del(const char *args, const struct cmd_io *io, bool *exit_now)
{
    (void)exit_now;
    char *names = plain_arg(args), *save = NULL;
    if (strpbrk(names, "*?/")) {
        free(names);
        cmd_unsupported("del with wildcards or switches");
        return 1;
    }
    for (char *n = strtok_r(names, " \t", &save); n; n = strtok_r(NULL, " \t", &save)) {
        WCHAR *w = utf8_to_wstr(n);
        if (!DeleteFileW(w)) {
            WCHAR full[32768];
            char *s = GetFullPathNameW(w, 32768, full, NULL) ? wstr_to_utf8(full) : strdup(n);
            cmd_write(io->h[2], "Could Not Find ");
            cmd_write(io->h[2], s);
            cmd_write(io->h[2], "\r\n");
            free(s);
        }
        free(w);
    }
    free(names);
    return 0;
}

static DWORD b_rem(const char *args, const struct cmd_io *io, bool *exit_now)
{
    (void)args, (void)io, (void)exit_now;
    return 0;
}

static const struct {
    const char *name;
    builtin_fn fn;
} g_builtins[] = {
    { "echo", b_echo }, { "set", b_set }, { "exit", b_exit }, { "cd", b_cd },
    { "chdir", b_cd }, { "type", b_type }, { "del", b_del }, { "erase", b_del },
    { "rem", b_rem },
};

/* Internal commands of the real cmd that lvrun's does not have: named, so
 * that they are not looked for as programs. */
static const char *const g_unsupported[] = {
    "if", "for", "goto", "call", "setlocal", "endlocal", "pushd", "popd", "start",
    "shift", "dir", "copy", "move", "ren", "rename", "md", "mkdir", "rd", "rmdir",
    "cls", "pause", "title", "color", "prompt", "path", "assoc", "ftype", "date",
    "time", "vol", "verify", "mklink", "break", "ver",
};

/* The length of the command word when text starts with one: letters up
 * to a blank or one of the characters cmd also ends it with. */
static size_t word_length(const char *text)
{
    size_t n = 0;
    while ((text[n] >= 'a' && text[n] <= 'z') || (text[n] >= 'A' && text[n] <= 'Z'))
        n++;
    return n && (!text[n] || strchr(" \t.,;=+/\\(:", text[n])) ? n : 0;
}

bool cmd_builtin(const char *text, const struct cmd_io *io, DWORD *code, bool *exit_now)
{
    size_t n = word_length(text);
    if (!n)
        return false;
    for (size_t i = 0; i < sizeof g_builtins / sizeof g_builtins[0]; i++)
        if (strlen(g_builtins[i].name) == n && !strncasecmp(text, g_builtins[i].name, n)) {
            *code = g_builtins[i].fn(text + n, io, exit_now);
            return true;
        }
    for (size_t i = 0; i < sizeof g_unsupported / sizeof g_unsupported[0]; i++)
        if (strlen(g_unsupported[i]) == n && !strncasecmp(text, g_unsupported[i], n)) {
            cmd_unsupported(g_unsupported[i]);
            *code = 1;
            return true;
        }
    return false;
}
