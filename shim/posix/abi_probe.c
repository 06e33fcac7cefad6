/* glibc's side of the ABI comparison (see abi_list.h): prints its
 * values as the header abi_check.c is compiled with. */
#include <stdio.h>
#include "abi_list.h"

#define PRINT(name, expr) printf("#define PX_GLIBC_%s %lldLL\n", #name, (long long)(expr));

int main(void)
{
    PX_ABI_SAME(PRINT)
    PX_ABI_AT_LEAST(PRINT)
    return 0;
}
