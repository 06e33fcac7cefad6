/* SetUnhandledExceptionFilter: the filter sees exceptions no handler took;
 * EXCEPTION_CONTINUE_EXECUTION resumes with its changes to the context,
 * EXCEPTION_EXECUTE_HANDLER ends the process with the exception code. */
#include <stdio.h>
#include <windows.h>

static int g_calls;

static LONG WINAPI filter(EXCEPTION_POINTERS *p)
{
    EXCEPTION_RECORD *r = p->ExceptionRecord;
    g_calls++;
    printf("filter %d: %08lx params %lu\n", g_calls, r->ExceptionCode, r->NumberParameters);
    fflush(stdout);
    if (r->ExceptionCode == EXCEPTION_ACCESS_VIOLATION) {
        p->ContextRecord->Rip += 6; /* movl $7, (%rax) */
        p->ContextRecord->Rax = 5;
        return EXCEPTION_CONTINUE_EXECUTION;
    }
    return EXCEPTION_EXECUTE_HANDLER;
}

int main(void)
{
    LPTOP_LEVEL_EXCEPTION_FILTER old = SetUnhandledExceptionFilter(filter);
    printf("previous filter set: %d\n", old != NULL);
    printf("same filter back: %d\n", SetUnhandledExceptionFilter(filter) == filter);
    long long v;
    __asm__ volatile("xor %%eax, %%eax\n\t"
                     "movl $7, (%%rax)\n\t"
                     : "=a"(v) :: "memory");
    printf("resumed: %lld\n", v);
    fflush(stdout);
    RaiseException(0xE0000123, EXCEPTION_NONCONTINUABLE, 0, NULL);
    printf("not reached\n");
    return 0;
}
