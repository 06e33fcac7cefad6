/* Entry points for imports that have no implementation. Loading never
 * fails for a missing export: the import slot gets a small thunk that
 * loads its record into r10 and jumps to a common handler, which names
 * the function and its caller and stops the process (status 127). */
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "lv/module.h"
#include "lv/process.h"

struct stub_record {
    char dll[64];
    char name[128];
};

#define THUNK_SIZE 32
#define ARENA_SIZE 0x10000

static uint8_t *g_arena;
static size_t g_used = ARENA_SIZE;
static pthread_mutex_t g_lock = PTHREAD_MUTEX_INITIALIZER;

void stub_called(struct stub_record *rec, void *return_address)
    __attribute__((noreturn, used));

/* The guest reached us with a call, so [rsp] is its return address. The
 * stack is realigned because the guest's alignment is not ours to trust. */
__asm__(
    ".text\n"
    ".globl lv_stub_entry\n"
    ".type lv_stub_entry,@function\n"
    "lv_stub_entry:\n"
    "    mov %r10, %rdi\n"
    "    mov (%rsp), %rsi\n"
    "    and $-16, %rsp\n"
    "    call stub_called\n"
    "    ud2\n");
void lv_stub_entry(void);

void stub_called(struct stub_record *rec, void *return_address)
{
    const char *caller = "?";
    uintptr_t offset = (uintptr_t)return_address;
    struct module *m = module_by_address(return_address);
    if (m) {
        caller = m->name;
        offset -= (uintptr_t)m->base;
    }
    /* The address is the caller's return address, as debuggers show it. */
    fprintf(stderr, "lvrun: unimplemented function %s!%s called from %s+0x%lx\n",
            rec->dll, rec->name, caller, (unsigned long)offset);
    process_abort(127);
}

void *stub_create(const char *dll, const char *name, unsigned ordinal)
{
    struct stub_record *rec = calloc(1, sizeof *rec);
    if (!rec)
        return NULL;
    snprintf(rec->dll, sizeof rec->dll, "%s", dll);
    if (name)
        snprintf(rec->name, sizeof rec->name, "%s", name);
    else
        snprintf(rec->name, sizeof rec->name, "#%u", ordinal);
    pthread_mutex_lock(&g_lock);
    if (g_used + THUNK_SIZE > ARENA_SIZE) {
        void *p = mmap(NULL, ARENA_SIZE, PROT_READ | PROT_EXEC,
                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) {
            pthread_mutex_unlock(&g_lock);
            free(rec);
            return NULL;
        }
        g_arena = p;
        g_used = 0;
    }
    uint8_t *t = g_arena + g_used;
    uint8_t *page = (uint8_t *)((uintptr_t)t & ~(uintptr_t)4095);
    mprotect(page, 4096, PROT_READ | PROT_WRITE);
    uint64_t r = (uintptr_t)rec, h = (uintptr_t)lv_stub_entry;
    t[0] = 0x49; t[1] = 0xba;            /* mov $rec, %r10 */
    memcpy(t + 2, &r, 8);
    t[10] = 0x48; t[11] = 0xb8;          /* mov $handler, %rax */
    memcpy(t + 12, &h, 8);
    t[20] = 0xff; t[21] = 0xe0;          /* jmp *%rax */
    mprotect(page, 4096, PROT_READ | PROT_EXEC);
    g_used += THUNK_SIZE;
    pthread_mutex_unlock(&g_lock);
    return t;
}
