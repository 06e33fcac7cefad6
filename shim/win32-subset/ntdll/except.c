/* Exception dispatch and unwinding over the guest's frames.
 *
 * Windows walks every frame with RtlVirtualUnwind, its own dispatcher's
 * frames included. Here the dispatcher, the unwinder and the code that
 * calls a language handler are host code, without Windows unwind
 * information. So each dispatch and each unwind records, in a per-thread
 * list, the guest context it started from (a dispatch: the exception's
 * context; an unwind: the frame whose handler runs). A walk
 * that reaches host code - a handler called by the dispatcher, returning
 * into it - resumes at the innermost record it has not used yet, which is
 * the context Windows' own frames would unwind to: the faulting frame for
 * an exception raised or an unwind started inside a handler (nested
 * exceptions, __except targets, C++ catch), and the frame being unwound
 * for a collided unwind, which goes on with the scopes that frame's
 * handler has not run yet (its ScopeIndex). Records left behind by a jump out of the host
 * frames are dropped by the next push (they lie below the new one on the
 * stack) or by the unwind that jumped. */
#include <dlfcn.h>
#include <string.h>
#include <unistd.h>
#include "ntdll.spec.h"
#include "except_private.h"

struct seh_frame {
    struct seh_frame *prev;
    CONTEXT context;
    const DISPATCHER_CONTEXT *unwinding; /* an unwind's current frame */
};

static __thread struct seh_frame *g_top;

bool seh_is_host_pc(DWORD64 pc)
{
    Dl_info info;
    return dladdr((const void *)pc, &info) != 0;
}

static void frame_push(struct seh_frame *f)
{
    while (g_top && (const char *)g_top < (const char *)f)
        g_top = g_top->prev;
    f->prev = g_top;
    g_top = f;
}

struct walk {
    struct seh_frame *resume;
    const DISPATCHER_CONTEXT *collided; /* set when resuming in an unwind */
};

/* Moves ctx past host frames; false at the end of the guest's stack. */
static bool walk_to_guest(struct walk *w, CONTEXT *ctx)
{
    w->collided = NULL;
    while (ctx->Rip && seh_is_host_pc(ctx->Rip)) {
        /* Records below the stack pointer belong to frames already left. */
        while (w->resume && (DWORD64)(uintptr_t)w->resume < ctx->Rsp)
            w->resume = w->resume->prev;
        if (!w->resume)
            return false;
        *ctx = w->resume->context;
        w->collided = w->resume->unwinding;
        w->resume = w->resume->prev;
    }
    return ctx->Rip != 0;
}

/* One frame up from ctx into next; dc receives the frame's description.
 * A function without unwind information is a leaf: its return address is
 * at [Rsp]. */
static PEXCEPTION_ROUTINE step(ULONG type, const CONTEXT *ctx, CONTEXT *next,
                               DISPATCHER_CONTEXT *dc)
{
    memset(dc, 0, sizeof *dc);
    *next = *ctx;
    dc->ControlPc = ctx->Rip;
    dc->FunctionEntry = RtlLookupFunctionEntry(ctx->Rip, &dc->ImageBase, NULL);
    if (!dc->FunctionEntry) {
        dc->EstablisherFrame = ctx->Rsp;
        next->Rip = *(const DWORD64 *)ctx->Rsp;
        next->Rsp += 8;
        return NULL;
    }
    return RtlVirtualUnwind(type, dc->ImageBase, ctx->Rip, dc->FunctionEntry, next,
                            &dc->HandlerData, &dc->EstablisherFrame, NULL);
}

/* An exception about the exception: Windows raises these noncontinuable,
 * chained to the record being handled. */
static __attribute__((noreturn)) void raise_status(DWORD code, EXCEPTION_RECORD *cause)
{
    EXCEPTION_RECORD rec = {
        .ExceptionCode = code,
        .ExceptionFlags = EXCEPTION_NONCONTINUABLE,
        .ExceptionRecord = cause,
    };
    RtlRaiseException(&rec);
    __builtin_unreachable();
}

static bool dispatch_frames(EXCEPTION_RECORD *rec, CONTEXT *orig)
{
    struct seh_frame self = { .context = *orig };
    frame_push(&self);
    struct walk w = { self.prev, NULL };
    CONTEXT ctx = *orig, next;
    DISPATCHER_CONTEXT dc;
    bool handled = false;
    while (walk_to_guest(&w, &ctx)) {
        PEXCEPTION_ROUTINE handler = step(UNW_FLAG_EHANDLER, &ctx, &next, &dc);
        if (handler) {
            dc.ContextRecord = orig;
            dc.LanguageHandler = handler;
            EXCEPTION_DISPOSITION r = handler(rec, (void *)dc.EstablisherFrame, orig, &dc);
            if (r == ExceptionContinueExecution) {
                if (rec->ExceptionFlags & EXCEPTION_NONCONTINUABLE)
                    raise_status(STATUS_NONCONTINUABLE_EXCEPTION, rec);
                handled = true;
                break;
            }
            if (r == ExceptionNestedException)
                rec->ExceptionFlags |= EXCEPTION_NESTED_CALL;
            else if (r != ExceptionContinueSearch)
                raise_status(STATUS_INVALID_DISPOSITION, rec);
        }
        /* A frame must lie above the one it called. */
        if (next.Rsp <= ctx.Rsp) {
            rec->ExceptionFlags |= EXCEPTION_STACK_INVALID;
            break;
        }
        ctx = next;
    }
    g_top = self.prev;
    return handled;
}

static bool dispatch(EXCEPTION_RECORD *rec, CONTEXT *ctx)
{
    if (seh_call_vectored(SEH_VECTORED_EXCEPTION, rec, ctx) || dispatch_frames(rec, ctx)) {
        seh_call_vectored(SEH_VECTORED_CONTINUE, rec, ctx);
        return true;
    }
    return false;
}

void seh_raise(EXCEPTION_RECORD *rec, CONTEXT *ctx)
{
    if (dispatch(rec, ctx))
        RtlRestoreContext(ctx, NULL);
    EXCEPTION_POINTERS ptrs = { rec, ctx };
    if (kernel32_unhandled_exception(&ptrs) == EXCEPTION_CONTINUE_EXECUTION)
        RtlRestoreContext(ctx, NULL);
    /* Windows ends the process with the exception code as its exit code,
     * without flushing the CRT's buffers; the host keeps the low 8 bits of
     * the code (0xC0000005 -> 5). */
    _exit((int)(rec->ExceptionCode & 0xff));
}

static void CALLBACK __attribute__((used)) raise_entry(CONTEXT *caller, ULONG_PTR *args)
{
    EXCEPTION_RECORD *rec = (EXCEPTION_RECORD *)args[0];
    rec->ExceptionAddress = (void *)caller->Rip;
    seh_raise(rec, caller);
}

SEH_CAPTURE_ENTRY(RtlRaiseException, raise_entry);

static __attribute__((noreturn)) void unwind(DWORD64 target_frame, DWORD64 target_ip,
                                             EXCEPTION_RECORD *rec, DWORD64 retval,
                                             CONTEXT *ctx, const CONTEXT *caller)
{
    EXCEPTION_RECORD local_rec;
    CONTEXT local_ctx;
    if (!ctx)
        ctx = &local_ctx;
    *ctx = *caller;
    if (!rec) {
        memset(&local_rec, 0, sizeof local_rec);
        local_rec.ExceptionCode = STATUS_UNWIND;
        local_rec.ExceptionAddress = (void *)caller->Rip;
        rec = &local_rec;
    }
    rec->ExceptionFlags |= target_frame ? EXCEPTION_UNWINDING : EXCEPTION_UNWIND;

    struct seh_frame self = { .context = *caller };
    frame_push(&self);
    struct walk w = { self.prev, NULL };
    CONTEXT next;
    DISPATCHER_CONTEXT dc;
    for (;;) {
        if (!walk_to_guest(&w, ctx))
            raise_status(STATUS_BAD_STACK, rec);
        PEXCEPTION_ROUTINE handler = step(UNW_FLAG_UHANDLER, ctx, &next, &dc);
        if (target_frame && dc.EstablisherFrame > target_frame)
            raise_status(STATUS_INVALID_UNWIND_TARGET, rec);
        if (dc.EstablisherFrame == target_frame)
            rec->ExceptionFlags |= EXCEPTION_TARGET_UNWIND;
        if (handler) {
            dc.TargetIp = target_ip;
            dc.ContextRecord = ctx;
            dc.LanguageHandler = handler;
            if (w.collided && w.collided->EstablisherFrame == dc.EstablisherFrame) {
                dc.ScopeIndex = w.collided->ScopeIndex;
                rec->ExceptionFlags |= EXCEPTION_COLLIDED_UNWIND;
            }
            self.context = *ctx;
            self.unwinding = &dc;
            EXCEPTION_DISPOSITION r = handler(rec, (void *)dc.EstablisherFrame, ctx, &dc);
            rec->ExceptionFlags &= ~(EXCEPTION_TARGET_UNWIND | EXCEPTION_COLLIDED_UNWIND);
            if (r != ExceptionContinueSearch && r != ExceptionCollidedUnwind)
                raise_status(STATUS_INVALID_DISPOSITION, rec);
        }
        if (dc.EstablisherFrame == target_frame)
            break;
        if (next.Rsp <= ctx->Rsp)
            raise_status(STATUS_BAD_STACK, rec);
        *ctx = next;
    }
    g_top = w.resume;
    ctx->Rax = retval;
    ctx->Rip = target_ip;
    RtlRestoreContext(ctx, rec);
    __builtin_unreachable();
}

/* A consolidation callback (a C++ catch block) runs as if called from the
 * frame the unwind reached, as Windows' RcConsolidateFrames makes it: a
 * walk out of the callback resumes at that frame. */
DWORD64 seh_consolidate(const CONTEXT *target, EXCEPTION_RECORD *rec)
{
    typedef void *(CALLBACK *consolidate_fn)(EXCEPTION_RECORD *);
    struct seh_frame self = { .context = *target };
    frame_push(&self);
    DWORD64 ip = (DWORD64)((consolidate_fn)rec->ExceptionInformation[0])(rec);
    g_top = self.prev;
    return ip;
}

static void CALLBACK __attribute__((used)) unwind_ex_entry(CONTEXT *caller, ULONG_PTR *args)
{
    unwind(args[0], args[1], (EXCEPTION_RECORD *)args[2], args[3], (CONTEXT *)args[4], caller);
}

static void CALLBACK __attribute__((used)) unwind_entry(CONTEXT *caller, ULONG_PTR *args)
{
    unwind(args[0], args[1], (EXCEPTION_RECORD *)args[2], args[3], NULL, caller);
}

SEH_CAPTURE_ENTRY(RtlUnwindEx, unwind_ex_entry);
SEH_CAPTURE_ENTRY(RtlUnwind, unwind_entry);
