/* The undecorated names of type_info::name: class, struct, union and
 * enum names (with their namespaces), the basic types, pointers and
 * references to them. Templates and function types are not understood:
 * their names stay decorated. */
#include <stdlib.h>
#include <string.h>
#include "cxx_private.h"

struct out {
    char buf[512];
    size_t len;
    bool bad;
};

static void put(struct out *o, const char *s)
{
    size_t n = strlen(s);
    if (o->len + n >= sizeof o->buf) {
        o->bad = true;
        return;
    }
    memcpy(o->buf + o->len, s, n + 1);
    o->len += n;
}

static const char *basic_type(char c)
{
    switch (c) {
    case 'C': return "signed char";
    case 'D': return "char";
    case 'E': return "unsigned char";
    case 'F': return "short";
    case 'G': return "unsigned short";
    case 'H': return "int";
    case 'I': return "unsigned int";
    case 'J': return "long";
    case 'K': return "unsigned long";
    case 'M': return "float";
    case 'N': return "double";
    case 'O': return "long double";
    case 'X': return "void";
    default: return NULL;
    }
}

static const char *extended_type(char c)
{
    switch (c) {
    case 'J': return "__int64";
    case 'K': return "unsigned __int64";
    case 'N': return "bool";
    case 'W': return "wchar_t";
    case 'S': return "char16_t";
    case 'U': return "char32_t";
    default: return NULL;
    }
}

/* "b@a@@" -> "a::b"; back-references (digits) name earlier parts. */
static const char *qualified_name(const char *s, struct out *o)
{
    const char *part[16];
    size_t len[16];
    int n = 0;
    while (*s && *s != '@') {
        if (*s >= '0' && *s <= '9') {
            int i = *s - '0';
            if (i >= n || n == 16)
                return NULL;
            part[n] = part[i];
            len[n++] = len[i];
            s++;
            continue;
        }
        if (*s == '?' || n == 16)
            return NULL;
        const char *end = strchr(s, '@');
        if (!end)
            return NULL;
        part[n] = s;
        len[n++] = (size_t)(end - s);
        s = end + 1;
    }
    if (*s != '@' || !n)
        return NULL;
    for (int i = n - 1; i >= 0; i--) {
        char piece[256];
        if (len[i] >= sizeof piece)
            return NULL;
        memcpy(piece, part[i], len[i]);
        piece[len[i]] = 0;
        put(o, piece);
        if (i)
            put(o, "::");
    }
    return s + 1;
}

static const char *type(const char *s, struct out *o);

static const char *cv_name(char c)
{
    switch (c) {
    case 'A': return "";
    case 'B': return " const";
    case 'C': return " volatile";
    case 'D': return " const volatile";
    default: return NULL;
    }
}

/* P (pointer), Q (const pointer), R (volatile pointer), S (const
 * volatile), A (reference): "E" marks __ptr64, then the pointee's cv. */
static const char *indirection(const char *s, struct out *o)
{
    static const char *const self_cv[] = { "", " const", " volatile", " const volatile" };
    char kind = *s++;
    bool ptr64 = *s == 'E';
    if (ptr64)
        s++;
    const char *cv = cv_name(*s++);
    if (!cv)
        return NULL;
    s = type(s, o);
    if (!s)
        return NULL;
    put(o, cv);
    put(o, kind == 'A' ? " &" : " *");
    if (ptr64)
        put(o, " __ptr64");
    if (kind != 'A')
        put(o, self_cv[kind - 'P']);
    return s;
}

static const char *type(const char *s, struct out *o)
{
    const char *name;
    switch (*s) {
    case 'V': put(o, "class "); return qualified_name(s + 1, o);
    case 'U': put(o, "struct "); return qualified_name(s + 1, o);
    case 'T': put(o, "union "); return qualified_name(s + 1, o);
    case 'W':
        if (s[1] != '4')
            return NULL;
        put(o, "enum ");
        return qualified_name(s + 2, o);
    case 'P': case 'Q': case 'R': case 'S': case 'A':
        return indirection(s, o);
    case '_':
        name = extended_type(s[1]);
        if (!name)
            return NULL;
        put(o, name);
        return s + 2;
    default:
        name = basic_type(*s);
        if (!name)
            return NULL;
        put(o, name);
        return s + 1;
    }
}

char *cxx_undecorate_type(const char *decorated)
{
    struct out o = { .len = 0 };
    const char *s = decorated;
    if (*s == '.')
        s++;
    if (s[0] == '?' && s[1] == 'A')
        s += 2;
    s = type(s, &o);
    if (!s || *s || o.bad)
        return NULL;
    return strdup(o.buf);
}
