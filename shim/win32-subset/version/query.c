/* VerQueryValue: a path of keys ("\\StringFileInfo\\040904b0\\FileVersion")
 * through the tree of a version block. Each node is wLength, wValueLength,
 * wType, a NUL-terminated UTF-16 key, then its value and its children,
 * each 32-bit aligned from the start of the block. Every node is checked
 * to lie inside its parent. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include "version.spec.h"
#include "kernel32.spec.h"
#include "kernel32_private.h"
#include "lv/w32error.h"
#include "lv/wstr.h"

#define VI_TEXT 1
#define CP_ACP 0

struct vi_node {
    size_t start, end;        /* offsets from the block */
    uint16_t value_length;    /* characters for text, else bytes */
    uint16_t type;
    size_t value, value_size; /* offset and bytes */
    size_t children;
};

static uint16_t load16(const uint8_t *p)
{
    uint16_t v;
    memcpy(&v, p, 2);
    return v;
}

/* The node at offset at, which must end by limit. */
static bool node_at(const uint8_t *block, size_t at, size_t limit, struct vi_node *n)
{
    if (at + 6 > limit)
        return false;
    uint16_t length = load16(block + at);
    if (length < 6 || at + length > limit)
        return false;
    n->start = at;
    n->end = at + length;
    n->value_length = load16(block + at + 2);
    n->type = load16(block + at + 4);
    size_t p = at + 6;
    while (p + 2 <= n->end && load16(block + p))
        p += 2;
    if (p + 2 > n->end)
        return false;
    n->value = vi_align4(p + 2);
    n->value_size = n->type == VI_TEXT ? 2u * n->value_length : n->value_length;
    if (n->value > n->end || n->value_size > n->end - n->value)
        return false;
    n->children = vi_align4(n->value + n->value_size);
    return true;
}

/* Whether the node's key is the count units at want, case aside. */
static bool key_is(const uint8_t *block, const struct vi_node *n, const WCHAR *want, size_t count)
{
    const uint8_t *key = block + n->start + 6;
    for (size_t i = 0; i < count; i++) {
        uint16_t c = load16(key + 2 * i);
        if (!c || wchar_upper(c) != wchar_upper(want[i]))
            return false;
    }
    return load16(key + 2 * count) == 0;
}

static bool find_child(const uint8_t *block, const struct vi_node *parent,
                       const WCHAR *want, size_t count, struct vi_node *out)
{
    for (size_t at = parent->children; at + 6 <= parent->end;) {
        if (!node_at(block, at, parent->end, out))
            return false;
        if (key_is(block, out, want, count))
            return true;
        at = vi_align4(out->end);
    }
    return false;
}

/* The node a path names; "\\" and "" name the root. */
static bool find_node(const uint8_t *block, const WCHAR *path, struct vi_node *n)
{
    if (!node_at(block, 0, load16(block), n))
        return false;
    while (*path) {
        while (*path == '\\')
            path++;
        size_t count = 0;
        while (path[count] && path[count] != '\\')
            count++;
        struct vi_node parent = *n;
        if (count && !find_child(block, &parent, path, count, n))
            return false;
        path += count;
    }
    return true;
}

static bool query(const void *block, const WCHAR *path, void **out, struct vi_node *n)
{
    if (!block || !path || !out) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return false;
    }
    if (!find_node(block, path, n)) {
        SetLastError(ERROR_RESOURCE_TYPE_NOT_FOUND);
        return false;
    }
    return true;
}

BOOL WINAPI VerQueryValueW(const void *block, const WCHAR *path, void **out, UINT *len)
{
    struct vi_node n;
    if (!query(block, path, out, &n))
        return FALSE;
    *out = (uint8_t *)block + n.value;
    if (len)
        *len = n.value_length;
    return TRUE;
}

/* A text value is converted into the room after the resource, at a place
 * of its own, so that earlier answers stay valid. */
BOOL WINAPI VerQueryValueA(const void *block, const char *path, void **out, UINT *len)
{
    struct vi_node n;
    WCHAR *wpath = ansi_to_wstr(path);
    bool found = query(block, wpath, out, &n);
    free(wpath);
    if (!found)
        return FALSE;
    uint8_t *b = (uint8_t *)block;
    if (n.type != VI_TEXT || !n.value_length || n.start == 0) {
        *out = b + n.value;
        if (len)
            *len = n.value_length;
        return TRUE;
    }
    size_t res_size = load16(b);
    uint32_t mark;
    memcpy(&mark, b + vi_align4(res_size), 4);
    if (mark != VI_ANSI_MARK) {
        /* The block was not made by GetFileVersionInfo with the size
         * GetFileVersionInfoSize asked for: no room to convert into. */
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    char *ansi = (char *)b + vi_align4(res_size) + 4 + 2 * n.value;
    int cap = (int)(2 * n.value_size);
    int got = WideCharToMultiByte(CP_ACP, 0, (const WCHAR *)(b + n.value), n.value_length,
                                  ansi, cap, NULL, NULL);
    if (got <= 0 || got >= cap)
        got = cap - 1;
    ansi[got] = 0;
    *out = ansi;
    if (len)
        *len = (UINT)got;
    return TRUE;
}
