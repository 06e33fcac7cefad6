/* Static TLS of images (the TLS directory): one index per image, and per
 * thread a block copied from the image's template, reached by guest code
 * through gs:0x58 -> ThreadLocalStoragePointer[index]. */
#include <stdlib.h>
#include <string.h>
#include "loader.h"
#include "pe_image.h"

#define MAX_TLS_MODULES TEB_TLS_MODULES

static struct module *g_tls_modules[MAX_TLS_MODULES];

typedef void (WINAPI *tls_callback_fn)(void *, DWORD, void *);

static struct pe_tls_directory64 *tls_dir(const struct module *mod)
{
    uint32_t size;
    struct pe_tls_directory64 *d = pe_dir(mod, PE_DIR_TLS, &size);
    return d && size >= sizeof *d ? d : NULL;
}

/* The template's bounds are virtual addresses (relocated with the image);
 * a malformed directory yields an empty block, never a read outside. */
static void *tls_block(const struct module *mod)
{
    struct pe_tls_directory64 *d = tls_dir(mod);
    uintptr_t lo = (uintptr_t)mod->base, hi = lo + mod->size;
    uint64_t start = d->StartAddressOfRawData, end = d->EndAddressOfRawData;
    size_t len = 0;
    if (start >= lo && end >= start && end <= hi)
        len = end - start;
    size_t total = len + d->SizeOfZeroFill;
    char *block = calloc(1, total ? total : 1);
    if (block && len)
        memcpy(block, (void *)(uintptr_t)start, len);
    return block;
}

static void thread_set_block(TEB *teb, int index, void *block)
{
    if (!teb->ThreadLocalStoragePointer)
        teb->ThreadLocalStoragePointer = calloc(MAX_TLS_MODULES, sizeof(void *));
    teb->ThreadLocalStoragePointer[index] = block;
}

static void set_block_for(TEB *teb, void *arg)
{
    struct module *mod = arg;
    thread_set_block(teb, mod->tls_index, tls_block(mod));
}

static void free_block_of(TEB *teb, void *arg)
{
    struct module *mod = arg;
    if (teb->ThreadLocalStoragePointer) {
        free(teb->ThreadLocalStoragePointer[mod->tls_index]);
        teb->ThreadLocalStoragePointer[mod->tls_index] = NULL;
    }
}

bool tls_register_module(struct module *mod)
{
    struct pe_tls_directory64 *d = tls_dir(mod);
    if (!d)
        return true;
    int index = -1;
    for (int i = 0; i < MAX_TLS_MODULES && index < 0; i++)
        if (!g_tls_modules[i])
            index = i;
    if (index < 0) {
        loader_fail("%s: too many modules with TLS", mod->name);
        return false;
    }
    uint32_t *index_slot = NULL;
    uintptr_t lo = (uintptr_t)mod->base;
    if (d->AddressOfIndex >= lo && d->AddressOfIndex + 4 <= lo + mod->size)
        index_slot = (uint32_t *)(uintptr_t)d->AddressOfIndex;
    if (d->AddressOfIndex && !index_slot) {
        loader_fail("%s: TLS index lies outside the image", mod->name);
        return false;
    }
    if (index_slot)
        *index_slot = (uint32_t)index;
    g_tls_modules[index] = mod;
    mod->tls_index = index;
    mod->ldr.TlsIndex = (WORD)index;
    /* Every live thread gets its block now, as on Windows since Vista;
     * threads started later get theirs in module_tls_init_thread. */
    teb_for_each(set_block_for, mod);
    return true;
}

void tls_unregister_module(struct module *mod)
{
    if (mod->tls_index < 0)
        return;
    teb_for_each(free_block_of, mod);
    g_tls_modules[mod->tls_index] = NULL;
    mod->tls_index = -1;
}

void module_tls_init_thread(TEB *teb)
{
    loader_lock();
    for (int i = 0; i < MAX_TLS_MODULES; i++)
        if (g_tls_modules[i])
            thread_set_block(teb, i, tls_block(g_tls_modules[i]));
    loader_unlock();
}

void tls_run_callbacks(struct module *mod, DWORD reason)
{
    struct pe_tls_directory64 *d = tls_dir(mod);
    if (!d || !d->AddressOfCallBacks)
        return;
    uintptr_t lo = (uintptr_t)mod->base, hi = lo + mod->size;
    for (uint64_t *cb = (uint64_t *)(uintptr_t)d->AddressOfCallBacks;
         (uintptr_t)cb >= lo && (uintptr_t)(cb + 1) <= hi && *cb; cb++) {
        if (*cb < lo || *cb >= hi)
            break;
        ((tls_callback_fn)(uintptr_t)*cb)(mod->base, reason, NULL);
    }
}
