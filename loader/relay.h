/* Relay tracing (loader-internal): how a declared C type is passed and
 * shown. */
#ifndef LV_RELAY_H
#define LV_RELAY_H

#include <ffi.h>
#include <stddef.h>
#include <stdint.h>

enum relay_kind {
    RK_UNKNOWN, /* not a type relay knows: passed, never decoded */
    RK_VOID,
    RK_I32,
    RK_U32,
    RK_HEX32,   /* NTSTATUS, HRESULT */
    RK_U16,
    RK_U8,
    RK_I64,
    RK_U64,
    RK_PTR,
    RK_STR,     /* a NUL-terminated byte string */
    RK_WSTR,    /* a NUL-terminated UTF-16 string */
    RK_F32,
    RK_F64,
};

/* The kind of a declared argument type ("const WCHAR *", "DWORD"...). An
 * output buffer ("char *") is shown as a pointer; as a return type it is
 * shown as the string it points to. */
enum relay_kind relay_arg_kind(const char *type);
enum relay_kind relay_ret_kind(const char *type);

/* The libffi type of a kind; NULL for RK_UNKNOWN. */
ffi_type *relay_ffi_type(enum relay_kind kind);

/* Appends the value to buf at *len (kept NUL-terminated, truncated at
 * size). bits holds the value as passed in a register: the low bytes of
 * an integer, a float's or a double's own bits. Strings are read without
 * trusting the pointer. */
void relay_format(char *buf, size_t size, size_t *len, enum relay_kind kind,
                  uint64_t bits);
void relay_append(char *buf, size_t size, size_t *len, const char *s);

#endif
