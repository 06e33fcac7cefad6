/* The ways from guest code into lvrun's and back. %gs holds the
 * thread's struct sc_thread; the guest's %fs is saved there and the
 * host's loaded before any C runs, and the selector opened, in that
 * order, so that a signal arriving in between finds a consistent record
 * (sc_signal_entry relies on it). */
#define SC_T_HOST_FS 8
#define SC_T_GUEST_FS 16
#define SC_T_SELECTOR 24
#define SC_ALLOW 0
#define SC_BLOCK 1

/* struct sc_regs */
#define R_RAX 0
#define R_RBX 8
#define R_RCX 16
#define R_RDX 24
#define R_RSI 32
#define R_RDI 40
#define R_RBP 48
#define R_RSP 56
#define R_R8 64
#define R_R9 72
#define R_R10 80
#define R_R11 88
#define R_R12 96
#define R_R13 104
#define R_R14 112
#define R_R15 120
#define R_RIP 128
#define R_RFLAGS 136
#define R_SIZE 144

    .text

/* SIGSYS from Syscall User Dispatch: (sig, info, ucontext). One sent by
 * tgkill (si_code SI_TKILL) is sc_arm_everywhere's request, which may
 * interrupt lvrun's code as well as the guest's: it is answered before
 * %fs or the selector are touched. */
#define SI_CODE 8
#define SI_TKILL (-6)
    .globl sc_sigsys_entry
    .type sc_sigsys_entry, @function
sc_sigsys_entry:
    cmpl $SI_TKILL, SI_CODE(%rsi)
    jne 1f
    sub $8, %rsp
    call sc_arm_request@PLT
    add $8, %rsp
    ret
1:
    rdfsbase %rax
    mov %rax, %gs:SC_T_GUEST_FS
    movb $SC_ALLOW, %gs:SC_T_SELECTOR
    mov %gs:SC_T_HOST_FS, %rax
    wrfsbase %rax
    sub $8, %rsp
    call sc_sigsys@PLT
    add $8, %rsp
    mov %gs:SC_T_GUEST_FS, %rax
    wrfsbase %rax
    movb $SC_BLOCK, %gs:SC_T_SELECTOR
    ret
    .size sc_sigsys_entry, .-sc_sigsys_entry

/* Every signal the guest handles: its handler runs on guest terms
 * (guest %fs, selector blocking), whether the signal interrupted guest
 * code or lvrun's, and the interrupted state is put back after. */
    .globl sc_signal_entry
    .type sc_signal_entry, @function
sc_signal_entry:
    push %rbx
    push %r12
    push %r13
    movzbl %gs:SC_T_SELECTOR, %ebx
    rdfsbase %r12
    cmp $SC_BLOCK, %ebx
    je 1f
    mov %gs:SC_T_GUEST_FS, %rax
    wrfsbase %rax
    movb $SC_BLOCK, %gs:SC_T_SELECTOR
1:  movslq %edi, %rax
    lea sc_guest_handlers(%rip), %r13
    mov (%r13,%rax,8), %rax
    cmp $1, %rax
    jbe 2f
    call *%rax
2:  wrfsbase %r12
    mov %bl, %gs:SC_T_SELECTOR
    pop %r13
    pop %r12
    pop %rbx
    ret
    .size sc_signal_entry, .-sc_signal_entry

/* Resume the guest from a struct sc_regs (rdi): rcx and r11 end as a
 * `syscall` leaves them (next instruction, flags). */
    .globl sc_resume
    .type sc_resume, @function
sc_resume:
    mov %rdi, %r11
    mov %gs:SC_T_GUEST_FS, %rax
    wrfsbase %rax
    movb $SC_BLOCK, %gs:SC_T_SELECTOR
    pushq R_RFLAGS(%r11)
    popfq
    mov R_RAX(%r11), %rax
    mov R_RBX(%r11), %rbx
    mov R_RDX(%r11), %rdx
    mov R_RSI(%r11), %rsi
    mov R_RDI(%r11), %rdi
    mov R_RBP(%r11), %rbp
    mov R_R8(%r11), %r8
    mov R_R9(%r11), %r9
    mov R_R10(%r11), %r10
    mov R_R12(%r11), %r12
    mov R_R13(%r11), %r13
    mov R_R14(%r11), %r14
    mov R_R15(%r11), %r15
    mov R_RIP(%r11), %rcx
    mov R_RSP(%r11), %rsp
    mov R_RFLAGS(%r11), %r11
    jmp *%rcx
    .size sc_resume, .-sc_resume

/* A rewritten site (`call *%rax`) arrives here through the sled at
 * address 0; see the essay in sc_rewrite.c. On entry [rsp] is the
 * return address, and the guest's rsp was rsp + 8. */
    .globl sc_zpoline_entry
    .type sc_zpoline_entry, @function
sc_zpoline_entry:
    lea -128(%rsp), %rsp
    push %rbp
    mov %rsp, %rbp
    sub $R_SIZE, %rsp
    mov %rax, R_RAX(%rsp)
    mov %rbx, R_RBX(%rsp)
    mov %rdx, R_RDX(%rsp)
    mov %rsi, R_RSI(%rsp)
    mov %rdi, R_RDI(%rsp)
    mov %r8, R_R8(%rsp)
    mov %r9, R_R9(%rsp)
    mov %r10, R_R10(%rsp)
    mov %r12, R_R12(%rsp)
    mov %r13, R_R13(%rsp)
    mov %r14, R_R14(%rsp)
    mov %r15, R_R15(%rsp)
    mov (%rbp), %rcx
    mov %rcx, R_RBP(%rsp)
    lea 144(%rbp), %rcx
    mov %rcx, R_RSP(%rsp)
    mov 136(%rbp), %rcx
    mov %rcx, R_RIP(%rsp)
    pushfq
    popq R_RFLAGS(%rsp)
    mov %rsp, %rbx
    rdfsbase %rcx
    mov %rcx, %gs:SC_T_GUEST_FS
    movb $SC_ALLOW, %gs:SC_T_SELECTOR
    /* A call the kernel answers as it is needs neither the host's %fs
     * nor the vector state: sc_zpoline_fast uses general registers only. */
    and $-16, %rsp
    mov %rbx, %rdi
    call sc_zpoline_fast@PLT
    test %al, %al
    jnz 3f
    mov %gs:SC_T_HOST_FS, %rcx
    wrfsbase %rcx
    /* The guest's vector state survives a syscall; lvrun's C (and the
     * host libc's AVX string functions) would not leave it alone.
     * xsavec skips the components in their initial state. */
    sub sc_xsave_size(%rip), %rsp
    and $-64, %rsp
    xor %eax, %eax
    mov %rax, 512(%rsp)
    mov %rax, 520(%rsp)
    mov %rax, 528(%rsp)
    mov %rax, 536(%rsp)
    mov %rax, 544(%rsp)
    mov %rax, 552(%rsp)
    mov %rax, 560(%rsp)
    mov %rax, 568(%rsp)
    mov $-1, %eax
    mov $-1, %edx
    cmpb $0, sc_xsavec(%rip)
    je 1f
    xsavec64 (%rsp)
    jmp 2f
1:  xsave64 (%rsp)
2:  mov %rbx, %rdi
    call sc_zpoline_dispatch@PLT
    mov $-1, %eax
    mov $-1, %edx
    xrstor64 (%rsp)
3:  mov %rbx, %rdi
    jmp sc_resume
    .size sc_zpoline_entry, .-sc_zpoline_entry

/* A rewritten site whose call the kernel takes as it is, reached
 * through sc_rewrite_table (see sc_rewrite.c): the call made here and
 * `ret` to the site. No register but rax, rcx and r11 (which `syscall`
 * clobbers) changes, and the flags are restored by the kernel's sysret;
 * rcx ends pointing here rather than at the site, which nothing reads.
 * The guest's %fs is recorded first, for a signal handled meanwhile
 * (sc_signal_entry reads it when the selector is open). */
    .globl sc_zpoline_direct
    .type sc_zpoline_direct, @function
sc_zpoline_direct:
    rdfsbase %rcx
    mov %rcx, %gs:SC_T_GUEST_FS
    movb $SC_ALLOW, %gs:SC_T_SELECTOR
    syscall
    movb $SC_BLOCK, %gs:SC_T_SELECTOR
    ret
    .size sc_zpoline_direct, .-sc_zpoline_direct

/* The same with dispatch not armed (every site rewritten ahead,
 * sc_ahead.c): the selector is not read by the kernel then, and left
 * blocking it says rightly to a signal handled meanwhile that the
 * guest's %fs is in place. */
    .globl sc_zpoline_bare
    .type sc_zpoline_bare, @function
sc_zpoline_bare:
    syscall
    ret
    .size sc_zpoline_bare, .-sc_zpoline_bare

/* The only code allowed to make system calls whatever the selector
 * says: the return from a signal handler (the SIGSYS handler returns
 * with the selector already blocking) and the guest's own
 * rt_sigreturn, redirected here. */
    .globl sc_allowed_start, sc_allowed_end, sc_restorer
    .p2align 4
sc_allowed_start:
sc_restorer:
    mov $15, %eax
    syscall
    hlt
sc_allowed_end:

    .section .note.GNU-stack, "", @progbits
