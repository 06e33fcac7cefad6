/* `lvrun reg export FILE [KEY]` and `lvrun reg import FILE`.
 *
 * Export writes what regedit writes: "Windows Registry Editor Version
 * 5.00", UTF-16LE with a byte-order mark, CRLF line ends. Strings that
 * cannot be written as "..." (no terminator, line breaks, embedded nulls)
 * are written as hex(1). Import reads that, the same text in UTF-8 (with or
 * without a byte-order mark) and REGEDIT4 files (ANSI, which is UTF-8 in
 * lvrun), with [-KEY] and "name"=- deletions. An import is one transaction:
 * all of the file or nothing. FILE "-" is standard output or input. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lv/registry.h"
#include "lv/wstr.h"
#include "reg_cli.h"

#define HEADER5 "Windows Registry Editor Version 5.00"
#define HEADER4 "REGEDIT4"
#define HEX_WIDTH 76

static int usage(void)
{
    fprintf(stderr, "Usage: lvrun reg export FILE [KEY]\n"
                    "       lvrun reg import FILE\n");
    return 2;
}

static int fail(const char *what, DWORD err)
{
    if (err == ERROR_FILE_NOT_FOUND)
        fprintf(stderr, "lvrun: reg: %s: no such key\n", what);
    else if (err == ERROR_BAD_PATHNAME)
        fprintf(stderr, "lvrun: reg: %s: not under a root key (HKEY_LOCAL_MACHINE, HKLM, ...)\n",
                what);
    else
        fprintf(stderr, "lvrun: reg: %s: error %u\n", what, err);
    return 1;
}

/* Export. */

static void put_escaped(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '\\' || *s == '"')
            fputc('\\', out);
        fputc(*s, out);
    }
    fputc('"', out);
}

/* A REG_SZ regedit writes as "...": terminated, nothing that breaks the
 * line or the string. */
static char *plain_string(const struct reg_value *v)
{
    const WCHAR *w = v->data;
    size_t units = v->size / sizeof(WCHAR);
    if (v->type != REG_SZ || v->size % sizeof(WCHAR) || !units || w[units - 1])
        return NULL;
    for (size_t i = 0; i + 1 < units; i++)
        if (!w[i] || w[i] == '\r' || w[i] == '\n')
            return NULL;
    return wstr_to_utf8(w);
}

static void put_value(FILE *out, const struct reg_value *v)
{
    size_t col;
    if (*v->name) {
        put_escaped(out, v->name);
        col = strlen(v->name) + 3;
    } else {
        fputc('@', out);
        col = 2;
    }
    fputc('=', out);
    char *s = plain_string(v);
    if (s) {
        put_escaped(out, s);
        fputs("\r\n", out);
        free(s);
        return;
    }
    if (v->type == REG_DWORD && v->size == 4) {
        DWORD d;
        memcpy(&d, v->data, 4);
        fprintf(out, "dword:%08x\r\n", d);
        return;
    }
    col += v->type == REG_BINARY ? fprintf(out, "hex:") : fprintf(out, "hex(%x):", v->type);
    const unsigned char *p = v->data;
    for (size_t i = 0; i < v->size; i++) {
        col += fprintf(out, "%02x", p[i]);
        if (i + 1 < v->size) {
            fputc(',', out);
            col++;
            if (col >= HEX_WIDTH) {
                fputs("\\\r\n  ", out);
                col = 2;
            }
        }
    }
    fputs("\r\n", out);
}

static DWORD export_key(FILE *out, reg_id key)
{
    char *path;
    DWORD err = reg_key_path(key, &path);
    if (err)
        return err;
    fprintf(out, "\r\n[%s]\r\n", path);
    free(path);
    struct reg_value v;
    for (DWORD i = 0; !(err = reg_value_enum(key, i, &v)); i++) {
        put_value(out, &v);
        reg_value_free(&v);
    }
    if (err != ERROR_NO_MORE_ITEMS)
        return err;
    char *name;
    reg_id sub;
    for (DWORD i = 0; !(err = reg_key_enum(key, i, &name, &sub)); i++) {
        free(name);
        if ((err = export_key(out, sub)))
            return err;
    }
    return err == ERROR_NO_MORE_ITEMS ? ERROR_SUCCESS : err;
}

static bool write_utf16(const char *file, const char *text, size_t len)
{
    FILE *f = strcmp(file, "-") ? fopen(file, "wb") : stdout;
    if (!f)
        return false;
    size_t units = utf8_to_utf16(text, len, NULL, 0, NULL);
    WCHAR *w = malloc((units + 1) * sizeof *w);
    utf8_to_utf16(text, len, w, units, NULL);
    bool ok = fwrite("\xff\xfe", 1, 2, f) == 2 &&
              fwrite(w, sizeof *w, units, f) == units;
    free(w);
    ok &= f == stdout ? fflush(f) == 0 : fclose(f) == 0;
    return ok;
}

static int reg_export(const char *file, const char *keyname)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    fputs(HEADER5 "\r\n", out);
    DWORD err = reg_begin(false);
    if (err) {
        fclose(out);
        free(text);
        return fail("cannot open the registry", err);
    }
    static const char *const roots[] = { "HKEY_LOCAL_MACHINE", "HKEY_USERS", "HKEY_CURRENT_USER" };
    for (size_t i = 0; i < 3 && !err; i++) {
        if (keyname && i)
            break;
        reg_id key;
        err = reg_key_by_name(keyname ? keyname : roots[i], false, &key);
        if (!err)
            err = export_key(out, key);
    }
    reg_end(ERROR_SUCCESS);
    fputs("\r\n", out);
    fclose(out);
    int status = 0;
    if (err)
        status = fail(keyname ? keyname : "export", err);
    else if (!write_utf16(file, text, len)) {
        fprintf(stderr, "lvrun: reg: %s: %s\n", file, strerror(errno));
        status = 1;
    }
    free(text);
    return status;
}

/* Import. */

static char *read_text(const char *file)
{
    FILE *f = strcmp(file, "-") ? fopen(file, "rb") : stdin;
    if (!f)
        return NULL;
    char *data = NULL;
    size_t len = 0, cap = 0, n;
    do {
        if (cap - len < 65536)
            data = realloc(data, cap = cap * 2 + 65536);
        n = fread(data + len, 1, cap - len - 2, f);
        len += n;
    } while (n);
    if (f != stdin)
        fclose(f);
    data[len] = data[len + 1] = 0;
    if (len >= 2 && (unsigned char)data[0] == 0xff && (unsigned char)data[1] == 0xfe) {
        size_t units = (len - 2) / 2;
        WCHAR *w = calloc(units + 1, sizeof *w);
        memcpy(w, data + 2, units * 2);
        free(data);
        char *u = wstr_to_utf8(w);
        free(w);
        return u;
    }
    if (len >= 3 && !memcmp(data, "\xef\xbb\xbf", 3))
        memmove(data, data + 3, len - 2);
    return data;
}

struct parser {
    char *p;        /* the rest of the text */
    int line;       /* of the logical line read last */
    bool regedit4;  /* string data of hex(1)/(2)/(7) in ANSI, not UTF-16 */
    reg_id key;     /* the key of the section; 0 after [-KEY] */
};

/* The next physical line, without its line end and trailing blanks. */
static char *raw_line(struct parser *ps)
{
    if (!*ps->p)
        return NULL;
    ps->line++;
    char *start = ps->p, *end = strchr(ps->p, '\n');
    ps->p = end ? end + 1 : ps->p + strlen(ps->p);
    if (end)
        *end = 0;
    size_t n = strlen(start);
    while (n && (start[n - 1] == '\r' || start[n - 1] == ' ' || start[n - 1] == '\t'))
        start[--n] = 0;
    return start;
}

/* The next logical line: a hex value ending in "\" goes on in the next.
 * The joined text is written back over the first line: it is never longer
 * than the lines it comes from. */
static char *next_line(struct parser *ps)
{
    char *line = raw_line(ps);
    if (!line)
        return NULL;
    if (!strchr(line, '=') || !strstr(line, "hex"))
        return line;
    size_t n = strlen(line);
    char *more;
    while (n && line[n - 1] == '\\' && (more = raw_line(ps))) {
        while (*more == ' ' || *more == '\t')
            more++;
        memmove(line + n - 1, more, strlen(more) + 1);
        n = strlen(line);
    }
    return line;
}

/* A "..." string at *s with \\ and \" escapes; NULL when unterminated. */
static char *parse_quoted(char **s)
{
    char *in = *s + 1, *out = malloc(strlen(in) + 1), *o = out;
    for (; *in && *in != '"'; in++) {
        if (*in == '\\' && in[1]) {
            in++;
            *o++ = *in == 'n' ? '\n' : *in == '0' ? '\0' : *in;
        } else {
            *o++ = *in;
        }
    }
    if (*in != '"') {
        free(out);
        return NULL;
    }
    *o = 0;
    *s = in + 1;
    return out;
}

static bool parse_hex(const char *s, unsigned char **data, size_t *size)
{
    *data = malloc(strlen(s) / 2 + 1);
    *size = 0;
    while (*s) {
        while (*s == ' ' || *s == ',')
            s++;
        if (!*s)
            break;
        char *end;
        unsigned long b = strtoul(s, &end, 16);
        if (end == s || end - s > 2 || b > 0xff) {
            free(*data);
            return false;
        }
        (*data)[(*size)++] = (unsigned char)b;
        s = end;
    }
    return true;
}

static DWORD import_value(struct parser *ps, char *line)
{
    char *name, *s = line;
    if (*s == '@') {
        name = strdup("");
        s++;
    } else if (!(name = parse_quoted(&s))) {
        return ERROR_INVALID_DATA;
    }
    while (*s == ' ')
        s++;
    DWORD err = ERROR_INVALID_DATA;
    if (*s++ != '=' || !ps->key) {
        free(name);
        return ps->key ? ERROR_INVALID_DATA : ERROR_SUCCESS;
    }
    while (*s == ' ')
        s++;
    if (!strcmp(s, "-")) {
        err = reg_value_delete(ps->key, name);
        if (err == ERROR_FILE_NOT_FOUND)
            err = ERROR_SUCCESS;
    } else if (*s == '"') {
        char *text = parse_quoted(&s);
        if (text)
            err = reg_value_set_string(ps->key, name, REG_SZ, text);
        free(text);
    } else if (!strncasecmp(s, "dword:", 6)) {
        char *end;
        unsigned long d = strtoul(s + 6, &end, 16);
        DWORD v = (DWORD)d;
        if (end != s + 6 && !*end && d <= 0xffffffffUL)
            err = reg_value_set(ps->key, name, REG_DWORD, &v, sizeof v);
    } else if (!strncasecmp(s, "hex", 3)) {
        DWORD type = REG_BINARY;
        char *p = s + 3, *end = p;
        if (*p == '(') {
            type = (DWORD)strtoul(p + 1, &end, 16);
            end = *end == ')' ? end + 1 : p;
        }
        unsigned char *data;
        size_t size;
        if (*end == ':' && parse_hex(end + 1, &data, &size)) {
            if (ps->regedit4 && (type == REG_SZ || type == REG_EXPAND_SZ || type == REG_MULTI_SZ)) {
                WCHAR *w = malloc((size + 1) * sizeof *w);
                size_t units = utf8_to_utf16((const char *)data, size, w, size + 1, NULL);
                err = reg_value_set(ps->key, name, type, w, units * sizeof *w);
                free(w);
            } else {
                err = reg_value_set(ps->key, name, type, data, size);
            }
            free(data);
        }
    }
    free(name);
    return err;
}

static DWORD import_section(struct parser *ps, char *line)
{
    size_t n = strlen(line);
    if (n < 3 || line[n - 1] != ']')
        return ERROR_INVALID_DATA;
    line[n - 1] = 0;
    if (line[1] == '-') {
        reg_id key;
        ps->key = 0;
        DWORD err = reg_key_by_name(line + 2, false, &key);
        if (err == ERROR_FILE_NOT_FOUND)
            return ERROR_SUCCESS;
        return err ? err : reg_key_delete_tree(key, true);
    }
    return reg_key_by_name(line + 1, true, &ps->key);
}

static int reg_import(const char *file)
{
    char *text = read_text(file);
    if (!text) {
        fprintf(stderr, "lvrun: reg: %s: %s\n", file, strerror(errno));
        return 1;
    }
    struct parser ps = { text, 0, false, 0 };
    char *line = next_line(&ps);
    if (!line || (strcmp(line, HEADER5) && strcmp(line, HEADER4))) {
        fprintf(stderr, "lvrun: reg: %s: not a .reg file (no \"%s\" or \"%s\" line)\n",
                file, HEADER5, HEADER4);
        free(text);
        return 1;
    }
    ps.regedit4 = !strcmp(line, HEADER4);
    DWORD err = reg_begin(true);
    if (err) {
        free(text);
        return fail("cannot open the registry", err);
    }
    while (!err && (line = next_line(&ps))) {
        while (*line == ' ' || *line == '\t')
            line++;
        if (!*line || *line == ';')
            continue;
        err = *line == '[' ? import_section(&ps, line) : import_value(&ps, line);
    }
    err = reg_end(err);
    int status = 0;
    if (err) {
        fprintf(stderr, "lvrun: reg: %s:%d: %s (error %u); nothing imported\n", file, ps.line,
                err == ERROR_INVALID_DATA ? "cannot read this line" : "cannot apply this line",
                err);
        status = 1;
    }
    free(text);
    return status;
}

int reg_cli_main(int argc, char **argv)
{
    if (argc == 3 && !strcmp(argv[1], "import"))
        return reg_import(argv[2]);
    if ((argc == 3 || argc == 4) && !strcmp(argv[1], "export"))
        return reg_export(argv[2], argc == 4 ? argv[3] : NULL);
    return usage();
}
