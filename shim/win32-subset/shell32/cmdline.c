/* CommandLineToArgvW: Windows' splitting of a command line. The first
 * word (the program) ends at the first blank unless quoted, and takes no
 * escapes; the rest follow the backslash-and-quote rules: 2n backslashes
 * before a quote are n backslashes and the quote toggles quoting, 2n+1
 * are n and a literal quote, and "" inside quotes is a literal quote. */
#include <stdlib.h>
#include <string.h>
#include "kernel32.spec.h"
#include "shell32.spec.h"
#include "lv/w32error.h"
#include "lv/wstr.h"

/* Where the words go: counted only when store is NULL. */
struct words {
    WCHAR **argv;
    WCHAR *store;
    size_t used;
    int argc;
};

static void put(struct words *w, WCHAR c)
{
    if (w->store)
        w->store[w->used] = c;
    w->used++;
}

static void begin_word(struct words *w)
{
    if (w->argv)
        w->argv[w->argc] = w->store + w->used;
}

static void end_word(struct words *w)
{
    put(w, 0);
    w->argc++;
}

static const WCHAR *program_word(struct words *w, const WCHAR *p)
{
    begin_word(w);
    if (*p == '"') {
        for (p++; *p && *p != '"'; p++)
            put(w, *p);
        if (*p == '"')
            p++;
    } else {
        for (; *p && *p != ' ' && *p != '\t'; p++)
            put(w, *p);
    }
    end_word(w);
    return p;
}

static const WCHAR *argument_word(struct words *w, const WCHAR *p)
{
    int quoted = 0;
    begin_word(w);
    while (*p && (quoted || (*p != ' ' && *p != '\t'))) {
        size_t bs = 0;
        while (*p == '\\')
            p++, bs++;
        if (*p != '"') {
            while (bs--)
                put(w, '\\');
            if (*p && (quoted || (*p != ' ' && *p != '\t')))
                put(w, *p++);
            continue;
        }
        for (size_t i = 0; i < bs / 2; i++)
            put(w, '\\');
        if (bs % 2) {
            put(w, '"');
            p++;
        } else if (quoted && p[1] == '"') {
            put(w, '"');
            p += 2;
        } else {
            quoted = !quoted;
            p++;
        }
    }
    end_word(w);
    return p;
}

static void split(struct words *w, const WCHAR *p)
{
    p = program_word(w, p);
    for (;;) {
        while (*p == ' ' || *p == '\t')
            p++;
        if (!*p)
            break;
        p = argument_word(w, p);
    }
}

WCHAR **WINAPI CommandLineToArgvW(const WCHAR *cmdline, int *argc)
{
    if (!argc) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    /* An empty line stands for the program's own path, as on Windows. */
    WCHAR exe[MAX_PATH + 1];
    if (!cmdline || !*cmdline) {
        exe[0] = '"';
        DWORD n = GetModuleFileNameW(NULL, exe + 1, MAX_PATH - 1);
        exe[n + 1] = '"';
        exe[n + 2] = 0;
        cmdline = exe;
    }
    struct words count = { 0 };
    split(&count, cmdline);
    /* One block that LocalFree releases: the pointers, then the strings. */
    WCHAR **argv = LocalAlloc(0, (count.argc + 1) * sizeof(WCHAR *) + count.used * sizeof(WCHAR));
    if (!argv) {
        SetLastError(ERROR_NOT_ENOUGH_MEMORY);
        return NULL;
    }
    struct words fill = { argv, (WCHAR *)(argv + count.argc + 1), 0, 0 };
    split(&fill, cmdline);
    argv[fill.argc] = NULL;
    *argc = fill.argc;
    return argv;
}
