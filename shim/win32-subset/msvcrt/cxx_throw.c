/* Throwing C++ exceptions, and the per-thread record of the ones being
 * handled (for rethrow, uncaught_exception and the object's lifetime). */
#include "msvcrt.spec.h"
#include "cxx_private.h"

static __thread struct cxx_catch *t_catches;
static __thread int t_processing;
static __thread void *t_current_rec, *t_current_ctx;

struct cxx_catch *cxx_catch_top(void)
{
    return t_catches;
}

int *cxx_processing_throw(void)
{
    return &t_processing;
}

void **cxx_current_exception(void)
{
    return &t_current_rec;
}

void **cxx_current_exception_context(void)
{
    return &t_current_ctx;
}

static void *object_of(const struct cxx_catch *c)
{
    return cxx_is_cxx_exception(&c->rec) ? (void *)c->rec.ExceptionInformation[CXX_INFO_OBJECT]
                                         : NULL;
}

/* An exception object is destroyed when the last catch block holding it
 * ends: a rethrown one lives on in the catch that catches it again. */
static void release(struct cxx_catch *c, const struct cxx_catch *keep)
{
    void *obj = object_of(c);
    if (!obj || (keep && object_of(keep) == obj))
        return;
    for (const struct cxx_catch *o = t_catches; o; o = o->prev)
        if (object_of(o) == obj)
            return;
    ULONG_PTR base = c->rec.ExceptionInformation[CXX_INFO_BASE];
    const cxx_throw_info *ti = (const cxx_throw_info *)c->rec.ExceptionInformation[CXX_INFO_THROW];
    if (ti->destructor)
        ((cxx_dtor)cxx_rva(base, ti->destructor))(obj);
}

static void set_current(void)
{
    t_current_rec = t_catches ? &t_catches->rec : NULL;
    t_current_ctx = t_catches ? t_catches->context : NULL;
}

void cxx_catch_push(struct cxx_catch *c)
{
    while (t_catches && t_catches->frame <= c->frame) {
        struct cxx_catch *gone = t_catches;
        t_catches = gone->prev;
        release(gone, c);
    }
    c->prev = t_catches;
    t_catches = c;
    if (t_processing > 0)
        t_processing--;
    set_current();
}

void cxx_catch_pop(struct cxx_catch *c)
{
    t_catches = c->prev;
    release(c, NULL);
    set_current();
}

bool cxx_is_cxx_exception(const EXCEPTION_RECORD *rec)
{
    return rec->ExceptionCode == CXX_EXCEPTION && rec->NumberParameters == CXX_INFO_COUNT &&
           (rec->ExceptionInformation[CXX_INFO_MAGIC] == CXX_MAGIC_V1 ||
            rec->ExceptionInformation[CXX_INFO_MAGIC] == CXX_MAGIC_V2 ||
            rec->ExceptionInformation[CXX_INFO_MAGIC] == CXX_MAGIC_V3);
}

/* `throw;` (no object, no type) raises the innermost caught exception
 * again; with none being handled, the program terminates. */
static void CALLBACK __attribute__((used)) throw_entry(CONTEXT *caller, ULONG_PTR *args)
{
    EXCEPTION_RECORD rec = {
        .ExceptionCode = CXX_EXCEPTION,
        .ExceptionFlags = EXCEPTION_NONCONTINUABLE,
        .ExceptionAddress = (void *)caller->Rip,
        .NumberParameters = CXX_INFO_COUNT,
    };
    const cxx_throw_info *ti = (const cxx_throw_info *)args[1];
    if (!args[0] && !ti) {
        if (!t_catches || !cxx_is_cxx_exception(&t_catches->rec))
            cxx_terminate();
        for (int i = 0; i < CXX_INFO_COUNT; i++)
            rec.ExceptionInformation[i] = t_catches->rec.ExceptionInformation[i];
    } else {
        void *base = NULL;
        if (ti)
            RtlPcToFileHeader((void *)ti, &base);
        rec.ExceptionInformation[CXX_INFO_MAGIC] = CXX_MAGIC_V1;
        rec.ExceptionInformation[CXX_INFO_OBJECT] = args[0];
        rec.ExceptionInformation[CXX_INFO_THROW] = (ULONG_PTR)ti;
        rec.ExceptionInformation[CXX_INFO_BASE] = (ULONG_PTR)base;
    }
    t_processing++;
    seh_raise(&rec, caller);
}

/* The dispatch starts from the thrower's frame: this entry has no unwind
 * information for the walk to go through. */
SEH_CAPTURE_ENTRY(msvcrt__CxxThrowException, throw_entry);

int CDECL msvcrt___uncaught_exception(void)
{
    return t_processing > 0;
}
