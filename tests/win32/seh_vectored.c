/* Vectored exception handlers: RaiseException's record, resuming after an
 * access violation, a division by zero and a breakpoint with a fixed-up
 * context, handler order, and removal. (Windows reports INT_MIN / -1 as
 * c0000095 and calls continue handlers after a handler resumes; Wine 8.0
 * does neither, so neither is checked here.) */
#include <stdio.h>
#include <windows.h>

static LONG CALLBACK first(EXCEPTION_POINTERS *p)
{
    EXCEPTION_RECORD *r = p->ExceptionRecord;
    CONTEXT *c = p->ContextRecord;
    printf("first: %08lx flags %lu params %lu", r->ExceptionCode, r->ExceptionFlags,
           r->NumberParameters);
    switch (r->ExceptionCode) {
    case 0xE0000001:
        for (DWORD i = 0; i < r->NumberParameters; i++)
            printf(" %llu", (unsigned long long)r->ExceptionInformation[i]);
        printf(" at caller %d\n", r->ExceptionAddress == (void *)c->Rip);
        return EXCEPTION_CONTINUE_EXECUTION;
    case EXCEPTION_ACCESS_VIOLATION:
        printf(" kind %llu address %#llx\n", (unsigned long long)r->ExceptionInformation[0],
               (unsigned long long)r->ExceptionInformation[1]);
        c->Rip += 6; /* movl $7, (%rax) */
        c->Rax = 42;
        return EXCEPTION_CONTINUE_EXECUTION;
    case EXCEPTION_INT_DIVIDE_BY_ZERO:
        printf(" at rip %d\n", r->ExceptionAddress == (void *)c->Rip);
        c->Rip += 2; /* idiv %ecx */
        c->Rax = 99;
        return EXCEPTION_CONTINUE_EXECUTION;
    case EXCEPTION_BREAKPOINT:
        printf(" rip at int3 %d\n", *(unsigned char *)c->Rip == 0xcc);
        c->Rip += 1;
        return EXCEPTION_CONTINUE_EXECUTION;
    }
    printf("\n");
    return EXCEPTION_CONTINUE_SEARCH;
}

static LONG CALLBACK second(EXCEPTION_POINTERS *p)
{
    printf("second: %08lx\n", p->ExceptionRecord->ExceptionCode);
    return EXCEPTION_CONTINUE_EXECUTION;
}

int main(void)
{
    ULONG_PTR args[20];
    for (int i = 0; i < 20; i++)
        args[i] = i + 1;
    PVOID h2 = AddVectoredExceptionHandler(0, second);
    PVOID h1 = AddVectoredExceptionHandler(1, first);

    RaiseException(0xE0000001, 0, 3, args);
    RaiseException(0xE0000001, 0, 20, args);
    printf("after RaiseException\n");
    RaiseException(0xE0000002, 0, 0, NULL);
    printf("after unknown code\n");

    long long v;
    __asm__ volatile("xor %%eax, %%eax\n\t"
                     "movl $7, (%%rax)\n\t"
                     : "=a"(v) :: "memory");
    printf("after access violation: %lld\n", v);

    int q;
    __asm__ volatile("cltd\n\tidiv %%ecx" : "=a"(q) : "a"(10), "c"(0) : "rdx");
    printf("after divide by zero: %d\n", q);

    __asm__ volatile("int3");
    printf("after breakpoint\n");

    printf("remove: %lu %lu\n", RemoveVectoredExceptionHandler(h1),
           RemoveVectoredExceptionHandler(h1));
    RaiseException(0xE0000003, 0, 0, NULL);
    printf("remove second: %lu\n", RemoveVectoredExceptionHandler(h2));
    return 0;
}
