/* Process-wide exception settings. Dispatch itself is ntdll's. */
#include "kernel32.spec.h"

static void *g_unhandled_filter;

void *WINAPI SetUnhandledExceptionFilter(void *filter)
{
    return __atomic_exchange_n(&g_unhandled_filter, filter, __ATOMIC_ACQ_REL);
}

void *kernel32_unhandled_filter(void)
{
    return __atomic_load_n(&g_unhandled_filter, __ATOMIC_ACQUIRE);
}
