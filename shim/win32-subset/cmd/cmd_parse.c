/* cmd's command-line grammar: quotes, ^ escapes, redirections, and the
 * operators |, &, && and ||. Parenthesised blocks are not supported. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cmd_private.h"

struct buf {
    char *s;
    size_t len, size;
};

static void put(struct buf *b, char c)
{
    if (b->len + 2 > b->size) {
        b->size = b->size ? b->size * 2 : 64;
        b->s = realloc(b->s, b->size);
    }
    b->s[b->len++] = c;
    b->s[b->len] = 0;
}

static char *message(const char *fmt, const char *arg)
{
    size_t n = strlen(fmt) + strlen(arg) + 1;
    char *m = malloc(n);
    snprintf(m, n, fmt, arg);
    return m;
}

static bool is_operator(char c)
{
    return c == '&' || c == '|' || c == '<' || c == '>';
}

/* A redirection's target: a word, quotes kept out. */
static const char *read_target(const char *p, char **target)
{
    struct buf b = { 0 };
    while (*p == ' ' || *p == '\t')
        p++;
    bool quoted = false;
    for (; *p; p++) {
        if (*p == '"') {
            quoted = !quoted;
            continue;
        }
        if (!quoted && (*p == ' ' || *p == '\t' || is_operator(*p)))
            break;
        put(&b, *p);
    }
    *target = b.s;
    return p;
}

/* One redirection at p (after an optional handle digit); NULL on error. */
static const char *read_redir(const char *p, int fd, struct command *c, char **error)
{
    if (c->redir_count == CMD_MAX_REDIRS) {
        *error = message("cmd: unsupported construct: more than %s redirections", "8");
        return NULL;
    }
    struct redir *r = &c->redirs[c->redir_count];
    if (*p == '<') {
        r->fd = fd < 0 ? 0 : fd;
        r->kind = REDIR_IN;
        p++;
    } else {
        r->fd = fd < 0 ? 1 : fd;
        r->kind = REDIR_OUT;
        p++;
        if (*p == '>') {
            r->kind = REDIR_APPEND;
            p++;
        }
    }
    if (r->fd > 2) {
        *error = message("cmd: unsupported construct: handle %s redirection", "3-9");
        return NULL;
    }
    if (*p == '&' && p[1] >= '0' && p[1] <= '2') {
        r->kind = REDIR_DUP;
        r->dup_fd = p[1] - '0';
        r->target = NULL;
        c->redir_count++;
        return p + 2;
    }
    p = read_target(p, &r->target);
    if (!r->target) {
        *error = strdup("The syntax of the command is incorrect.");
        return NULL;
    }
    c->redir_count++;
    return p;
}

/* One simple command, up to an operator that ends it. */
static const char *read_command(const char *p, struct command *c, char **error)
{
    struct buf b = { 0 };
    bool quoted = false;
    memset(c, 0, sizeof *c);
    while (*p == ' ' || *p == '\t')
        p++;
    if (*p == '(') {
        *error = strdup("cmd: unsupported construct: ( ) blocks");
        return NULL;
    }
    while (*p) {
        char ch = *p;
        if (ch == '"') {
            quoted = !quoted;
            put(&b, ch);
            p++;
            continue;
        }
        if (quoted) {
            put(&b, ch);
            p++;
            continue;
        }
        if (ch == '^') {
            if (p[1])
                put(&b, p[1]);
            p += p[1] ? 2 : 1;
            continue;
        }
        if (ch == '&' || ch == '|')
            break;
        bool handle_digit = ch >= '0' && ch <= '9' && (p[1] == '>' || p[1] == '<') &&
                            (b.len == 0 || b.s[b.len - 1] == ' ' || b.s[b.len - 1] == '\t');
        if (handle_digit || ch == '<' || ch == '>') {
            p = read_redir(handle_digit ? p + 1 : p, handle_digit ? ch - '0' : -1, c, error);
            if (!p) {
                free(b.s);
                return NULL;
            }
            continue;
        }
        put(&b, ch);
        p++;
    }
    c->text = b.s ? b.s : strdup("");
    return p;
}

static bool blank(const char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    return !*s;
}

bool cmd_parse(const char *line, struct cmd_line *out, char **error)
{
    memset(out, 0, sizeof *out);
    const char *p = line;
    enum join join = JOIN_ALWAYS;
    *error = NULL;
    for (;;) {
        struct pipeline pl = { NULL, 0, join };
        for (;;) {
            struct command c;
            p = read_command(p, &c, error);
            if (!p) {
                free(pl.cmds);
                cmd_line_free(out);
                return false;
            }
            bool empty = blank(c.text) && c.redir_count == 0;
            if (empty && (*p || pl.count || join != JOIN_ALWAYS)) {
                free(c.text);
                free(pl.cmds);
                cmd_line_free(out);
                char op[3] = { *p ? *p : '&', *p && p[1] == *p ? *p : 0, 0 };
                *error = message("%s was unexpected at this time.", op);
                return false;
            }
            if (empty) {
                free(c.text);
                break;
            }
            pl.cmds = realloc(pl.cmds, (pl.count + 1) * sizeof *pl.cmds);
            pl.cmds[pl.count++] = c;
            if (*p == '|' && p[1] != '|') {
                p++;
                continue;
            }
            break;
        }
        if (pl.count) {
            out->items = realloc(out->items, (out->count + 1) * sizeof *out->items);
            out->items[out->count++] = pl;
        }
        if (!*p)
            return true;
        if (p[0] == '&' && p[1] == '&')
            join = JOIN_AND, p += 2;
        else if (p[0] == '|' && p[1] == '|')
            join = JOIN_OR, p += 2;
        else
            join = JOIN_ALWAYS, p++;
    }
}

void cmd_line_free(struct cmd_line *line)
{
    for (int i = 0; i < line->count; i++) {
        struct pipeline *pl = &line->items[i];
        for (int j = 0; j < pl->count; j++) {
            free(pl->cmds[j].text);
            for (int k = 0; k < pl->cmds[j].redir_count; k++)
                free(pl->cmds[j].redirs[k].target);
        }
        free(pl->cmds);
    }
    free(line->items);
    line->items = NULL;
    line->count = 0;
}
