/* Compiled with musl-gcc against musl's headers at build time, with
 * glibc's values (abi_probe.c) included: every binding to the host and
 * every type shim/posix translates is checked here. Nothing is linked. */
#include "abi_list.h"
#include "px_types.h"

#define CHECK(name, expr) \
    _Static_assert((long long)(expr) == PX_GLIBC_##name, \
                   "musl and glibc differ: " #name " (" #expr ")");
PX_ABI_SAME(CHECK)

#define CHECK_AT_LEAST(name, expr) \
    _Static_assert((long long)(expr) >= PX_GLIBC_##name, \
                   "musl's is smaller than glibc's: " #name " (" #expr ")");
PX_ABI_AT_LEAST(CHECK_AT_LEAST)

#define SAME_LAYOUT(ours, musl, field) \
    _Static_assert(offsetof(ours, field) == offsetof(musl, field), \
                   #ours "." #field " is not where musl's " #musl " has it");

_Static_assert(sizeof(struct px_regex) == sizeof(regex_t), "musl's regex_t size");
SAME_LAYOUT(struct px_regex, regex_t, re_nsub)
SAME_LAYOUT(struct px_regex, regex_t, __opaque)
_Static_assert(sizeof(struct px_regmatch) == sizeof(regmatch_t), "musl's regmatch_t size");
SAME_LAYOUT(struct px_regmatch, regmatch_t, rm_so)
SAME_LAYOUT(struct px_regmatch, regmatch_t, rm_eo)
_Static_assert(sizeof(struct px_ptcb) == sizeof(struct __ptcb), "musl's struct __ptcb size");
SAME_LAYOUT(struct px_ptcb, struct __ptcb, __f)
SAME_LAYOUT(struct px_ptcb, struct __ptcb, __x)
SAME_LAYOUT(struct px_ptcb, struct __ptcb, __next)

/* The types nftw's wrapper renumbers. */
_Static_assert(FTW_F == 1 && FTW_D == 2 && FTW_DNR == 3 && FTW_NS == 4 && FTW_SL == 5
               && FTW_DP == 6 && FTW_SLN == 7, "musl's FTW_* type numbers");
