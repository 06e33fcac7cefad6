/* The frame handler of MSVC's C++ exception tables (FuncInfo versions 1
 * to 3): finds the catch block for an exception, unwinds to it through
 * RtlUnwindEx, whose consolidation callback runs the catch funclet, and
 * runs the destructors of the states it leaves.
 *
 * Catch blocks are funclets with their own unwind information and the
 * same FuncInfo as the function they belong to (their parent). A frame is
 * therefore either the parent's or a catch funclet's; a catch funclet
 * considers only the try blocks nested in its catch handlers and unwinds
 * only the states above its try statement. A frame whose catch block is
 * running (an exception left it) is in the state enclosing that try
 * statement. */
#include <string.h>
#include "msvcrt.spec.h"
#include "cxx_private.h"

struct frame_view {
    DWORD64 parent;              /* the parent function's establisher frame */
    int state;
    int base;                    /* the lowest state this frame owns, exclusive */
    const cxx_try_block *within; /* a catch funclet's try statement */
};

enum {
    CATCH_CALLBACK, CATCH_PARENT, CATCH_FRAME, CATCH_INFO, CATCH_BLOCK, CATCH_HANDLER,
    CATCH_RECORD, CATCH_CONTEXT, CATCH_BASE, CATCH_COUNT
};

static const cxx_unwind_entry *unwind_map(ULONG_PTR base, const cxx_func_info *info)
{
    return cxx_rva(base, info->unwind_map);
}

static const cxx_try_block *try_map(ULONG_PTR base, const cxx_func_info *info)
{
    return cxx_rva(base, info->try_map);
}

static const cxx_handler *handlers(ULONG_PTR base, const cxx_try_block *tb)
{
    return cxx_rva(base, tb->handlers);
}

static int enclosing_state(ULONG_PTR base, const cxx_func_info *info, const cxx_try_block *tb)
{
    return unwind_map(base, info)[tb->try_low].to_state;
}

static int ip_to_state(ULONG_PTR base, const cxx_func_info *info, DWORD64 pc)
{
    const cxx_ip_state *map = cxx_rva(base, info->ip_map);
    DWORD rva = (DWORD)(pc - base);
    int state = -1;
    for (DWORD i = 0; i < info->ip_count && (DWORD)map[i].ip <= rva; i++)
        state = map[i].state;
    return state;
}

/* The try statement whose catch funclet this frame is, if it is one. */
static const cxx_try_block *catch_funclet(ULONG_PTR base, const cxx_func_info *info,
                                          const DISPATCHER_CONTEXT *dc, const cxx_handler **h)
{
    const cxx_try_block *tb = try_map(base, info);
    for (DWORD i = 0; i < info->try_count; i++)
        for (int j = 0; j < tb[i].handler_count; j++)
            if ((DWORD)handlers(base, &tb[i])[j].handler == dc->FunctionEntry->BeginAddress) {
                *h = &handlers(base, &tb[i])[j];
                return &tb[i];
            }
    return NULL;
}

static void view_frame(struct frame_view *v, const cxx_func_info *info, DISPATCHER_CONTEXT *dc)
{
    ULONG_PTR base = dc->ImageBase;
    const cxx_handler *h;
    v->parent = dc->EstablisherFrame;
    v->base = -1;
    v->within = catch_funclet(base, info, dc, &h);
    if (v->within) {
        v->parent = *(DWORD64 *)(dc->EstablisherFrame + h->frame);
        v->base = enclosing_state(base, info, v->within);
    }
    v->state = ip_to_state(base, info, dc->ControlPc);
    for (const struct cxx_catch *c = cxx_catch_top(); c; c = c->prev)
        if (c->frame == dc->EstablisherFrame && c->info == info) {
            v->state = enclosing_state(base, info, c->block);
            break;
        }
}

/* Destructors of the states from the current one down to target. */
static void unwind_states(ULONG_PTR base, const cxx_func_info *info, DWORD64 parent,
                          int state, int target)
{
    const cxx_unwind_entry *map = unwind_map(base, info);
    while (state != target && state >= 0 && state < info->max_state) {
        const cxx_unwind_entry *e = &map[state];
        state = e->to_state;
        if (e->action)
            ((cxx_funclet)cxx_rva(base, e->action))(0, parent);
    }
}

/* The catchable type of a C++ exception the handler accepts; NULL with
 * *any set for catch (...). */
static const cxx_catchable_type *match(const cxx_handler *h, ULONG_PTR base,
                                       const EXCEPTION_RECORD *rec, bool *any)
{
    const cxx_type_descriptor *want = h->type ? cxx_rva(base, h->type) : NULL;
    *any = !want || !want->name[0] || (h->adjectives & CXX_HANDLER_ELLIPSIS);
    if (*any || !cxx_is_cxx_exception(rec))
        return NULL;
    const cxx_throw_info *ti = (const cxx_throw_info *)rec->ExceptionInformation[CXX_INFO_THROW];
    ULONG_PTR tbase = rec->ExceptionInformation[CXX_INFO_BASE];
    const cxx_catchable_type_array *cta = cxx_rva(tbase, ti->catchable_types);
    for (int i = 0; i < cta->count; i++) {
        const cxx_catchable_type *ct = cxx_rva(tbase, cta->types[i]);
        if (!cxx_same_type(want, cxx_rva(tbase, ct->type)))
            continue;
        if ((ct->properties & CXX_TYPE_BYREF_ONLY) && !(h->adjectives & CXX_HANDLER_REFERENCE))
            continue;
        if ((ti->attributes & CXX_THROW_CONST) && !(h->adjectives & CXX_HANDLER_CONST))
            continue;
        if ((ti->attributes & CXX_THROW_VOLATILE) && !(h->adjectives & CXX_HANDLER_VOLATILE))
            continue;
        if ((ti->attributes & CXX_THROW_UNALIGNED) && !(h->adjectives & CXX_HANDLER_UNALIGNED))
            continue;
        return ct;
    }
    return NULL;
}

/* The catch parameter, in the parent's frame: a reference to the object,
 * a copy of a scalar or pointer, or a copy-constructed object. */
static void build_catch_object(const cxx_handler *h, const cxx_catchable_type *ct,
                               const EXCEPTION_RECORD *rec, DWORD64 parent)
{
    if (!ct || !h->catch_object)
        return;
    void **dst = (void **)(parent + h->catch_object);
    void *obj = (void *)rec->ExceptionInformation[CXX_INFO_OBJECT];
    ULONG_PTR tbase = rec->ExceptionInformation[CXX_INFO_BASE];
    if (h->adjectives & CXX_HANDLER_REFERENCE) {
        *dst = cxx_adjust_pointer(obj, &ct->offsets);
    } else if (ct->properties & CXX_TYPE_SIMPLE) {
        memcpy(dst, obj, ct->size);
        if (ct->size == sizeof(void *) && *dst)
            *dst = cxx_adjust_pointer(*dst, &ct->offsets);
    } else {
        void *src = cxx_adjust_pointer(obj, &ct->offsets);
        if (!ct->copy_ctor)
            memcpy(dst, src, ct->size);
        else if (ct->properties & CXX_TYPE_VIRTUAL_BASE)
            ((cxx_copy_ctor_vbase)cxx_rva(tbase, ct->copy_ctor))(dst, src, 1);
        else
            ((cxx_copy_ctor)cxx_rva(tbase, ct->copy_ctor))(dst, src);
    }
}

/* The consolidation callback: runs after the unwind reached the catching
 * frame, on the stack below the thrower's frames, which keeps the thrown
 * object alive until the catch block ends. */
static void *CALLBACK call_catch(EXCEPTION_RECORD *crec)
{
    const ULONG_PTR *a = crec->ExceptionInformation;
    const cxx_handler *h = (const cxx_handler *)a[CATCH_HANDLER];
    struct cxx_catch c = {
        .frame = a[CATCH_FRAME],
        .info = (const cxx_func_info *)a[CATCH_INFO],
        .block = (const cxx_try_block *)a[CATCH_BLOCK],
        .rec = *(const EXCEPTION_RECORD *)a[CATCH_RECORD],
        .context = (CONTEXT *)a[CATCH_CONTEXT],
    };
    cxx_catch_push(&c);
    void *cont = ((cxx_catch_funclet)cxx_rva(a[CATCH_BASE], h->handler))(0, a[CATCH_PARENT]);
    cxx_catch_pop(&c);
    return cont;
}

static __attribute__((noreturn)) void catch_at(EXCEPTION_RECORD *rec, DISPATCHER_CONTEXT *dc,
                                               const cxx_func_info *info, const struct frame_view *v,
                                               const cxx_try_block *tb, const cxx_handler *h,
                                               const cxx_catchable_type *ct)
{
    EXCEPTION_RECORD crec = {
        .ExceptionCode = STATUS_UNWIND_CONSOLIDATE,
        .ExceptionFlags = EXCEPTION_NONCONTINUABLE,
        .NumberParameters = CATCH_COUNT,
    };
    ULONG_PTR *a = crec.ExceptionInformation;
    a[CATCH_CALLBACK] = (ULONG_PTR)call_catch;
    a[CATCH_PARENT] = v->parent;
    a[CATCH_FRAME] = dc->EstablisherFrame;
    a[CATCH_INFO] = (ULONG_PTR)info;
    a[CATCH_BLOCK] = (ULONG_PTR)tb;
    a[CATCH_HANDLER] = (ULONG_PTR)h;
        a[CATCH_RECORD] = (ULONG_PTR)rec;
    a[CATCH_CONTEXT] = (ULONG_PTR)dc->ContextRecord;
    a[CATCH_BASE] = dc->ImageBase;
    /* The copy is made before the thrower's frames are unwound, as MSVC's
     * runtime makes it. */
    build_catch_object(h, ct, rec, v->parent);
    CONTEXT scratch;
    RtlUnwindEx((void *)dc->EstablisherFrame, (void *)dc->ControlPc, &crec, NULL, &scratch,
                dc->HistoryTable);
    __builtin_unreachable();
}

static bool is_catch_unwind(const EXCEPTION_RECORD *rec, const DISPATCHER_CONTEXT *dc)
{
    return (rec->ExceptionFlags & EXCEPTION_TARGET_UNWIND) &&
           rec->ExceptionCode == STATUS_UNWIND_CONSOLIDATE &&
           rec->NumberParameters == CATCH_COUNT &&
           rec->ExceptionInformation[CATCH_CALLBACK] == (ULONG_PTR)call_catch &&
           rec->ExceptionInformation[CATCH_FRAME] == dc->EstablisherFrame;
}

EXCEPTION_DISPOSITION cxx_frame_handler(EXCEPTION_RECORD *rec, DWORD64 frame, CONTEXT *ctx,
                                        DISPATCHER_CONTEXT *dc, const cxx_func_info *info)
{
    (void)frame, (void)ctx;
    ULONG_PTR base = dc->ImageBase;
    DWORD magic = info->magic & 0x1fffffff;
    if (magic < CXX_MAGIC_V1 || magic > CXX_MAGIC_V3)
        return ExceptionContinueSearch;
    struct frame_view v;
    view_frame(&v, info, dc);

    if (rec->ExceptionFlags & EXCEPTION_UNWIND) {
        int target = v.base;
        if (is_catch_unwind(rec, dc))
            target = ((const cxx_try_block *)rec->ExceptionInformation[CATCH_BLOCK])->try_low;
        unwind_states(base, info, v.parent, v.state, target);
        return ExceptionContinueSearch;
    }

    bool cxx = cxx_is_cxx_exception(rec);
    if (!cxx && magic >= CXX_MAGIC_V3 && (info->flags & CXX_FUNC_EHS))
        return ExceptionContinueSearch;
    const cxx_try_block *tb = try_map(base, info);
    for (DWORD i = 0; i < info->try_count; i++, tb++) {
        if (v.state < tb->try_low || v.state > tb->try_high)
            continue;
        if (v.within && (tb->try_low <= v.within->try_high || tb->try_high > v.within->catch_high))
            continue;
        for (int j = 0; j < tb->handler_count; j++) {
            const cxx_handler *h = &handlers(base, tb)[j];
            bool any;
            const cxx_catchable_type *ct = match(h, base, rec, &any);
            if (ct || any)
                catch_at(rec, dc, info, &v, tb, h, ct);
        }
    }
    return ExceptionContinueSearch;
}

static const cxx_func_info *func_info(const DISPATCHER_CONTEXT *dc)
{
    return cxx_rva(dc->ImageBase, *(const int *)dc->HandlerData);
}

EXCEPTION_DISPOSITION CDECL msvcrt___CxxFrameHandler(EXCEPTION_RECORD *rec, void *frame,
                                                     CONTEXT *ctx, DISPATCHER_CONTEXT *dc)
{
    return cxx_frame_handler(rec, (DWORD64)frame, ctx, dc, func_info(dc));
}

EXCEPTION_DISPOSITION CDECL msvcrt___CxxFrameHandler3(EXCEPTION_RECORD *rec, void *frame,
                                                      CONTEXT *ctx, DISPATCHER_CONTEXT *dc)
{
    return cxx_frame_handler(rec, (DWORD64)frame, ctx, dc, func_info(dc));
}
