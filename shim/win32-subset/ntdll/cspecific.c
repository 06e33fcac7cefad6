/* __C_specific_handler: the language handler of C's __try/__except and
 * __try/__finally. The function's handler data is a table of scopes, innermost
 * first; a scope with a JumpTarget is an __except (its HandlerAddress is
 * the filter, or 1 for EXCEPTION_EXECUTE_HANDLER), one without is a
 * __finally (HandlerAddress is the termination handler). */
#include "ntdll.spec.h"
#include "except_private.h"

typedef struct {
    DWORD Count;
    struct {
        DWORD BeginAddress;
        DWORD EndAddress;
        DWORD HandlerAddress;
        DWORD JumpTarget;
    } ScopeRecord[];
} SCOPE_TABLE;

typedef LONG (CALLBACK *exception_filter)(EXCEPTION_POINTERS *, void *);
typedef void (CALLBACK *termination_handler)(BOOLEAN, void *);

static EXCEPTION_DISPOSITION search(EXCEPTION_RECORD *rec, void *frame, CONTEXT *ctx,
                                    DISPATCHER_CONTEXT *dc, const SCOPE_TABLE *table)
{
    DWORD pc = (DWORD)(dc->ControlPc - dc->ImageBase);
    EXCEPTION_POINTERS ptrs = { rec, ctx };
    for (DWORD i = dc->ScopeIndex; i < table->Count; i++) {
        const typeof(table->ScopeRecord[0]) *s = &table->ScopeRecord[i];
        if (pc < s->BeginAddress || pc >= s->EndAddress || !s->JumpTarget)
            continue;
        LONG r = EXCEPTION_EXECUTE_HANDLER;
        if (s->HandlerAddress != EXCEPTION_EXECUTE_HANDLER)
            r = ((exception_filter)(dc->ImageBase + s->HandlerAddress))(&ptrs, frame);
        if (r < 0)
            return ExceptionContinueExecution;
        if (r > 0)
            /* The __except block gets the exception code in Rax. */
            RtlUnwindEx(frame, (void *)(dc->ImageBase + s->JumpTarget), rec,
                        (void *)(ULONG_PTR)rec->ExceptionCode, dc->ContextRecord,
                        dc->HistoryTable);
    }
    return ExceptionContinueSearch;
}

static EXCEPTION_DISPOSITION unwind(EXCEPTION_RECORD *rec, void *frame,
                                    DISPATCHER_CONTEXT *dc, const SCOPE_TABLE *table)
{
    DWORD pc = (DWORD)(dc->ControlPc - dc->ImageBase);
    DWORD target = (DWORD)(dc->TargetIp - dc->ImageBase);
    for (DWORD i = dc->ScopeIndex; i < table->Count; i++) {
        const typeof(table->ScopeRecord[0]) *s = &table->ScopeRecord[i];
        if (pc < s->BeginAddress || pc >= s->EndAddress)
            continue;
        /* A target inside this scope (a goto out of an inner scope, a
         * longjmp back into this one): the scope and those around it stay. */
        if ((rec->ExceptionFlags & EXCEPTION_TARGET_UNWIND) &&
            target >= s->BeginAddress && target < s->EndAddress)
            break;
        if (s->JumpTarget) {
            /* The __except block the unwind goes to: the scopes enclosing
             * it stay. */
            if ((rec->ExceptionFlags & EXCEPTION_TARGET_UNWIND) && s->JumpTarget == target)
                break;
            continue;
        }
        /* Marked done first, so that a collided unwind does not run it
         * again. */
        dc->ScopeIndex = i + 1;
        ((termination_handler)(dc->ImageBase + s->HandlerAddress))(TRUE, frame);
    }
    return ExceptionContinueSearch;
}

EXCEPTION_DISPOSITION CDECL __C_specific_handler(EXCEPTION_RECORD *rec, void *frame,
                                                 CONTEXT *ctx, DISPATCHER_CONTEXT *dc)
{
    const SCOPE_TABLE *table = dc->HandlerData;
    if (rec->ExceptionFlags & EXCEPTION_UNWIND)
        return unwind(rec, frame, dc, table);
    return search(rec, frame, ctx, dc, table);
}
