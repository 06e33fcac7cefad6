/* Capturing and restoring a thread's complete register state (CONTEXT). */
#include <string.h>
#include "ntdll.spec.h"
#include "except_private.h"

/* The caller's registers as they will be when RtlCaptureContext returns:
 * Rip is the return address and Rsp the caller's stack pointer after the
 * return. Segment selectors are the ones Windows shows a 64-bit program
 * (Linux keeps DS, ES, FS and GS at 0). fxsave needs the 16-byte alignment
 * CONTEXT declares. */
__asm__(
    ".text\n"
    ".globl RtlCaptureContext\n"
    ".type RtlCaptureContext,@function\n"
    "RtlCaptureContext:\n"
    "    pushfq\n"
    "    mov %rax, 0x78(%rcx)\n"
    "    mov %rcx, 0x80(%rcx)\n"
    "    mov %rdx, 0x88(%rcx)\n"
    "    mov %rbx, 0x90(%rcx)\n"
    "    lea 16(%rsp), %rax\n"
    "    mov %rax, 0x98(%rcx)\n"
    "    mov %rbp, 0xa0(%rcx)\n"
    "    mov %rsi, 0xa8(%rcx)\n"
    "    mov %rdi, 0xb0(%rcx)\n"
    "    mov %r8, 0xb8(%rcx)\n"
    "    mov %r9, 0xc0(%rcx)\n"
    "    mov %r10, 0xc8(%rcx)\n"
    "    mov %r11, 0xd0(%rcx)\n"
    "    mov %r12, 0xd8(%rcx)\n"
    "    mov %r13, 0xe0(%rcx)\n"
    "    mov %r14, 0xe8(%rcx)\n"
    "    mov %r15, 0xf0(%rcx)\n"
    "    mov 8(%rsp), %rax\n"
    "    mov %rax, 0xf8(%rcx)\n"
    "    pop %rax\n"
    "    mov %eax, 0x44(%rcx)\n"
    "    movw $0x33, 0x38(%rcx)\n"
    "    movw $0x2b, 0x3a(%rcx)\n"
    "    movw $0x2b, 0x3c(%rcx)\n"
    "    movw $0x53, 0x3e(%rcx)\n"
    "    movw $0x2b, 0x40(%rcx)\n"
    "    movw $0x2b, 0x42(%rcx)\n"
    "    fxsave 0x100(%rcx)\n"
    "    stmxcsr 0x34(%rcx)\n"
    "    movl $0x10000f, 0x30(%rcx)\n"
    "    mov 0x78(%rcx), %rax\n"
    "    ret\n"
    ".size RtlCaptureContext, .-RtlCaptureContext\n");

/* iretq loads Rip, EFlags and Rsp together, so no register or stack slot
 * of the target is needed as scratch. The floating-point state is loaded
 * only when the context carries it: a zeroed FltSave or MxCsr would unmask
 * every floating-point exception. */
__asm__(
    ".text\n"
    ".globl seh_restore_context\n"
    ".type seh_restore_context,@function\n"
    "seh_restore_context:\n"
    "    testl $8, 0x30(%rdi)\n"
    "    jz 1f\n"
    "    fxrstor 0x100(%rdi)\n"
    "    ldmxcsr 0x34(%rdi)\n"
    "1:  xor %eax, %eax\n"
    "    mov %ss, %ax\n"
    "    push %rax\n"
    "    pushq 0x98(%rdi)\n"
    "    mov 0x44(%rdi), %eax\n"
    "    push %rax\n"
    "    xor %eax, %eax\n"
    "    mov %cs, %ax\n"
    "    push %rax\n"
    "    pushq 0xf8(%rdi)\n"
    "    mov 0x78(%rdi), %rax\n"
    "    mov 0x80(%rdi), %rcx\n"
    "    mov 0x88(%rdi), %rdx\n"
    "    mov 0x90(%rdi), %rbx\n"
    "    mov 0xa0(%rdi), %rbp\n"
    "    mov 0xa8(%rdi), %rsi\n"
    "    mov 0xb8(%rdi), %r8\n"
    "    mov 0xc0(%rdi), %r9\n"
    "    mov 0xc8(%rdi), %r10\n"
    "    mov 0xd0(%rdi), %r11\n"
    "    mov 0xd8(%rdi), %r12\n"
    "    mov 0xe0(%rdi), %r13\n"
    "    mov 0xe8(%rdi), %r14\n"
    "    mov 0xf0(%rdi), %r15\n"
    "    mov 0xb0(%rdi), %rdi\n"
    "    iretq\n"
    ".size seh_restore_context, .-seh_restore_context\n");

/* The x64 _JUMP_BUFFER of setjmp, which STATUS_LONGJUMP unwinds carry. */
typedef struct {
    DWORD64 Frame, Rbx, Rsp, Rbp, Rsi, Rdi, R12, R13, R14, R15, Rip;
    DWORD MxCsr;
    WORD FpCsr;
    WORD Spare;
    M128A Xmm[10];
} JUMP_BUFFER;

static void load_jump_buffer(CONTEXT *ctx, const JUMP_BUFFER *jb)
{
    ctx->Rbx = jb->Rbx;
    ctx->Rsp = jb->Rsp;
    ctx->Rbp = jb->Rbp;
    ctx->Rsi = jb->Rsi;
    ctx->Rdi = jb->Rdi;
    ctx->R12 = jb->R12;
    ctx->R13 = jb->R13;
    ctx->R14 = jb->R14;
    ctx->R15 = jb->R15;
    ctx->Rip = jb->Rip;
    ctx->MxCsr = jb->MxCsr;
    ctx->FltSave.MxCsr = jb->MxCsr;
    ctx->FltSave.ControlWord = jb->FpCsr;
    memcpy(&ctx->FltSave.XmmRegisters[6], jb->Xmm, sizeof jb->Xmm);
}

void WINAPI RtlRestoreContext(CONTEXT *context, EXCEPTION_RECORD *rec)
{
    CONTEXT ctx = *context;
    if (rec && rec->ExceptionCode == STATUS_LONGJUMP && rec->NumberParameters >= 1)
        load_jump_buffer(&ctx, (const JUMP_BUFFER *)rec->ExceptionInformation[0]);
    else if (rec && rec->ExceptionCode == STATUS_UNWIND_CONSOLIDATE &&
             rec->NumberParameters >= 1)
        ctx.Rip = seh_consolidate(&ctx, rec);
    seh_restore_context(&ctx);
}
