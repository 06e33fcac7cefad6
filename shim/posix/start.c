/* Start-up and exit of a musl program. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "elf/elf_loader.h"
#include "musl.sym.h"
#include "px_init.h"

int __cxa_atexit(void (*fn)(void *), void *arg, void *dso);
int __cxa_at_quick_exit(void (*fn)(void *), void *dso);
int __register_atfork(void (*prepare)(void), void (*parent)(void),
                      void (*child)(void), void *dso);

static void run_fini(void *unused)
{
    (void)unused;
    elf_run_all_fini();
}

/* musl: the program's and its libraries' constructors run here, and the
 * destructors after the atexit functions, before the streams are flushed
 * (registered first, the fini runner is the last atexit function). */
int px___libc_start_main(px_main_fn main, int argc, char **argv, px_void_fn init,
                         px_void_fn fini, px_void_fn ldso_fini)
{
    (void)init;
    (void)fini;
    (void)ldso_fini;
    char **envp = argv + argc + 1;
    px_init_printf();
    px_init_messages();
    __cxa_atexit(run_fini, NULL, NULL);
    elf_run_all_init();
    exit(main(argc, argv, envp));
}

static void call_void(void *fn)
{
    ((px_void_fn)fn)();
}

int px_atexit(px_void_fn fn)
{
    return __cxa_atexit(call_void, (void *)fn, NULL);
}

int px_at_quick_exit(px_void_fn fn)
{
    return __cxa_at_quick_exit(call_void, (void *)fn);
}

int px_pthread_atfork(px_void_fn prepare, px_void_fn parent, px_void_fn child)
{
    return __register_atfork(prepare, parent, child, NULL);
}

/* The guest's auxiliary vector, not lvrun's. */
unsigned long px_getauxval(unsigned long type)
{
    bool found;
    unsigned long v = elf_getauxval(type, &found);
    if (!found)
        errno = ENOENT;
    return v;
}

void *px___tls_get_addr(size_t *v)
{
    return elf_tls_get_addr(v);
}

/* musl's message, not glibc's. */
void px___assert_fail(const char *expr, const char *file, int line, const char *func)
{
    fprintf(stderr, "Assertion failed: %s (%s: %s: %d)\n", expr, file, func, line);
    abort();
}
