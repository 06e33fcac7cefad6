/* x64 structured exception handling: the structures programs and their
 * language handlers see (Windows x64 layouts, checked below) and the
 * interfaces shared by ntdll's dispatcher, unwinder and signal handling
 * and by kernel32. */
#ifndef LV_EXCEPT_PRIVATE_H
#define LV_EXCEPT_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include "lv/windef.h"

#define EXCEPTION_MAXIMUM_PARAMETERS 15

#define EXCEPTION_NONCONTINUABLE 0x01
#define EXCEPTION_UNWINDING 0x02
#define EXCEPTION_EXIT_UNWIND 0x04
#define EXCEPTION_STACK_INVALID 0x08
#define EXCEPTION_NESTED_CALL 0x10
#define EXCEPTION_TARGET_UNWIND 0x20
#define EXCEPTION_COLLIDED_UNWIND 0x40
#define EXCEPTION_UNWIND (EXCEPTION_UNWINDING | EXCEPTION_EXIT_UNWIND)

#define EXCEPTION_EXECUTE_HANDLER 1
#define EXCEPTION_CONTINUE_SEARCH 0
#define EXCEPTION_CONTINUE_EXECUTION (-1)

#define STATUS_BREAKPOINT 0x80000003u
#define STATUS_SINGLE_STEP 0x80000004u
#define STATUS_LONGJUMP 0x80000026u
#define STATUS_UNWIND_CONSOLIDATE 0x80000029u
#define EXCEPTION_ACCESS_VIOLATION 0xC0000005u
#define STATUS_ILLEGAL_INSTRUCTION 0xC000001Du
#define STATUS_NONCONTINUABLE_EXCEPTION 0xC0000025u
#define STATUS_INVALID_DISPOSITION 0xC0000026u
#define STATUS_UNWIND 0xC0000027u
#define STATUS_BAD_STACK 0xC0000028u
#define STATUS_INVALID_UNWIND_TARGET 0xC0000029u
#define STATUS_FLOAT_DENORMAL_OPERAND 0xC000008Du
#define STATUS_FLOAT_DIVIDE_BY_ZERO 0xC000008Eu
#define STATUS_FLOAT_INEXACT_RESULT 0xC000008Fu
#define STATUS_FLOAT_INVALID_OPERATION 0xC0000090u
#define STATUS_FLOAT_OVERFLOW 0xC0000091u
#define STATUS_FLOAT_STACK_CHECK 0xC0000092u
#define STATUS_FLOAT_UNDERFLOW 0xC0000093u
#define STATUS_INTEGER_DIVIDE_BY_ZERO 0xC0000094u
#define STATUS_INTEGER_OVERFLOW 0xC0000095u
#define STATUS_PRIVILEGED_INSTRUCTION 0xC0000096u
#define STATUS_STACK_OVERFLOW 0xC00000FDu
#define STATUS_FLOAT_MULTIPLE_FAULTS 0xC00002B4u
#define STATUS_FLOAT_MULTIPLE_TRAPS 0xC00002B5u

#define CONTEXT_AMD64 0x00100000
#define CONTEXT_CONTROL (CONTEXT_AMD64 | 0x01)
#define CONTEXT_INTEGER (CONTEXT_AMD64 | 0x02)
#define CONTEXT_SEGMENTS (CONTEXT_AMD64 | 0x04)
#define CONTEXT_FLOATING_POINT (CONTEXT_AMD64 | 0x08)
#define CONTEXT_DEBUG_REGISTERS (CONTEXT_AMD64 | 0x10)
#define CONTEXT_FULL (CONTEXT_CONTROL | CONTEXT_INTEGER | CONTEXT_FLOATING_POINT)
#define CONTEXT_ALL (CONTEXT_FULL | CONTEXT_SEGMENTS | CONTEXT_DEBUG_REGISTERS)

typedef struct EXCEPTION_RECORD {
    DWORD ExceptionCode;
    DWORD ExceptionFlags;
    struct EXCEPTION_RECORD *ExceptionRecord;
    void *ExceptionAddress;
    DWORD NumberParameters;
    ULONG_PTR ExceptionInformation[EXCEPTION_MAXIMUM_PARAMETERS];
} EXCEPTION_RECORD;

typedef struct __attribute__((aligned(16))) {
    ULONGLONG Low;
    LONGLONG High;
} M128A;

typedef struct {
    WORD ControlWord;
    WORD StatusWord;
    BYTE TagWord;
    BYTE Reserved1;
    WORD ErrorOpcode;
    DWORD ErrorOffset;
    WORD ErrorSelector;
    WORD Reserved2;
    DWORD DataOffset;
    WORD DataSelector;
    WORD Reserved3;
    DWORD MxCsr;
    DWORD MxCsr_Mask;
    M128A FloatRegisters[8];
    M128A XmmRegisters[16];
    BYTE Reserved4[96];
} XMM_SAVE_AREA32;

/* Integer registers in the order the unwind codes number them (0 = Rax ...
 * 15 = R15), which is also their order in CONTEXT. */
typedef struct __attribute__((aligned(16))) {
    DWORD64 P1Home, P2Home, P3Home, P4Home, P5Home, P6Home;
    DWORD ContextFlags;
    DWORD MxCsr;
    WORD SegCs, SegDs, SegEs, SegFs, SegGs, SegSs;
    DWORD EFlags;
    DWORD64 Dr0, Dr1, Dr2, Dr3, Dr6, Dr7;
    union {
        struct {
            DWORD64 Rax, Rcx, Rdx, Rbx, Rsp, Rbp, Rsi, Rdi;
            DWORD64 R8, R9, R10, R11, R12, R13, R14, R15;
        };
        DWORD64 Gpr[16];
    };
    DWORD64 Rip;
    XMM_SAVE_AREA32 FltSave;
    M128A VectorRegister[26];
    DWORD64 VectorControl;
    DWORD64 DebugControl;
    DWORD64 LastBranchToRip;
    DWORD64 LastBranchFromRip;
    DWORD64 LastExceptionToRip;
    DWORD64 LastExceptionFromRip;
} CONTEXT;

_Static_assert(sizeof(EXCEPTION_RECORD) == 0x98, "EXCEPTION_RECORD layout");
_Static_assert(offsetof(CONTEXT, ContextFlags) == 0x30, "CONTEXT layout");
_Static_assert(offsetof(CONTEXT, EFlags) == 0x44, "CONTEXT layout");
_Static_assert(offsetof(CONTEXT, Rax) == 0x78, "CONTEXT layout");
_Static_assert(offsetof(CONTEXT, Rsp) == 0x98, "CONTEXT layout");
_Static_assert(offsetof(CONTEXT, Rip) == 0xf8, "CONTEXT layout");
_Static_assert(offsetof(CONTEXT, FltSave) == 0x100, "CONTEXT layout");
_Static_assert(offsetof(CONTEXT, FltSave.XmmRegisters) == 0x1a0, "CONTEXT layout");
_Static_assert(sizeof(CONTEXT) == 0x4d0, "CONTEXT layout");

typedef struct {
    EXCEPTION_RECORD *ExceptionRecord;
    CONTEXT *ContextRecord;
} EXCEPTION_POINTERS;

typedef struct {
    DWORD BeginAddress;
    DWORD EndAddress;
    DWORD UnwindData;
} RUNTIME_FUNCTION;

typedef struct {
    M128A *FloatingContext[16];
    DWORD64 *IntegerContext[16];
} KNONVOLATILE_CONTEXT_POINTERS;

/* A cache Windows may fill; lvrun's lookups are fast enough without it,
 * so its contents are never read, only its size matters to callers. */
typedef struct {
    DWORD Count;
    BYTE LocalHint;
    BYTE GlobalHint;
    BYTE Search;
    BYTE Once;
    DWORD64 LowAddress;
    DWORD64 HighAddress;
    struct {
        DWORD64 ImageBase;
        RUNTIME_FUNCTION *FunctionEntry;
    } Entry[12];
} UNWIND_HISTORY_TABLE;

typedef enum {
    ExceptionContinueExecution = 0,
    ExceptionContinueSearch = 1,
    ExceptionNestedException = 2,
    ExceptionCollidedUnwind = 3
} EXCEPTION_DISPOSITION;

struct DISPATCHER_CONTEXT;
typedef EXCEPTION_DISPOSITION (CALLBACK *PEXCEPTION_ROUTINE)(
    EXCEPTION_RECORD *, void *, CONTEXT *, struct DISPATCHER_CONTEXT *);

typedef struct DISPATCHER_CONTEXT {
    DWORD64 ControlPc;
    DWORD64 ImageBase;
    RUNTIME_FUNCTION *FunctionEntry;
    DWORD64 EstablisherFrame;
    DWORD64 TargetIp;
    CONTEXT *ContextRecord;
    PEXCEPTION_ROUTINE LanguageHandler;
    void *HandlerData;
    UNWIND_HISTORY_TABLE *HistoryTable;
    DWORD ScopeIndex;
    DWORD Fill0;
} DISPATCHER_CONTEXT;

_Static_assert(sizeof(DISPATCHER_CONTEXT) == 0x50, "DISPATCHER_CONTEXT layout");

typedef LONG (CALLBACK *PVECTORED_EXCEPTION_HANDLER)(EXCEPTION_POINTERS *);

#define UNW_FLAG_NHANDLER 0
#define UNW_FLAG_EHANDLER 1
#define UNW_FLAG_UHANDLER 2
#define UNW_FLAG_CHAININFO 4

/* Call the vectored exception (SEH_VECTORED_EXCEPTION) or continue
 * handlers in order; true when one answered EXCEPTION_CONTINUE_EXECUTION. */
#define SEH_VECTORED_EXCEPTION 0
#define SEH_VECTORED_CONTINUE 1
bool seh_call_vectored(int kind, EXCEPTION_RECORD *rec, CONTEXT *ctx);

/* Dispatch an exception whose CONTEXT is complete: vectored handlers, then
 * frame handlers; resume at the (possibly changed) context when one says
 * so, otherwise the unhandled-exception path. Never returns. */
__attribute__((noreturn)) void seh_raise(EXCEPTION_RECORD *rec, CONTEXT *ctx);

/* Call a STATUS_UNWIND_CONSOLIDATE record's callback as if from the
 * target frame; the address to continue at in it. */
DWORD64 seh_consolidate(const CONTEXT *target, EXCEPTION_RECORD *rec);

/* Load every register of ctx and continue there (host ABI). */
__attribute__((noreturn)) void seh_restore_context(const CONTEXT *ctx);

/* True when pc lies in lvrun's own code or a host library, where no
 * Windows unwind information exists. */
bool seh_is_host_pc(DWORD64 pc);

/* kernel32's last chance, as the top-level frame's filter on Windows:
 * the program's unhandled-exception filter, then lvrun's report.
 * EXCEPTION_CONTINUE_EXECUTION resumes; anything else ends the process. */
LONG kernel32_unhandled_exception(EXCEPTION_POINTERS *ptrs);

/* "(access violation)"-style name of a status, or NULL. */
const char *seh_status_name(DWORD code);

/* Host signals become Windows exceptions: the handlers for the process
 * and the alternate signal stack of the calling thread (stack overflows
 * are dispatched there). */
void exception_init_process(void);
/* The calling thread's alternate signal stack: *altstack, or a new one
 * stored there. */
void exception_init_thread(void **altstack, bool is_main);
/* The ending thread stops using its alternate stack (kept with its TEB). */
void exception_exit_thread(void);
void exception_free_altstack(void *altstack);

/* An ms_abi entry point NAME that captures its caller's complete context
 * (as the caller's frame is after the call returns: Rip = the return
 * address, Rsp above it; argument registers as passed) and calls
 * void IMPL(CONTEXT *caller, ULONG_PTR *args), args[i] being the i-th
 * argument. IMPL is ms_abi too; NAME returns what IMPL returns. */
#define SEH_CAPTURE_ENTRY(name, impl)                                        \
    __asm__(".text\n"                                                        \
            ".globl " #name "\n"                                             \
            ".type " #name ",@function\n"                                    \
            #name ":\n"                                                      \
            "    mov %rcx, 8(%rsp)\n"                                        \
            "    mov %rdx, 16(%rsp)\n"                                       \
            "    mov %r8, 24(%rsp)\n"                                        \
            "    mov %r9, 32(%rsp)\n"                                        \
            "    sub $0x4f8, %rsp\n"                                         \
            "    lea 0x20(%rsp), %rcx\n"                                     \
            "    call RtlCaptureContext\n"                                   \
            "    lea 0x500(%rsp), %rax\n"                                    \
            "    mov %rax, 0x20+0x98(%rsp)\n"                                \
            "    mov 0x4f8(%rsp), %rax\n"                                    \
            "    mov %rax, 0x20+0xf8(%rsp)\n"                                \
            "    mov 0x500(%rsp), %rax\n"                                    \
            "    mov %rax, 0x20+0x80(%rsp)\n"                                \
            "    mov 0x508(%rsp), %rax\n"                                    \
            "    mov %rax, 0x20+0x88(%rsp)\n"                                \
            "    mov 0x510(%rsp), %rax\n"                                    \
            "    mov %rax, 0x20+0xb8(%rsp)\n"                                \
            "    mov 0x518(%rsp), %rax\n"                                    \
            "    mov %rax, 0x20+0xc0(%rsp)\n"                                \
            "    lea 0x20(%rsp), %rcx\n"                                     \
            "    lea 0x500(%rsp), %rdx\n"                                    \
            "    call " #impl "\n"                                           \
            "    add $0x4f8, %rsp\n"                                         \
            "    ret\n"                                                      \
            ".size " #name ", .-" #name "\n")

#endif
