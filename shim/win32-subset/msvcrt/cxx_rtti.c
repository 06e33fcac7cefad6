/* RTTI: typeid and dynamic_cast through the complete object locator that
 * sits before every polymorphic class's vtable. */
#include <string.h>
#include "msvcrt.spec.h"
#include "cxx_private.h"

void *cxx_adjust_pointer(void *obj, const cxx_pmd *pmd)
{
    char *p = (char *)obj + pmd->mdisp;
    if (pmd->pdisp >= 0) {
        const char *vbtable = *(const char **)((char *)obj + pmd->pdisp);
        p += *(const int *)(vbtable + pmd->vdisp) + pmd->pdisp;
    }
    return p;
}

bool cxx_same_type(const cxx_type_descriptor *a, const cxx_type_descriptor *b)
{
    return a == b || !strcmp(a->name, b->name);
}

static const cxx_object_locator *locator(const void *obj)
{
    return (*(const cxx_object_locator *const *const *)obj)[-1];
}

static ULONG_PTR locator_base(const cxx_object_locator *col)
{
    return (ULONG_PTR)col - (ULONG_PTR)(LONG_PTR)col->self;
}

/* The most derived object that obj (a pointer to a vtable pointer) is
 * part of. */
static char *complete_object(void *obj)
{
    const cxx_object_locator *col = locator(obj);
    char *p = (char *)obj - col->offset;
    if (col->cd_offset)
        p += *(const int *)((char *)obj - col->cd_offset);
    return p;
}

void *CDECL msvcrt___RTtypeid(void *obj)
{
    if (!obj)
        return NULL;
    const cxx_object_locator *col = locator(obj);
    return cxx_rva(locator_base(col), col->type);
}

void *CDECL msvcrt___RTCastToVoid(void *obj)
{
    return obj ? complete_object(obj) : NULL;
}

static const cxx_base_descriptor *base_at(ULONG_PTR base, const cxx_hierarchy *h, DWORD i)
{
    const int *bases = cxx_rva(base, h->bases);
    return cxx_rva(base, bases[i]);
}

static LONG_PTR offset_in(char *complete, const cxx_base_descriptor *b)
{
    return (char *)cxx_adjust_pointer(complete, &b->offsets) - complete;
}

/* dynamic_cast<target>(obj), obj being a source object whose vtable
 * pointer is at vfdelta: a downcast to the target containing this source
 * object, else (multiple inheritance) a cross cast to the one public,
 * unambiguous target base. A failed cast of a reference would throw
 * std::bad_cast; it gives NULL here, as a pointer cast does. */
void *CDECL msvcrt___RTDynamicCast(void *obj, LONG vfdelta, void *src_type, void *dst_type,
                                   BOOL is_reference)
{
    (void)is_reference;
    if (!obj)
        return NULL;
    char *vfptr = (char *)obj + vfdelta;
    const cxx_object_locator *col = locator(vfptr);
    ULONG_PTR base = locator_base(col);
    char *complete = complete_object(vfptr);
    LONG_PTR src_offset = (char *)obj - complete;
    const cxx_hierarchy *h = cxx_rva(base, col->hierarchy);
    const cxx_type_descriptor *src = src_type, *dst = dst_type;

    for (DWORD i = 0; i < h->base_count; i++) {
        const cxx_base_descriptor *t = base_at(base, h, i);
        if (!cxx_same_type(cxx_rva(base, t->type), dst) || (t->attributes & CXX_BASE_NOT_VISIBLE))
            continue;
        for (DWORD k = i; k <= i + t->contained_bases && k < h->base_count; k++) {
            const cxx_base_descriptor *s = base_at(base, h, k);
            if (cxx_same_type(cxx_rva(base, s->type), src) && offset_in(complete, s) == src_offset)
                return complete + offset_in(complete, t);
        }
    }
    if (!(h->attributes & CXX_HIERARCHY_MULTIPLE))
        return NULL;
    const cxx_base_descriptor *found = NULL;
    for (DWORD i = 0; i < h->base_count; i++) {
        const cxx_base_descriptor *t = base_at(base, h, i);
        if (!cxx_same_type(cxx_rva(base, t->type), dst))
            continue;
        if (found || (t->attributes & (CXX_BASE_NOT_VISIBLE | CXX_BASE_AMBIGUOUS)))
            return NULL;
        found = t;
    }
    return found ? complete + offset_in(complete, found) : NULL;
}
