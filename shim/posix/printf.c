/* musl's %p: "%#lx", so a null pointer prints "0" where glibc prints
 * "(nil)". The host's printf family takes a handler for it, which keeps
 * every printf, scanf-free, bound straight to glibc's (a registered
 * handler costs glibc's printf its fast path for plain formats). */
#include <printf.h>
#include <stdio.h>
#include "px_init.h"

static int print_pointer(FILE *f, const struct printf_info *info, const void *const *args)
{
    void *p = *(void *const *)args[0];
    char fmt[32];
    int n = snprintf(fmt, sizeof fmt, "%%%s%s#", info->left ? "-" : "",
                     info->pad == '0' && !info->left ? "0" : "");
    if (info->width)
        n += snprintf(fmt + n, sizeof fmt - n, "%d", info->width);
    if (info->prec >= 0)
        n += snprintf(fmt + n, sizeof fmt - n, ".%d", info->prec);
    snprintf(fmt + n, sizeof fmt - n, "lx");
    return fprintf(f, fmt, (unsigned long)p);
}

static int pointer_args(const struct printf_info *info, size_t n, int *types, int *sizes)
{
    (void)info;
    if (n > 0) {
        types[0] = PA_POINTER;
        sizes[0] = sizeof(void *);
    }
    return 1;
}

void px_init_printf(void)
{
    register_printf_specifier('p', print_pointer, pointer_args);
}
