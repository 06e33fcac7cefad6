/* Relay tracing: declared C types to libffi types and to text. */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>
#include "relay.h"

#define STRING_SHOWN 80

static const struct {
    const char *type;
    enum relay_kind kind;
} g_types[] = {
    { "const char *", RK_STR },     { "LPCSTR", RK_STR },
    { "const WCHAR *", RK_WSTR },   { "LPCWSTR", RK_WSTR },
    { "BSTR", RK_WSTR },            { "void", RK_VOID },
    { "int", RK_I32 },              { "INT", RK_I32 },
    { "LONG", RK_I32 },             { "int32_t", RK_I32 },
    { "BOOL", RK_I32 },             { "LSTATUS", RK_I32 },
    { "EXCEPTION_DISPOSITION", RK_I32 },
    { "DWORD", RK_U32 },            { "UINT", RK_U32 },
    { "ULONG", RK_U32 },            { "unsigned", RK_U32 },
    { "unsigned int", RK_U32 },     { "uint32_t", RK_U32 },
    { "REGSAM", RK_U32 },           { "LCID", RK_U32 },
    { "NTSTATUS", RK_HEX32 },       { "HRESULT", RK_HEX32 },
    { "WORD", RK_U16 },             { "LANGID", RK_U16 },
    { "uint16_t", RK_U16 },         { "unsigned short", RK_U16 },
    { "WCHAR", RK_U16 },            { "MSVCRT_wint_t", RK_U16 },
    { "BYTE", RK_U8 },              { "BOOLEAN", RK_U8 },
    { "int64_t", RK_I64 },          { "intptr_t", RK_I64 },
    { "LONGLONG", RK_I64 },         { "LARGE_INTEGER", RK_I64 },
    { "MSVCRT_time_t", RK_I64 },    { "LONG_PTR", RK_I64 },
    { "size_t", RK_U64 },           { "SIZE_T", RK_U64 },
    { "uint64_t", RK_U64 },         { "uintptr_t", RK_U64 },
    { "DWORD64", RK_U64 },          { "ULONGLONG", RK_U64 },
    { "DWORD_PTR", RK_U64 },        { "ULONG_PTR", RK_U64 },
    { "double", RK_F64 },           { "float", RK_F32 },
    { "HANDLE", RK_PTR },           { "HKEY", RK_PTR },
    { "HMODULE", RK_PTR },          { "HINSTANCE", RK_PTR },
    { "FARPROC", RK_PTR },          { "MSVCRT_va_list", RK_PTR },
    { "PVECTORED_EXCEPTION_HANDLER", RK_PTR },
    { "PEXCEPTION_ROUTINE", RK_PTR },
    { "msvcrt_ifn", RK_PTR },       { "msvcrt_vfn", RK_PTR },
    { "msvcrt_compare_fn", RK_PTR }, { "msvcrt_compare_s_fn", RK_PTR },
    { "msvcrt_invalid_parameter_handler", RK_PTR },
    { "msvcrt_new_handler", RK_PTR }, { "msvcrt_sighandler", RK_PTR },
    { "ENUMRESTYPEPROCA", RK_PTR }, { "ENUMRESTYPEPROCW", RK_PTR },
    { "ENUMRESNAMEPROCA", RK_PTR }, { "ENUMRESNAMEPROCW", RK_PTR },
    { "ENUMRESLANGPROCA", RK_PTR }, { "ENUMRESLANGPROCW", RK_PTR },
};

/* "const  WCHAR*" and "const WCHAR *" are the same type. */
static void normalize(const char *type, char *out, size_t size)
{
    size_t n = 0;
    bool space = false;
    for (const char *p = type; *p && n + 3 < size; p++) {
        if (*p == ' ' || *p == '\t') {
            space = n > 0;
            continue;
        }
        if (*p == '*' && n && (isalnum((unsigned char)out[n - 1]) || out[n - 1] == '_'))
            space = true;
        if (space)
            out[n++] = ' ';
        space = false;
        out[n++] = *p;
    }
    out[n] = 0;
}

enum relay_kind relay_arg_kind(const char *type)
{
    char t[128];
    normalize(type, t, sizeof t);
    for (size_t i = 0; i < sizeof g_types / sizeof *g_types; i++)
        if (!strcmp(t, g_types[i].type))
            return g_types[i].kind;
    size_t n = strlen(t);
    if (strstr(t, "(*") || (n && t[n - 1] == '*'))
        return RK_PTR;
    return RK_UNKNOWN;
}

enum relay_kind relay_ret_kind(const char *type)
{
    char t[128];
    normalize(type, t, sizeof t);
    if (!strcmp(t, "char *"))
        return RK_STR;
    if (!strcmp(t, "WCHAR *"))
        return RK_WSTR;
    return relay_arg_kind(type);
}

ffi_type *relay_ffi_type(enum relay_kind kind)
{
    switch (kind) {
    case RK_VOID: return &ffi_type_void;
    case RK_I32: return &ffi_type_sint32;
    case RK_U32: case RK_HEX32: return &ffi_type_uint32;
    case RK_U16: return &ffi_type_uint16;
    case RK_U8: return &ffi_type_uint8;
    case RK_I64: return &ffi_type_sint64;
    case RK_U64: return &ffi_type_uint64;
    case RK_PTR: case RK_STR: case RK_WSTR: return &ffi_type_pointer;
    case RK_F32: return &ffi_type_float;
    case RK_F64: return &ffi_type_double;
    default: return NULL;
    }
}

void relay_append(char *buf, size_t size, size_t *len, const char *s)
{
    size_t n = strlen(s);
    if (*len + n >= size)
        n = size - 1 - *len;
    memcpy(buf + *len, s, n);
    *len += n;
    buf[*len] = 0;
}

/* The program may pass any address: its memory is read through the
 * kernel, which answers EFAULT instead of faulting. */
static size_t safe_read(const void *addr, void *out, size_t size)
{
    size_t done = 0;
    while (done < size) {
        uintptr_t a = (uintptr_t)addr + done;
        size_t chunk = 4096 - (a & 4095);
        if (chunk > size - done)
            chunk = size - done;
        struct iovec local = { (char *)out + done, chunk };
        struct iovec remote = { (void *)a, chunk };
        if (process_vm_readv(getpid(), &local, 1, &remote, 1, 0) != (ssize_t)chunk)
            break;
        done += chunk;
    }
    return done;
}

static void append_char(char *buf, size_t size, size_t *len, uint32_t c)
{
    char tmp[16];
    switch (c) {
    case '"': case '\\': snprintf(tmp, sizeof tmp, "\\%c", (char)c); break;
    case '\n': snprintf(tmp, sizeof tmp, "\\n"); break;
    case '\r': snprintf(tmp, sizeof tmp, "\\r"); break;
    case '\t': snprintf(tmp, sizeof tmp, "\\t"); break;
    default:
        if (c < 0x20 || c == 0x7f)
            snprintf(tmp, sizeof tmp, "\\x%02x", c);
        else if (c < 0x80)
            snprintf(tmp, sizeof tmp, "%c", (char)c);
        else if (c < 0x800)
            snprintf(tmp, sizeof tmp, "%c%c", 0xc0 | (c >> 6), 0x80 | (c & 0x3f));
        else if (c < 0x10000)
            snprintf(tmp, sizeof tmp, "%c%c%c", 0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f),
                     0x80 | (c & 0x3f));
        else
            snprintf(tmp, sizeof tmp, "%c%c%c%c", 0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f),
                     0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    }
    relay_append(buf, size, len, tmp);
}

/* Bytes are shown as they are (the process code page is UTF-8), control
 * characters escaped. */
static void format_str(char *buf, size_t size, size_t *len, const char *s)
{
    char data[STRING_SHOWN + 1];
    size_t n = safe_read(s, data, sizeof data);
    size_t end = strnlen(data, n);
    if (!n) {
        char tmp[32];
        snprintf(tmp, sizeof tmp, "%p", (const void *)s);
        relay_append(buf, size, len, tmp);
        return;
    }
    relay_append(buf, size, len, "\"");
    for (size_t i = 0; i < end && i < STRING_SHOWN; i++) {
        unsigned char c = (unsigned char)data[i];
        if (c >= 0x80) {
            char one[2] = { (char)c, 0 };
            relay_append(buf, size, len, one);
        } else {
            append_char(buf, size, len, c);
        }
    }
    relay_append(buf, size, len, end > STRING_SHOWN || end == n ? "\"..." : "\"");
}

static void format_wstr(char *buf, size_t size, size_t *len, const uint16_t *s)
{
    uint16_t data[STRING_SHOWN + 1];
    size_t n = safe_read(s, data, sizeof data) / 2;
    if (!n) {
        char tmp[32];
        snprintf(tmp, sizeof tmp, "%p", (const void *)s);
        relay_append(buf, size, len, tmp);
        return;
    }
    size_t end = 0;
    while (end < n && data[end])
        end++;
    relay_append(buf, size, len, "L\"");
    for (size_t i = 0; i < end && i < STRING_SHOWN; i++) {
        uint32_t c = data[i];
        if (c >= 0xd800 && c < 0xdc00 && i + 1 < end && data[i + 1] >= 0xdc00 &&
            data[i + 1] < 0xe000) {
            c = 0x10000 + ((c - 0xd800) << 10) + (data[i + 1] - 0xdc00);
            i++;
        } else if (c >= 0xd800 && c < 0xe000) {
            char tmp[16];
            snprintf(tmp, sizeof tmp, "\\u%04x", c);
            relay_append(buf, size, len, tmp);
            continue;
        }
        append_char(buf, size, len, c);
    }
    relay_append(buf, size, len, end > STRING_SHOWN || end == n ? "\"..." : "\"");
}

/* Small unsigned values (counts, flags of a few bits) read best in
 * decimal, large ones (masks, addresses) in hex. */
static void format_unsigned(char *tmp, size_t size, uint64_t v)
{
    snprintf(tmp, size, v <= 0xffff ? "%llu" : "0x%llx", (unsigned long long)v);
}

void relay_format(char *buf, size_t size, size_t *len, enum relay_kind kind,
                  uint64_t bits)
{
    char tmp[48];
    switch (kind) {
    case RK_STR:
    case RK_WSTR:
        if (!bits)
            break;
        if (kind == RK_STR)
            format_str(buf, size, len, (const char *)(uintptr_t)bits);
        else
            format_wstr(buf, size, len, (const uint16_t *)(uintptr_t)bits);
        return;
    case RK_I32: snprintf(tmp, sizeof tmp, "%d", (int32_t)bits); break;
    case RK_U32: format_unsigned(tmp, sizeof tmp, (uint32_t)bits); break;
    case RK_HEX32: snprintf(tmp, sizeof tmp, "0x%08x", (uint32_t)bits); break;
    case RK_U16: format_unsigned(tmp, sizeof tmp, (uint16_t)bits); break;
    case RK_U8: snprintf(tmp, sizeof tmp, "%u", (uint8_t)bits); break;
    case RK_I64: snprintf(tmp, sizeof tmp, "%lld", (long long)bits); break;
    case RK_U64: format_unsigned(tmp, sizeof tmp, bits); break;
    case RK_F32: {
        float f;
        uint32_t b = (uint32_t)bits;
        memcpy(&f, &b, sizeof f);
        snprintf(tmp, sizeof tmp, "%g", f);
        break;
    }
    case RK_F64: {
        double d;
        memcpy(&d, &bits, sizeof d);
        snprintf(tmp, sizeof tmp, "%g", d);
        break;
    }
    case RK_VOID: tmp[0] = 0; break;
    default: snprintf(tmp, sizeof tmp, "0x%llx", (unsigned long long)bits); break;
    }
    if ((kind == RK_PTR || kind == RK_STR || kind == RK_WSTR) && !bits)
        snprintf(tmp, sizeof tmp, "NULL");
    relay_append(buf, size, len, tmp);
}
