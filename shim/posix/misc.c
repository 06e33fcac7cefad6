/* Functions whose musl behaviour differs from glibc's in what a program
 * can observe: the rand sequence, nftw's type numbers, and the BSD and
 * musl extras glibc 2.36 lacks. */
#include <ftw.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include "musl.sym.h"

static uint64_t g_seed;

/* musl's generator: a 64-bit LCG, its top 31 bits. */
void px_srand(unsigned seed)
{
    g_seed = seed - 1;
}

int px_rand(void)
{
    g_seed = 6364136223846793005ULL * g_seed + 1;
    return g_seed >> 33;
}

/* glibc numbers FTW_F from 0, musl from 1. */
static __thread px_nftw_fn g_nftw_fn;
static __thread px_ftw_fn g_ftw_fn;

static int nftw_call(const char *path, const struct stat *st, int type, struct FTW *ftw)
{
    return g_nftw_fn(path, st, type + 1, ftw);
}

static int ftw_call(const char *path, const struct stat *st, int type)
{
    return g_ftw_fn(path, st, type + 1);
}

int px_nftw(const char *path, px_nftw_fn fn, int fds, int flags)
{
    px_nftw_fn saved = g_nftw_fn;
    g_nftw_fn = fn;
    int r = nftw(path, nftw_call, fds, flags);
    g_nftw_fn = saved;
    return r;
}

int px_ftw(const char *path, px_ftw_fn fn, int fds)
{
    px_ftw_fn saved = g_ftw_fn;
    g_ftw_fn = fn;
    int r = ftw(path, ftw_call, fds);
    g_ftw_fn = saved;
    return r;
}

size_t px_strlcpy(char *dst, const char *src, size_t size)
{
    size_t len = strlen(src);
    if (size) {
        size_t n = len < size - 1 ? len : size - 1;
        memcpy(dst, src, n);
        dst[n] = 0;
    }
    return len;
}

size_t px_strlcat(char *dst, const char *src, size_t size)
{
    size_t used = strnlen(dst, size);
    if (used == size)
        return size + strlen(src);
    return used + px_strlcpy(dst + used, src, size - used);
}

int px_issetugid(void)
{
    return getuid() != geteuid() || getgid() != getegid();
}
