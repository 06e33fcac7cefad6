/* x64 unwinding from an image's exception directory (.pdata) and unwind
 * information (.xdata), as Microsoft's "x64 exception handling" describes
 * it: RUNTIME_FUNCTION entries sorted by address, each naming an
 * UNWIND_INFO whose codes undo the function's prolog. */
#include <string.h>
#include "ntdll.spec.h"
#include "except_private.h"
#include "lv/module.h"

enum {
    UWOP_PUSH_NONVOL = 0,
    UWOP_ALLOC_LARGE = 1,
    UWOP_ALLOC_SMALL = 2,
    UWOP_SET_FPREG = 3,
    UWOP_SAVE_NONVOL = 4,
    UWOP_SAVE_NONVOL_FAR = 5,
    UWOP_EPILOG = 6,
    UWOP_SPARE_CODE = 7,
    UWOP_SAVE_XMM128 = 8,
    UWOP_SAVE_XMM128_FAR = 9,
    UWOP_PUSH_MACHFRAME = 10,
};

typedef union {
    struct {
        BYTE CodeOffset;
        BYTE UnwindOp : 4;
        BYTE OpInfo : 4;
    };
    WORD FrameOffset;
} UNWIND_CODE;

typedef struct {
    BYTE Version : 3;
    BYTE Flags : 5;
    BYTE SizeOfProlog;
    BYTE CountOfCodes;
    BYTE FrameRegister : 4;
    BYTE FrameOffset : 4;
    UNWIND_CODE UnwindCode[];
} UNWIND_INFO;

/* RUNTIME_FUNCTION entries whose UnwindData has bit 0 set point at the
 * entry that holds the real information. */
#define RUNTIME_FUNCTION_INDIRECT 1

static RUNTIME_FUNCTION *search_table(RUNTIME_FUNCTION *table, size_t count, DWORD rva)
{
    size_t lo = 0, hi = count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (rva < table[mid].BeginAddress)
            hi = mid;
        else if (rva >= table[mid].EndAddress)
            lo = mid + 1;
        else
            return &table[mid];
    }
    return NULL;
}

RUNTIME_FUNCTION *WINAPI RtlLookupFunctionEntry(DWORD64 pc, DWORD64 *base,
                                                UNWIND_HISTORY_TABLE *history)
{
    (void)history;
    *base = 0;
    struct module *mod = module_by_address((const void *)pc);
    if (!mod || mod->builtin)
        return NULL;
    uint32_t size;
    RUNTIME_FUNCTION *table = pe_dir(mod, PE_DIR_EXCEPTION, &size);
    if (!table)
        return NULL;
    RUNTIME_FUNCTION *fe = search_table(table, size / sizeof *table,
                                        (DWORD)(pc - (DWORD64)mod->base));
    if (!fe)
        return NULL;
    if (fe->UnwindData & RUNTIME_FUNCTION_INDIRECT)
        fe = (RUNTIME_FUNCTION *)(mod->base + (fe->UnwindData & ~RUNTIME_FUNCTION_INDIRECT));
    *base = (DWORD64)mod->base;
    return fe;
}

/* How many slots an unwind code takes. */
static unsigned code_slots(UNWIND_CODE c)
{
    switch (c.UnwindOp) {
    case UWOP_ALLOC_LARGE:
        return c.OpInfo ? 3 : 2;
    case UWOP_SAVE_NONVOL:
    case UWOP_SAVE_XMM128:
    case UWOP_EPILOG:
        return 2;
    case UWOP_SAVE_NONVOL_FAR:
    case UWOP_SAVE_XMM128_FAR:
    case UWOP_SPARE_CODE:
        return 3;
    default:
        return 1;
    }
}

static void pop_gpr(CONTEXT *ctx, unsigned reg, KNONVOLATILE_CONTEXT_POINTERS *ptrs)
{
    DWORD64 *slot = (DWORD64 *)ctx->Rsp;
    ctx->Gpr[reg] = *slot;
    if (ptrs)
        ptrs->IntegerContext[reg] = slot;
    ctx->Rsp += 8;
}

static void load_gpr(CONTEXT *ctx, unsigned reg, DWORD64 addr, KNONVOLATILE_CONTEXT_POINTERS *ptrs)
{
    ctx->Gpr[reg] = *(DWORD64 *)addr;
    if (ptrs)
        ptrs->IntegerContext[reg] = (DWORD64 *)addr;
}

static void load_xmm(CONTEXT *ctx, unsigned reg, DWORD64 addr, KNONVOLATILE_CONTEXT_POINTERS *ptrs)
{
    memcpy(&ctx->FltSave.XmmRegisters[reg], (const void *)addr, sizeof(M128A));
    if (ptrs)
        ptrs->FloatingContext[reg] = (M128A *)addr;
}

/* The interrupt or exception frame the processor pushed: Rip, Cs, EFlags,
 * Rsp, Ss, preceded by an error code when OpInfo says so. */
static void pop_machine_frame(CONTEXT *ctx, unsigned error_code)
{
    DWORD64 *frame = (DWORD64 *)(ctx->Rsp + (error_code ? 8 : 0));
    ctx->Rip = frame[0];
    ctx->SegCs = (WORD)frame[1];
    ctx->EFlags = (DWORD)frame[2];
    ctx->Rsp = frame[3];
    ctx->SegSs = (WORD)frame[4];
}

/* Undo the codes of info whose prolog offset is at most prolog_offset (the
 * code offset names the end of its instruction: later ones have not run).
 * Returns false when a machine frame already restored Rip. */
static bool apply_codes(const UNWIND_INFO *info, DWORD prolog_offset, CONTEXT *ctx,
                        KNONVOLATILE_CONTEXT_POINTERS *ptrs)
{
    const UNWIND_CODE *c = info->UnwindCode;
    for (unsigned i = 0; i < info->CountOfCodes; i += code_slots(c[i])) {
        if (c[i].CodeOffset > prolog_offset)
            continue;
        unsigned info_bits = c[i].OpInfo;
        switch (c[i].UnwindOp) {
        case UWOP_PUSH_NONVOL:
            pop_gpr(ctx, info_bits, ptrs);
            break;
        case UWOP_ALLOC_LARGE:
            if (info_bits)
                ctx->Rsp += c[i + 1].FrameOffset | (DWORD)c[i + 2].FrameOffset << 16;
            else
                ctx->Rsp += c[i + 1].FrameOffset * 8u;
            break;
        case UWOP_ALLOC_SMALL:
            ctx->Rsp += info_bits * 8u + 8;
            break;
        case UWOP_SET_FPREG:
            ctx->Rsp = ctx->Gpr[info->FrameRegister] - info->FrameOffset * 16u;
            break;
        case UWOP_SAVE_NONVOL:
            load_gpr(ctx, info_bits, ctx->Rsp + c[i + 1].FrameOffset * 8u, ptrs);
            break;
        case UWOP_SAVE_NONVOL_FAR:
            load_gpr(ctx, info_bits, ctx->Rsp + (c[i + 1].FrameOffset |
                                                 (DWORD)c[i + 2].FrameOffset << 16), ptrs);
            break;
        case UWOP_SAVE_XMM128:
            load_xmm(ctx, info_bits, ctx->Rsp + c[i + 1].FrameOffset * 16u, ptrs);
            break;
        case UWOP_SAVE_XMM128_FAR:
            load_xmm(ctx, info_bits, ctx->Rsp + (c[i + 1].FrameOffset |
                                                 (DWORD)c[i + 2].FrameOffset << 16), ptrs);
            break;
        case UWOP_PUSH_MACHFRAME:
            pop_machine_frame(ctx, info_bits);
            return false;
        default:
            break;
        }
    }
    return true;
}

/* Whether the instructions at pc are the rest of an epilog: an optional
 * "add rsp, imm" or "lea rsp, [frame register + disp]", pops of
 * nonvolatile registers, then "ret" or a "jmp" out of the function (a tail
 * call). When they are, their effect on ctx is applied (when apply). */
static bool epilog(const BYTE *pc, DWORD64 func_begin, DWORD64 func_end,
                   const UNWIND_INFO *info, CONTEXT *ctx, bool apply,
                   KNONVOLATILE_CONTEXT_POINTERS *ptrs)
{
    const BYTE *p = pc;
    if (p[0] == 0x48 && p[1] == 0x83 && p[2] == 0xc4) {
        if (apply)
            ctx->Rsp += (int8_t)p[3];
        p += 4;
    } else if (p[0] == 0x48 && p[1] == 0x81 && p[2] == 0xc4) {
        int32_t imm;
        memcpy(&imm, p + 3, 4);
        if (apply)
            ctx->Rsp += imm;
        p += 7;
    } else if ((p[0] & 0xfe) == 0x48 && p[1] == 0x8d && (p[2] & 0x38) == 0x20 &&
               (p[2] & 0xc0) != 0xc0 && (p[2] & 0xc0) != 0) {
        unsigned reg = (p[2] & 7) | (p[0] & 1) << 3;
        if (!info->FrameRegister || reg != info->FrameRegister || (p[2] & 7) == 4)
            return false;
        int32_t disp;
        if ((p[2] & 0xc0) == 0x40) {
            disp = (int8_t)p[3];
            p += 4;
        } else {
            memcpy(&disp, p + 3, 4);
            p += 7;
        }
        if (apply)
            ctx->Rsp = ctx->Gpr[reg] + disp;
    }
    for (;;) {
        if (p[0] >= 0x58 && p[0] <= 0x5f) {
            if (apply)
                pop_gpr(ctx, p[0] - 0x58, ptrs);
            p++;
        } else if (p[0] == 0x41 && p[1] >= 0x58 && p[1] <= 0x5f) {
            if (apply)
                pop_gpr(ctx, 8 + p[1] - 0x58, ptrs);
            p += 2;
        } else {
            break;
        }
    }
    if (p[0] == 0xc3 || p[0] == 0xc2 || (p[0] == 0xf3 && p[1] == 0xc3))
        return true;
    if (p[0] == 0xff && p[1] == 0x25)
        return true;
    if ((p[0] == 0x48 || p[0] == 0x40) && p[1] == 0xff && p[2] == 0x25)
        return true;
    DWORD64 target;
    if (p[0] == 0xe9) {
        int32_t rel;
        memcpy(&rel, p + 1, 4);
        target = (DWORD64)(p + 5) + rel;
    } else if (p[0] == 0xeb) {
        target = (DWORD64)(p + 2) + (int8_t)p[1];
    } else {
        return false;
    }
    return target < func_begin || target >= func_end;
}

static const UNWIND_INFO *unwind_info(DWORD64 base, const RUNTIME_FUNCTION *fe)
{
    return (const UNWIND_INFO *)(base + fe->UnwindData);
}

/* The chained RUNTIME_FUNCTION, or the handler RVA, follows the codes
 * (their count rounded up to even). */
static const void *info_tail(const UNWIND_INFO *info)
{
    return &info->UnwindCode[(info->CountOfCodes + 1) & ~1];
}

/* Windows' establisher frame: the frame register's value minus its
 * offset once the prolog has set it, otherwise Rsp. */
static DWORD64 establisher_frame(const UNWIND_INFO *info, DWORD prolog_offset,
                                 const CONTEXT *ctx)
{
    if (!info->FrameRegister)
        return ctx->Rsp;
    DWORD64 fp = ctx->Gpr[info->FrameRegister] - info->FrameOffset * 16u;
    if (prolog_offset >= info->SizeOfProlog || (info->Flags & UNW_FLAG_CHAININFO))
        return fp;
    const UNWIND_CODE *c = info->UnwindCode;
    for (unsigned i = 0; i < info->CountOfCodes; i += code_slots(c[i]))
        if (c[i].UnwindOp == UWOP_SET_FPREG && c[i].CodeOffset <= prolog_offset)
            return fp;
    return ctx->Rsp;
}

PEXCEPTION_ROUTINE WINAPI RtlVirtualUnwind(ULONG type, DWORD64 base, DWORD64 pc,
                                           RUNTIME_FUNCTION *fe, CONTEXT *ctx,
                                           void **handler_data, DWORD64 *frame,
                                           KNONVOLATILE_CONTEXT_POINTERS *ptrs)
{
    const UNWIND_INFO *info = unwind_info(base, fe);
    DWORD64 begin = base + fe->BeginAddress;
    DWORD prolog_offset = (DWORD)(pc - begin);
    *frame = establisher_frame(info, prolog_offset, ctx);
    *handler_data = NULL;

    /* The epilog check applies to the function's own code, past its
     * prolog; an epilog undoes everything, so its rest is emulated
     * instead of the codes, and no handler runs for it. */
    if (prolog_offset >= info->SizeOfProlog &&
        epilog((const BYTE *)pc, begin, base + fe->EndAddress, info, ctx, false, NULL)) {
        epilog((const BYTE *)pc, begin, base + fe->EndAddress, info, ctx, true, ptrs);
        ctx->Rip = *(DWORD64 *)ctx->Rsp;
        ctx->Rsp += 8;
        return NULL;
    }

    bool in_prolog = prolog_offset < info->SizeOfProlog;
    const UNWIND_INFO *primary = info;
    for (;;) {
        if (!apply_codes(primary, prolog_offset, ctx, ptrs))
            return NULL;
        if (!(primary->Flags & UNW_FLAG_CHAININFO))
            break;
        const RUNTIME_FUNCTION *chained = info_tail(primary);
        primary = unwind_info(base, chained);
        /* A chained entry's prolog ran in full before the fragment. */
        prolog_offset = ~0u;
    }
    ctx->Rip = *(DWORD64 *)ctx->Rsp;
    ctx->Rsp += 8;

    if (in_prolog || !(primary->Flags & type & (UNW_FLAG_EHANDLER | UNW_FLAG_UHANDLER)))
        return NULL;
    const DWORD *handler_rva = info_tail(primary);
    *handler_data = (void *)(handler_rva + 1);
    return (PEXCEPTION_ROUTINE)(base + *handler_rva);
}

void *WINAPI RtlPcToFileHeader(void *pc, void **base)
{
    struct module *mod = module_by_address(pc);
    *base = mod ? mod->base : NULL;
    return *base;
}
