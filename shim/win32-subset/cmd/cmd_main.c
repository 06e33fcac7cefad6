/* cmd.exe's start: the switches before /c, the command line after it,
 * %VAR% expansion, then the run. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "cmd_private.h"
#include "kernel32.spec.h"
#include "lv/cmd.h"
#include "lv/wstr.h"

void cmd_write(HANDLE h, const char *s)
{
    DWORD done;
    WriteFile(h, s, (DWORD)strlen(s), &done, NULL);
}

void cmd_unsupported(const char *what)
{
    HANDLE err = GetStdHandle(STD_ERROR_HANDLE);
    cmd_write(err, "cmd: unsupported construct: ");
    cmd_write(err, what);
    cmd_write(err, "\r\n");
}

static char *variable(const char *name, size_t len, DWORD errorlevel)
{
    char *n = strndup(name, len);
    WCHAR *w = utf8_to_wstr(n);
    DWORD size = GetEnvironmentVariableW(w, NULL, 0);
    char *value = NULL;
    if (size) {
        WCHAR *v = malloc(size * sizeof(WCHAR));
        GetEnvironmentVariableW(w, v, size);
        value = wstr_to_utf8(v);
        free(v);
    } else if (!strcasecmp(n, "ERRORLEVEL")) {
        value = malloc(16);
        snprintf(value, 16, "%lu", (unsigned long)errorlevel);
    } else if (!strcasecmp(n, "CD")) {
        WCHAR cwd[32768];
        if (GetCurrentDirectoryW(32768, cwd))
            value = wstr_to_utf8(cwd);
    }
    free(w);
    free(n);
    return value;
}

char *cmd_expand(const char *line, DWORD errorlevel)
{
    size_t size = strlen(line) + 1, len = 0;
    char *out = malloc(size);
    for (const char *p = line; *p;) {
        const char *end = *p == '%' ? strchr(p + 1, '%') : NULL;
        char *value = end && end > p + 1 ? variable(p + 1, end - p - 1, errorlevel) : NULL;
        const char *piece = value ? value : p;
        size_t n = value ? strlen(value) : 1;
        if (len + n + 1 > size)
            out = realloc(out, size = (len + n) * 2 + 1);
        memcpy(out + len, piece, n);
        len += n;
        p = value ? end + 1 : p + 1;
        free(value);
    }
    out[len] = 0;
    return out;
}

static bool names_file(const char *path)
{
    WCHAR *w = utf8_to_wstr(path);
    DWORD attr = GetFileAttributesW(w);
    free(w);
    return attr != INVALID_FILE_ATTRIBUTES && !(attr & FILE_ATTRIBUTE_DIRECTORY);
}

/* Between the quotes: a blank, no special character, and the name of a
 * program. */
static bool quoted_program(const char *start, const char *end)
{
    bool has_blank = false;
    for (const char *p = start; p < end; p++) {
        if (strchr("&<>()@^|", *p))
            return false;
        has_blank |= *p == ' ' || *p == '\t';
    }
    if (!has_blank)
        return false;
    char *name = strndup(start, end - start);
    bool found = names_file(name);
    if (!found) {
        char *exe = malloc(strlen(name) + 5);
        sprintf(exe, "%s.exe", name);
        found = names_file(exe);
        free(exe);
    }
    free(name);
    return found;
}

/* The text after cmd's own name and switches; NULL without /c or /k.
 * Without /s, a line that starts with a quote and holds exactly two
 * around a program's name with a blank in it keeps them; any other line
 * starting with a quote loses its first and its last quote, as cmd does. */
static char *command_text(const char *line, bool *keep_open)
{
    const char *p = line;
    if (*p == '"') {
        p = strchr(p + 1, '"');
        p = p ? p + 1 : line + strlen(line);
    } else {
        while (*p && *p != ' ' && *p != '\t' && *p != '/')
            p++;
    }
    bool strip_s = false;
    for (;;) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p != '/')
            return NULL;
        char sw = p[1];
        if (sw == 'c' || sw == 'C' || sw == 'k' || sw == 'K') {
            *keep_open = sw == 'k' || sw == 'K';
            p += 2;
            break;
        }
        strip_s |= sw == 's' || sw == 'S';
        p++;
        while (*p && *p != ' ' && *p != '\t' && *p != '/')
            p++;
    }
    while (*p == ' ' || *p == '\t')
        p++;
    char *text = strdup(p);
    char *last = strrchr(text, '"');
    if (*text != '"' || last == text)
        return text;
    if (!strip_s && strchr(text + 1, '"') == last && quoted_program(text + 1, last))
        return text;
    memmove(last, last + 1, strlen(last));
    memmove(text, text + 1, strlen(text));
    return text;
}

UINT cmd_run(void)
{
    char *line = wstr_to_utf8(GetCommandLineW());
    bool keep_open = false;
    char *text = command_text(line, &keep_open);
    free(line);
    if (!text) {
        cmd_unsupported("an interactive session (lvrun's cmd runs one command line, "
                        "given with /c)");
        return 1;
    }
    /* /k would keep an interactive session after the command: lvrun's cmd
     * runs the command and ends, as with /c. */
    (void)keep_open;
    char *expanded = cmd_expand(text, 0);
    free(text);
    struct cmd_line parsed;
    char *error;
    DWORD code;
    if (!cmd_parse(expanded, &parsed, &error)) {
        HANDLE err = GetStdHandle(STD_ERROR_HANDLE);
        cmd_write(err, error);
        cmd_write(err, "\r\n");
        /* cmd's syntax errors set 255; what lvrun's cmd lacks, 1. */
        code = strncmp(error, "cmd:", 4) ? 255 : 1;
        free(error);
    } else {
        bool exit_now = false;
        code = cmd_execute(&parsed, &exit_now);
        cmd_line_free(&parsed);
    }
    free(expanded);
    return code;
}
