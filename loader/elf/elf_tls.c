/* The guest's thread-local storage. musl's x86-64 code addresses the
 * program's __thread variables at fixed negative offsets from %fs (TLS
 * variant II), and %fs is glibc's thread pointer here. lvrun's main
 * executable therefore ends its own static TLS with a reserve: a common
 * TLS symbol, which the linker places last, right below the thread
 * pointer. Each guest module's block is laid out in it as musl's loader
 * would, and its image is copied in for every thread the guest runs. */
#include <string.h>
#include "elf_loader.h"

/* glibc clears a thread's whole static TLS when it creates the thread,
 * in the creating thread: every KiB here is paid by every CreateThread of
 * a Windows program too. 16 KiB is ten times glibc's own reserve for
 * libraries loaded later; a program that needs more is refused with a
 * message saying so. */
#define TLS_RESERVE_SIZE (16 * 1024)
#define TLS_RESERVE_ALIGN 64

__thread unsigned char elf_tls_reserve[TLS_RESERVE_SIZE]
    __attribute__((common, aligned(TLS_RESERVE_ALIGN)));

static size_t g_used;

static unsigned char *thread_pointer(void)
{
    unsigned char *tp;
    __asm__("mov %%fs:0, %0" : "=r"(tp));
    return tp;
}

bool elf_tls_assign(struct elf_module *m)
{
    if (!m->tls_memsz)
        return true;
    if (elf_tls_reserve + TLS_RESERVE_SIZE != thread_pointer()) {
        elf_set_error("%s: lvrun's TLS reserve is not next to the thread pointer "
                      "(lvrun was linked with another TLS variable after it)", m->path);
        return false;
    }
    size_t align = m->tls_align;
    if (align > TLS_RESERVE_ALIGN || (align & (align - 1))) {
        elf_set_error("%s: thread-local storage aligned to %zu bytes; lvrun supports up "
                      "to %d", m->path, align, TLS_RESERVE_ALIGN);
        return false;
    }
    uintptr_t vaddr = (uintptr_t)m->tls_image - m->bias;
    size_t offset = g_used + m->tls_memsz;
    offset += (-offset - vaddr) & (align - 1);
    if (offset > TLS_RESERVE_SIZE) {
        elf_set_error("%s: needs %zu bytes of thread-local storage; lvrun reserves %d "
                      "for all modules (%zu used)", m->path, m->tls_memsz,
                      TLS_RESERVE_SIZE, g_used);
        return false;
    }
    m->tls_offset = offset;
    g_used = offset;
    return true;
}

void elf_tls_init_thread(void)
{
    unsigned char *tp = thread_pointer();
    for (struct elf_module *m = elf_modules(); m; m = m->next) {
        if (!m->tls_memsz || !m->tls_offset)
            continue;
        unsigned char *block = tp - m->tls_offset;
        memcpy(block, m->tls_image, m->tls_filesz);
        memset(block + m->tls_filesz, 0, m->tls_memsz - m->tls_filesz);
    }
}

void *elf_tls_get_addr(const size_t *v)
{
    return thread_pointer() - v[0] + v[1];
}
