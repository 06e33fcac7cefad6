/* 200,000 lines through printf into a pipe: buffering, CRLF translation and
 * throughput. The expected stdout is given by its sha256 (bigout.outsha256). */
#include "test.h"

int main(void)
{
    static const char *const words[] = { "alpha", "beta", "gamma", "delta", "" };
    unsigned hash = 2166136261u;
    int i;

    for (i = 0; i < 200000; i++) {
        hash = (hash ^ (unsigned)i) * 16777619u;
        printf("%06d %08x %s%c\n", i, hash, words[i % 5], 'a' + i % 26);
    }
    return test_summary();
}
