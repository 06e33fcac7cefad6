/* Texts a program prints: musl's wording for errno values, signals,
 * getaddrinfo and regex errors, and the functions that print them. */
#include <errno.h>
#include <printf.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "messages.h"
#include "musl.sym.h"
#include "px_init.h"

char *px_strerror(int e)
{
    return (char *)(e >= 0 && e < PX_ERRNO_COUNT ? px_errno_text[e] : px_errno_text[0]);
}

char *px_strerror_l(int e, locale_t l)
{
    (void)l;
    return px_strerror(e);
}

int px_strerror_r(int e, char *buf, size_t size)
{
    const char *s = px_strerror(e);
    size_t len = strlen(s);
    if (len >= size) {
        if (size) {
            memcpy(buf, s, size - 1);
            buf[size - 1] = 0;
        }
        return ERANGE;
    }
    memcpy(buf, s, len + 1);
    return 0;
}

void px_perror(const char *prefix)
{
    const char *s = px_strerror(errno);
    if (prefix && *prefix)
        fprintf(stderr, "%s: %s\n", prefix, s);
    else
        fprintf(stderr, "%s\n", s);
}

char *px_strsignal(int sig)
{
    return (char *)(sig >= 0 && sig < PX_SIGNAL_COUNT ? px_signal_text[sig] : px_signal_text[0]);
}

void px_psignal(int sig, const char *prefix)
{
    if (prefix && *prefix)
        fprintf(stderr, "%s: %s\n", prefix, px_strsignal(sig));
    else
        fprintf(stderr, "%s\n", px_strsignal(sig));
}

const char *px_gai_strerror(int e)
{
    return e < 0 && -e <= PX_GAI_COUNT ? px_gai_text[-e - 1] : "Unknown error";
}

size_t px_regerror(int code, const struct px_regex *re, char *buf, size_t size)
{
    (void)re;
    const char *s = code >= 0 && code < PX_REG_COUNT ? px_reg_text[code] : "Unknown error";
    return 1 + snprintf(buf, size, "%s", s);
}

void px_vwarn(const char *fmt, va_list ap)
{
    int e = errno;
    fprintf(stderr, "%s: ", program_invocation_short_name);
    if (fmt) {
        vfprintf(stderr, fmt, ap);
        fputs(": ", stderr);
    }
    fprintf(stderr, "%s\n", px_strerror(e));
}

void px_vwarnx(const char *fmt, va_list ap)
{
    fprintf(stderr, "%s: ", program_invocation_short_name);
    if (fmt)
        vfprintf(stderr, fmt, ap);
    putc('\n', stderr);
}

void px_verr(int status, const char *fmt, va_list ap)
{
    px_vwarn(fmt, ap);
    exit(status);
}

void px_verrx(int status, const char *fmt, va_list ap)
{
    px_vwarnx(fmt, ap);
    exit(status);
}

void px_warn(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    px_vwarn(fmt, ap);
    va_end(ap);
}

void px_warnx(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    px_vwarnx(fmt, ap);
    va_end(ap);
}

void px_err(int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    px_verr(status, fmt, ap);
}

void px_errx(int status, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    px_verrx(status, fmt, ap);
}

/* printf's %m prints musl's text for errno too. */
static int print_errno(FILE *f, const struct printf_info *info, const void *const *args)
{
    (void)args;
    return fprintf(f, info->left ? "%-*s" : "%*s", info->width, px_strerror(errno));
}

static int no_args(const struct printf_info *info, size_t n, int *types, int *sizes)
{
    (void)info;
    (void)n;
    (void)types;
    (void)sizes;
    return 0;
}

void px_init_messages(void)
{
    register_printf_specifier('m', print_errno, no_args);
}
