/* Import slots for musl functions lvrun does not provide. Loading does
 * not fail for them: the slot gets a thunk that loads the function's name
 * into r10 and jumps to a handler naming it and its caller, which stops
 * the program with status 127. */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "elf_loader.h"

#define THUNK_SIZE 32
#define ARENA_SIZE 0x10000

static uint8_t *g_arena;
static size_t g_used = ARENA_SIZE;
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;

void elf_stub_called(const char *name, void *return_address)
    __attribute__((noreturn, used));

__asm__(
    ".text\n"
    ".type elf_stub_entry,@function\n"
    "elf_stub_entry:\n"
    "    mov %r10, %rdi\n"
    "    mov (%rsp), %rsi\n"
    "    and $-16, %rsp\n"
    "    call elf_stub_called\n"
    "    ud2\n");
void elf_stub_entry(void);

void elf_stub_called(const char *name, void *return_address)
{
    struct elf_module *m = elf_module_at(return_address);
    fflush(stdout);
    if (m)
        fprintf(stderr, "lvrun: unimplemented musl function %s called from %s+0x%lx\n", name,
                m->path, (unsigned long)((uintptr_t)return_address - m->bias));
    else
        fprintf(stderr, "lvrun: unimplemented musl function %s called from %p\n", name,
                return_address);
    _exit(127);
}

void *elf_stub_create(const char *name)
{
    char *copy = strdup(name);
    if (!copy)
        return NULL;
    pthread_mutex_lock(&g_lock);
    if (g_used + THUNK_SIZE > ARENA_SIZE) {
        void *p = mmap(NULL, ARENA_SIZE, PROT_READ | PROT_EXEC,
                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) {
            pthread_mutex_unlock(&g_lock);
            free(copy);
            return NULL;
        }
        g_arena = p;
        g_used = 0;
    }
    uint8_t *t = g_arena + g_used;
    uint8_t *page = (uint8_t *)((uintptr_t)t & ~(uintptr_t)4095);
    mprotect(page, 4096, PROT_READ | PROT_WRITE);
    uint64_t r = (uintptr_t)copy, h = (uintptr_t)elf_stub_entry;
    t[0] = 0x49; t[1] = 0xba;            /* mov $name, %r10 */
    memcpy(t + 2, &r, 8);
    t[10] = 0x48; t[11] = 0xb8;          /* mov $handler, %rax */
    memcpy(t + 12, &h, 8);
    t[20] = 0xff; t[21] = 0xe0;          /* jmp *%rax */
    mprotect(page, 4096, PROT_READ | PROT_EXEC);
    g_used += THUNK_SIZE;
    pthread_mutex_unlock(&g_lock);
    return t;
}
