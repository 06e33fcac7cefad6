/* vcruntime140's own surface: std::exception's message and type_info's
 * name, comparison and hash in the UCRT's layouts, and the hooks of the
 * start-up code. The exception machinery itself is msvcrt's (cxx_*.c). */
#include <string.h>
#include "msvcrt.spec.h"
#include "vcruntime140.spec.h"
#include "vcruntime_private.h"

/* std::exception's message: copied (and freed) when it owns it. */
void CDECL vcrt___std_exception_copy(const struct vcrt_exception_data *src,
                                     struct vcrt_exception_data *dst)
{
    dst->what = NULL;
    dst->do_free = false;
    if (!src->do_free || !src->what) {
        dst->what = src->what;
        return;
    }
    size_t size = strlen(src->what) + 1;
    char *copy = msvcrt_malloc(size);
    if (!copy)
        return;
    memcpy(copy, src->what, size);
    dst->what = copy;
    dst->do_free = true;
}

void CDECL vcrt___std_exception_destroy(struct vcrt_exception_data *data)
{
    if (data->do_free)
        msvcrt_free((void *)data->what);
    data->what = NULL;
    data->do_free = false;
}

/* The UCRT's type_info data starts after the vtable pointer: the
 * undecorated name, then the decorated one. */
static void *type_info_of(const struct vcrt_type_info_data *data)
{
    return (char *)data - sizeof(void *);
}

/* Names are kept with their type_info, not in the list: nothing is
 * ever added to it for __std_type_info_destroy_list to free. */
const char *CDECL vcrt___std_type_info_name(struct vcrt_type_info_data *data, void *list)
{
    (void)list;
    return msvcrt_type_info_name(type_info_of(data));
}

void CDECL vcrt___std_type_info_destroy_list(void *list)
{
    (void)list;
}

int CDECL vcrt___std_type_info_compare(const struct vcrt_type_info_data *a,
                                       const struct vcrt_type_info_data *b)
{
    return a == b ? 0 : strcmp(a->decorated + 1, b->decorated + 1);
}

/* FNV-1a over the decorated name, as the UCRT hashes it. */
size_t CDECL vcrt___std_type_info_hash(const struct vcrt_type_info_data *data)
{
    uint64_t h = 14695981039346656037ull;
    for (const unsigned char *p = (const unsigned char *)data->decorated + 1; *p; p++)
        h = (h ^ *p) * 1099511628211ull;
    return h;
}

int CDECL vcrt___uncaught_exceptions(void)
{
    return *cxx_processing_throw();
}

void **CDECL vcrt___current_exception(void)
{
    return cxx_current_exception();
}

void **CDECL vcrt___current_exception_context(void)
{
    return cxx_current_exception_context();
}

int *CDECL vcrt___processing_throw(void)
{
    return cxx_processing_throw();
}

void *CDECL vcrt___AdjustPointer(void *obj, const cxx_pmd *pmd)
{
    return cxx_adjust_pointer(obj, pmd);
}

void CDECL vcrt___DestructExceptionObject(EXCEPTION_RECORD *rec)
{
    if (!rec || !cxx_is_cxx_exception(rec))
        return;
    const cxx_throw_info *ti = (const cxx_throw_info *)rec->ExceptionInformation[CXX_INFO_THROW];
    void *obj = (void *)rec->ExceptionInformation[CXX_INFO_OBJECT];
    if (ti && ti->destructor && obj)
        ((cxx_dtor)cxx_rva(rec->ExceptionInformation[CXX_INFO_BASE], ti->destructor))(obj);
}

/* Telemetry hooks of the start-up code: there is nothing to report to. */
void CDECL vcrt___telemetry_main_invoke_trigger(void *module)
{
    (void)module;
}

void CDECL vcrt___telemetry_main_return_trigger(void *module)
{
    (void)module;
}
