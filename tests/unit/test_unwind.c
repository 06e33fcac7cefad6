/* RtlVirtualUnwind on hand-made functions: code bytes and UNWIND_INFO in
 * one buffer that stands for an image (its address is the image base),
 * and a fake stack whose slots say where each register was saved. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "ntdll.spec.h"

enum { RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI };
#define OP(off, op, info) (off), (uint8_t)((op) | (info) << 4)
#define SLOT16(v) (uint8_t)(v), (uint8_t)((v) >> 8)

static uint8_t g_image[0x400] __attribute__((aligned(16)));
static uint64_t g_stack[0x400];

#define RET_ADDR 0x1234567890ull

static void *unwind(RUNTIME_FUNCTION *fe, DWORD pc_offset, CONTEXT *ctx, DWORD64 *frame)
{
    void *data;
    return (void *)RtlVirtualUnwind(UNW_FLAG_EHANDLER, (DWORD64)g_image,
                                    (DWORD64)g_image + fe->BeginAddress + pc_offset, fe,
                                    ctx, &data, frame, NULL);
}

/* push rbp; push rbx; sub rsp, 0x28; body (nop, nop);
 * add rsp, 0x28; pop rbx; pop rbp; ret. With an exception handler. */
static RUNTIME_FUNCTION *push_alloc_function(void)
{
    static const uint8_t code[] = { 0x55, 0x53, 0x48, 0x83, 0xec, 0x28, 0x90, 0x90,
                                    0x48, 0x83, 0xc4, 0x28, 0x5b, 0x5d, 0xc3 };
    static const uint8_t info[] = { 1 | UNW_FLAG_EHANDLER << 3, 6, 3, 0,
                                    OP(6, 2, 4), OP(2, 0, RBX), OP(1, 0, RBP), 0, 0,
                                    0x00, 0x03, 0, 0 /* handler RVA 0x300 */ };
    memcpy(g_image, code, sizeof code);
    memcpy(g_image + 0x100, info, sizeof info);
    static RUNTIME_FUNCTION fe = { 0, sizeof code, 0x100 };
    return &fe;
}

static void stack_for_push_alloc(CONTEXT *ctx)
{
    memset(ctx, 0, sizeof *ctx);
    g_stack[5] = 0xb5;    /* saved rbx */
    g_stack[6] = 0xb6;    /* saved rbp */
    g_stack[7] = RET_ADDR;
    ctx->Rsp = (DWORD64)&g_stack[0];
}

static void test_body(void **state)
{
    (void)state;
    RUNTIME_FUNCTION *fe = push_alloc_function();
    CONTEXT ctx;
    stack_for_push_alloc(&ctx);
    DWORD64 frame;
    void *handler = unwind(fe, 6, &ctx, &frame);
    assert_ptr_equal(handler, g_image + 0x300);
    assert_int_equal(frame, (DWORD64)&g_stack[0]);
    assert_int_equal(ctx.Rbx, 0xb5);
    assert_int_equal(ctx.Rbp, 0xb6);
    assert_int_equal(ctx.Rip, RET_ADDR);
    assert_int_equal(ctx.Rsp, (DWORD64)&g_stack[8]);
}

static void test_prolog(void **state)
{
    (void)state;
    RUNTIME_FUNCTION *fe = push_alloc_function();
    CONTEXT ctx;
    memset(&ctx, 0, sizeof ctx);
    /* After "push rbp" only. */
    g_stack[0] = 0xb6;
    g_stack[1] = RET_ADDR;
    ctx.Rsp = (DWORD64)&g_stack[0];
    DWORD64 frame;
    assert_null(unwind(fe, 1, &ctx, &frame));
    assert_int_equal(ctx.Rbp, 0xb6);
    assert_int_equal(ctx.Rbx, 0);
    assert_int_equal(ctx.Rip, RET_ADDR);
}

static void test_epilog(void **state)
{
    (void)state;
    RUNTIME_FUNCTION *fe = push_alloc_function();
    CONTEXT ctx;
    stack_for_push_alloc(&ctx);
    DWORD64 frame;
    /* At "add rsp, 0x28": the whole epilog is emulated, no handler. */
    assert_null(unwind(fe, 8, &ctx, &frame));
    assert_int_equal(ctx.Rbx, 0xb5);
    assert_int_equal(ctx.Rip, RET_ADDR);
    assert_int_equal(ctx.Rsp, (DWORD64)&g_stack[8]);
    /* At "pop rbp": rbx is already restored by the code itself. */
    memset(&ctx, 0, sizeof ctx);
    ctx.Rsp = (DWORD64)&g_stack[6];
    ctx.Rbx = 0x77;
    assert_null(unwind(fe, 13, &ctx, &frame));
    assert_int_equal(ctx.Rbx, 0x77);
    assert_int_equal(ctx.Rbp, 0xb6);
    assert_int_equal(ctx.Rsp, (DWORD64)&g_stack[8]);
}

/* Frame register, large allocations, saves to the frame:
 * push rbp; sub rsp, 0x100 (ALLOC_LARGE, slot form);
 * sub rsp, 0x10000 (ALLOC_LARGE, 32-bit form); lea rbp, [rsp+0x30]
 * (SET_FPREG, offset 3); save rsi at [rsp+0x8] (SAVE_NONVOL);
 * save rdi at [rsp+0x10] (SAVE_NONVOL_FAR); xmm6 at [rsp+0x20]
 * (SAVE_XMM128); xmm7 at [rsp+0x40] (SAVE_XMM128_FAR). The code bytes are
 * nops: only offsets matter outside an epilog. */
static void test_frame_ops(void **state)
{
    (void)state;
    memset(g_image, 0x90, 0x40);
    static const uint8_t info[] = {
        1, 0x30, 17, RBP | 3 << 4,
        OP(0x30, 9, 7), SLOT16(0x40), SLOT16(0),
        OP(0x28, 8, 6), SLOT16(2),
        OP(0x20, 5, RDI), SLOT16(0x10), SLOT16(0),
        OP(0x18, 4, RSI), SLOT16(1),
        OP(0x14, 3, 0),
        OP(0x10, 1, 1), SLOT16(0), SLOT16(1),
        OP(0x08, 1, 0), SLOT16(0x20),
        OP(0x01, 0, RBP),
    };
    memcpy(g_image + 0x100, info, sizeof info);
    RUNTIME_FUNCTION fe = { 0, 0x40, 0x100 };
    static uint64_t big[0x4000];
    uint64_t *sp = big;
    size_t top = (0x10000 + 0x100) / 8;
    big[top] = 0xb6;
    big[top + 1] = RET_ADDR;
    sp[1] = 0x51;
    sp[2] = 0xd1;
    sp[4] = 0x66;
    sp[8] = 0x77;
    CONTEXT ctx;
    memset(&ctx, 0, sizeof ctx);
    ctx.Rsp = (DWORD64)sp;
    ctx.Rbp = (DWORD64)sp + 0x30;
    DWORD64 frame;
    assert_null(unwind(&fe, 0x38, &ctx, &frame));
    assert_int_equal(frame, (DWORD64)sp);
    assert_int_equal(ctx.Rsi, 0x51);
    assert_int_equal(ctx.Rdi, 0xd1);
    assert_int_equal(ctx.FltSave.XmmRegisters[6].Low, 0x66);
    assert_int_equal(ctx.FltSave.XmmRegisters[7].Low, 0x77);
    assert_int_equal(ctx.Rbp, 0xb6);
    assert_int_equal(ctx.Rip, RET_ADDR);
    assert_int_equal(ctx.Rsp, (DWORD64)&big[top + 2]);
}

/* A fragment (push rbx) chained to a primary (push rbp): both undone. */
static void test_chained(void **state)
{
    (void)state;
    memset(g_image, 0x90, 0x40);
    static const uint8_t primary[] = { 1, 1, 1, 0, OP(1, 0, RBP), 0, 0 };
    static const uint8_t fragment[] = { 1 | UNW_FLAG_CHAININFO << 3, 1, 1, 0, OP(1, 0, RBX), 0, 0,
                                        0, 0, 0, 0, 0x10, 0, 0, 0, 0x00, 0x02, 0, 0 };
    memcpy(g_image + 0x200, primary, sizeof primary);
    memcpy(g_image + 0x100, fragment, sizeof fragment);
    RUNTIME_FUNCTION fe = { 0x20, 0x30, 0x100 };
    CONTEXT ctx;
    memset(&ctx, 0, sizeof ctx);
    g_stack[0] = 0xb3;
    g_stack[1] = 0xb6;
    g_stack[2] = RET_ADDR;
    ctx.Rsp = (DWORD64)&g_stack[0];
    DWORD64 frame;
    unwind(&fe, 4, &ctx, &frame);
    assert_int_equal(ctx.Rbx, 0xb3);
    assert_int_equal(ctx.Rbp, 0xb6);
    assert_int_equal(ctx.Rip, RET_ADDR);
    assert_int_equal(ctx.Rsp, (DWORD64)&g_stack[3]);
}

/* An interrupt handler's machine frame with an error code. */
static void test_machframe(void **state)
{
    (void)state;
    memset(g_image, 0x90, 0x40);
    static const uint8_t info[] = { 1, 0, 1, 0, OP(0, 10, 1), 0, 0 };
    memcpy(g_image + 0x100, info, sizeof info);
    RUNTIME_FUNCTION fe = { 0, 0x10, 0x100 };
    CONTEXT ctx;
    memset(&ctx, 0, sizeof ctx);
    g_stack[0] = 0xee;        /* error code */
    g_stack[1] = RET_ADDR;    /* Rip */
    g_stack[2] = 0x33;        /* Cs */
    g_stack[3] = 0x246;       /* EFlags */
    g_stack[4] = 0x5000;      /* Rsp */
    g_stack[5] = 0x2b;        /* Ss */
    ctx.Rsp = (DWORD64)&g_stack[0];
    DWORD64 frame;
    unwind(&fe, 4, &ctx, &frame);
    assert_int_equal(ctx.Rip, RET_ADDR);
    assert_int_equal(ctx.EFlags, 0x246);
    assert_int_equal(ctx.Rsp, 0x5000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_body),
        cmocka_unit_test(test_prolog),
        cmocka_unit_test(test_epilog),
        cmocka_unit_test(test_frame_ops),
        cmocka_unit_test(test_chained),
        cmocka_unit_test(test_machframe),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
