/* Process-wide exception settings and the last chance for an exception no
 * handler took. Dispatch itself is ntdll's. */
#include <stdio.h>
#include "kernel32.spec.h"
#include "except_private.h"
#include "lv/module.h"
#include "lv/trace.h"

static void *g_unhandled_filter;

typedef LONG (CALLBACK *top_level_filter)(EXCEPTION_POINTERS *);

void *WINAPI SetUnhandledExceptionFilter(void *filter)
{
    return __atomic_exchange_n(&g_unhandled_filter, filter, __ATOMIC_ACQ_REL);
}

void *kernel32_unhandled_filter(void)
{
    return __atomic_load_n(&g_unhandled_filter, __ATOMIC_ACQUIRE);
}

const char *seh_status_name(DWORD code)
{
    switch (code) {
    case EXCEPTION_ACCESS_VIOLATION: return "access violation";
    case STATUS_STACK_OVERFLOW: return "stack overflow";
    case STATUS_INTEGER_DIVIDE_BY_ZERO: return "integer divide by zero";
    case STATUS_INTEGER_OVERFLOW: return "integer overflow";
    case STATUS_ILLEGAL_INSTRUCTION: return "illegal instruction";
    case STATUS_PRIVILEGED_INSTRUCTION: return "privileged instruction";
    case STATUS_BREAKPOINT: return "breakpoint";
    case STATUS_SINGLE_STEP: return "single step";
    case STATUS_NONCONTINUABLE_EXCEPTION: return "noncontinuable exception";
    case STATUS_INVALID_DISPOSITION: return "invalid disposition";
    case STATUS_BAD_STACK: return "bad stack";
    case STATUS_INVALID_UNWIND_TARGET: return "invalid unwind target";
    case STATUS_FLOAT_DIVIDE_BY_ZERO: return "float divide by zero";
    case STATUS_FLOAT_OVERFLOW: return "float overflow";
    case STATUS_FLOAT_UNDERFLOW: return "float underflow";
    case STATUS_FLOAT_INEXACT_RESULT: return "float inexact result";
    case STATUS_FLOAT_INVALID_OPERATION: return "float invalid operation";
    case STATUS_FLOAT_STACK_CHECK: return "float stack check";
    case STATUS_FLOAT_MULTIPLE_TRAPS: return "float multiple traps";
    case 0xE06D7363: return "C++ exception";
    default: return NULL;
    }
}

/* "lvrun: unhandled exception c0000005 (access violation) at
 * program.exe+0x1234, reading 0x0" */
static void report(const EXCEPTION_RECORD *rec)
{
    char where[300];
    const struct module *mod = module_by_address(rec->ExceptionAddress);
    if (mod)
        snprintf(where, sizeof where, "%s+0x%lx", mod->name,
                 (unsigned long)((const BYTE *)rec->ExceptionAddress - mod->base));
    else
        snprintf(where, sizeof where, "%p", rec->ExceptionAddress);
    const char *name = seh_status_name(rec->ExceptionCode);
    fprintf(stderr, "lvrun: unhandled exception %08x%s%s%s at %s", (unsigned)rec->ExceptionCode,
            name ? " (" : "", name ? name : "", name ? ")" : "", where);
    if ((rec->ExceptionCode == EXCEPTION_ACCESS_VIOLATION ||
         rec->ExceptionCode == STATUS_STACK_OVERFLOW) && rec->NumberParameters >= 2) {
        ULONG_PTR kind = rec->ExceptionInformation[0];
        fprintf(stderr, ", %s 0x%lx", kind == 8 ? "executing" : kind == 1 ? "writing" : "reading",
                (unsigned long)rec->ExceptionInformation[1]);
    }
    fputc('\n', stderr);
    fflush(stderr);
}

/* Windows' default (no debugger, no error reporting): say what happened
 * and let the caller end the process. */
LONG WINAPI UnhandledExceptionFilter(void *arg)
{
    EXCEPTION_POINTERS *ptrs = arg;
    top_level_filter filter = kernel32_unhandled_filter();
    if (filter) {
        LONG r = filter(ptrs);
        if (r != EXCEPTION_CONTINUE_SEARCH)
            return r;
    }
    report(ptrs->ExceptionRecord);
    crash_report_context(ptrs->ContextRecord);
    return EXCEPTION_EXECUTE_HANDLER;
}

LONG kernel32_unhandled_exception(EXCEPTION_POINTERS *ptrs)
{
    return UnhandledExceptionFilter(ptrs);
}

static void CALLBACK __attribute__((used)) raise_exception(CONTEXT *caller, ULONG_PTR *args)
{
    EXCEPTION_RECORD rec = {
        .ExceptionCode = (DWORD)args[0],
        .ExceptionFlags = (DWORD)args[1] & EXCEPTION_NONCONTINUABLE,
        .ExceptionAddress = (void *)caller->Rip,
    };
    const ULONG_PTR *params = (const ULONG_PTR *)args[3];
    DWORD count = params ? (DWORD)args[2] : 0;
    if (count > EXCEPTION_MAXIMUM_PARAMETERS)
        count = EXCEPTION_MAXIMUM_PARAMETERS;
    rec.NumberParameters = count;
    for (DWORD i = 0; i < count; i++)
        rec.ExceptionInformation[i] = params[i];
    seh_raise(&rec, caller);
}

/* The dispatch starts from RaiseException's caller, as Windows' unwinding
 * out of RaiseException would: lvrun's frame has no unwind information. */
SEH_CAPTURE_ENTRY(RaiseException, raise_exception);
