/* std::type_info's exported members. A type_info is a type descriptor:
 * the vtable pointer, the undecorated name once asked for, the decorated
 * name. */
#include <stdlib.h>
#include <string.h>
#include "msvcrt.spec.h"
#include "cxx_private.h"

void CDECL msvcrt_type_info_dtor(void *self)
{
    cxx_type_descriptor *ti = self;
    free(ti->data);
}

/* Called only through the vtable below. */
__attribute__((used)) void *CDECL msvcrt_type_info_vector_dtor(void *self, unsigned flags)
{
    msvcrt_type_info_dtor(self);
    if (flags & 1)
        msvcrt_free(self);
    return self;
}

/* The vtable, preceded (as every MSVC vtable) by its object locator's
 * slot, left empty: type_info objects are never dynamic_cast. */
__asm__(".section .data.rel.ro\n"
        ".balign 8\n"
        "    .quad 0\n"
        ".globl msvcrt_type_info_vtable\n"
        "msvcrt_type_info_vtable:\n"
        "    .quad msvcrt_type_info_vector_dtor\n"
        ".previous\n");

const char *CDECL msvcrt_type_info_name(void *self)
{
    cxx_type_descriptor *ti = self;
    char *name = __atomic_load_n((char **)&ti->data, __ATOMIC_ACQUIRE);
    if (name)
        return name;
    name = cxx_undecorate_type(ti->name);
    if (!name)
        return ti->name;
    char *expected = NULL;
    if (!__atomic_compare_exchange_n((char **)&ti->data, &expected, name, false,
                                     __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
        free(name);
        return expected;
    }
    return name;
}

const char *CDECL msvcrt_type_info_raw_name(void *self)
{
    return ((cxx_type_descriptor *)self)->name;
}

/* Names start with '.', which the comparisons skip, as MSVC does. */
int CDECL msvcrt_type_info_eq(void *self, const void *other)
{
    const cxx_type_descriptor *a = self, *b = other;
    return a == b || !strcmp(a->name + 1, b->name + 1);
}

int CDECL msvcrt_type_info_ne(void *self, const void *other)
{
    return !msvcrt_type_info_eq(self, other);
}

int CDECL msvcrt_type_info_before(void *self, const void *other)
{
    const cxx_type_descriptor *a = self, *b = other;
    return strcmp(a->name + 1, b->name + 1) < 0;
}
