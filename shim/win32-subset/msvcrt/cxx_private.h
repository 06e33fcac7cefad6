/* The MSVC C++ runtime (exceptions, RTTI, terminate) shared by msvcrt and
 * vcruntime140: the x64 layouts the compiler emits, whose pointers are
 * 32-bit offsets (RVAs) from the base of the module holding them. */
#ifndef MSVCRT_CXX_PRIVATE_H
#define MSVCRT_CXX_PRIVATE_H

#include <stdbool.h>
#include "msvcrt_private.h"
#include "except_private.h"

#define CXX_EXCEPTION 0xE06D7363u /* "msc" */
#define CXX_MAGIC_V1 0x19930520u
#define CXX_MAGIC_V2 0x19930521u
#define CXX_MAGIC_V3 0x19930522u

/* ExceptionInformation of a C++ exception. */
enum { CXX_INFO_MAGIC, CXX_INFO_OBJECT, CXX_INFO_THROW, CXX_INFO_BASE, CXX_INFO_COUNT };

typedef struct {
    const void *vtable;
    void *data; /* the undecorated name, made on demand */
    char name[];
} cxx_type_descriptor;

/* Where a base class lies in an object: mdisp, then through the virtual
 * base table at pdisp (when pdisp >= 0) at its entry vdisp. */
typedef struct {
    int mdisp;
    int pdisp;
    int vdisp;
} cxx_pmd;

#define CXX_TYPE_SIMPLE 0x01
#define CXX_TYPE_BYREF_ONLY 0x02
#define CXX_TYPE_VIRTUAL_BASE 0x04

typedef struct {
    DWORD properties;
    int type;
    cxx_pmd offsets;
    int size;
    int copy_ctor;
} cxx_catchable_type;

typedef struct {
    int count;
    int types[];
} cxx_catchable_type_array;

#define CXX_THROW_CONST 0x01
#define CXX_THROW_VOLATILE 0x02
#define CXX_THROW_UNALIGNED 0x04

typedef struct {
    DWORD attributes;
    int destructor;
    int forward_compat;
    int catchable_types;
} cxx_throw_info;

typedef struct {
    int to_state;
    int action;
} cxx_unwind_entry;

#define CXX_HANDLER_CONST 0x01
#define CXX_HANDLER_VOLATILE 0x02
#define CXX_HANDLER_UNALIGNED 0x04
#define CXX_HANDLER_REFERENCE 0x08
#define CXX_HANDLER_ELLIPSIS 0x40

typedef struct {
    DWORD adjectives;
    int type;
    int catch_object; /* offset in the parent frame, 0 = none */
    int handler;
    int frame; /* where the catch funclet keeps its parent's frame */
} cxx_handler;

typedef struct {
    int try_low;
    int try_high;
    int catch_high;
    int handler_count;
    int handlers;
} cxx_try_block;

typedef struct {
    int ip;
    int state;
} cxx_ip_state;

#define CXX_FUNC_EHS 0x01 /* /EHs: catch (...) does not catch SEH exceptions */

typedef struct {
    DWORD magic; /* low 29 bits; the top 3 are compiler flags */
    int max_state;
    int unwind_map;
    DWORD try_count;
    int try_map;
    DWORD ip_count;
    int ip_map;
    int unwind_help;
    int expected_types; /* version 2 and later */
    int flags;          /* version 3 */
} cxx_func_info;

/* The RTTI complete object locator, found before an object's vtable. */
typedef struct {
    DWORD signature; /* 1 on x64: the fields are RVAs */
    int offset;      /* of the vtable pointer in the complete object */
    int cd_offset;
    int type;
    int hierarchy;
    int self; /* the locator's own RVA, which gives the module base */
} cxx_object_locator;

#define CXX_BASE_NOT_VISIBLE 0x01
#define CXX_BASE_AMBIGUOUS 0x02

typedef struct {
    int type;
    DWORD contained_bases;
    cxx_pmd offsets;
    DWORD attributes;
    int hierarchy;
} cxx_base_descriptor;

#define CXX_HIERARCHY_MULTIPLE 0x01
#define CXX_HIERARCHY_VIRTUAL 0x02

typedef struct {
    DWORD signature;
    DWORD attributes;
    DWORD base_count;
    int bases; /* RVA of an array of RVAs of base descriptors */
} cxx_hierarchy;

void *WINAPI RtlPcToFileHeader(void *pc, void **base);
void WINAPI RtlUnwindEx(void *frame, void *ip, EXCEPTION_RECORD *rec, void *retval,
                        CONTEXT *ctx, UNWIND_HISTORY_TABLE *history);

static inline void *cxx_rva(ULONG_PTR base, int rva)
{
    return (char *)base + rva;
}

/* this + PMD: the address of the base class the PMD describes. */
void *cxx_adjust_pointer(void *obj, const cxx_pmd *pmd);

/* Same type: the same descriptor or the same decorated name. */
bool cxx_same_type(const cxx_type_descriptor *a, const cxx_type_descriptor *b);

/* True for a C++ exception record of a known version. */
bool cxx_is_cxx_exception(const EXCEPTION_RECORD *rec);

/* The exceptions the calling thread is handling, innermost first: each
 * catch block running, with the frame it runs for and the exception it
 * caught (cxx_throw.c). */
struct cxx_catch {
    struct cxx_catch *prev;
    DWORD64 frame;            /* establisher frame of the catching function or funclet */
    const cxx_func_info *info;
    const cxx_try_block *block;
    EXCEPTION_RECORD rec;     /* the exception caught */
    CONTEXT *context;
    bool rethrown;
};
struct cxx_catch *cxx_catch_top(void);
/* Enter a catch block: catch blocks of frames at or below frame have
 * ended (an exception left them), and their exceptions are destroyed. */
void cxx_catch_push(struct cxx_catch *c);
/* Leave the innermost catch block normally: its exception is destroyed. */
void cxx_catch_pop(struct cxx_catch *c);
/* The per-thread count of exceptions thrown and not yet caught. */
int *cxx_processing_throw(void);
/* The exception record and context of the innermost catch (vcruntime's
 * __current_exception and __current_exception_context). */
void **cxx_current_exception(void);
void **cxx_current_exception_context(void);

/* terminate(): the handler set, then abort. */
__attribute__((noreturn)) void cxx_terminate(void);

/* The frame handler of FuncInfo versions 1 to 3. */
EXCEPTION_DISPOSITION cxx_frame_handler(EXCEPTION_RECORD *rec, DWORD64 frame, CONTEXT *ctx,
                                        DISPATCHER_CONTEXT *dc, const cxx_func_info *info);

/* "class foo" from ".?AVfoo@@" (malloc); NULL if not understood. */
char *cxx_undecorate_type(const char *decorated);

/* Guest code called by the runtime. */
typedef void (CDECL *cxx_funclet)(DWORD64, DWORD64);
typedef void *(CDECL *cxx_catch_funclet)(DWORD64, DWORD64);
typedef void (CDECL *cxx_copy_ctor)(void *, const void *);
typedef void (CDECL *cxx_copy_ctor_vbase)(void *, const void *, int);
typedef void (CDECL *cxx_dtor)(void *);

#endif
