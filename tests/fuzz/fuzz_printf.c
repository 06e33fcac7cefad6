/* The printf engine on any format string, narrow or wide, under any of
 * its behaviour switches. The first byte of an input picks the engine
 * and the switches, the rest is the format.
 *
 * A fuzzed format may take any argument as any type, so every argument
 * is the same value, one that every conversion can use: the address of a
 * zeroed buffer whose low 32 bits are zero. As a pointer it is an empty
 * string (narrow, wide, ANSI_STRING) and a place for %n to write; as an
 * int, a width or a precision it is 0. There are more arguments than the
 * format has conversions, and at least the 100 that positional formats
 * may name (_ARGMAX). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include "format.h"
#include "harness.h"

#define ARG_SIZE 0x10000u
#define MAX_POSITION 100
#define MAX_OUTPUT (1u << 20)

static uint8_t *g_arg;

struct discard {
    struct fmt_out out;
    size_t count;
};

/* Output is counted, and stops the engine past MAX_OUTPUT (a width of
 * a billion is a valid format, and a slow one). */
static int discard_put(struct fmt_out *out, const void *units, size_t count)
{
    struct discard *d = (struct discard *)out;
    (void)units;
    d->count += count;
    return d->count > MAX_OUTPUT ? -1 : 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    harness_init();
    for (uint64_t want = 0x200000000000ull; want < 0x700000000000ull; want += 0x100000000000ull) {
        void *p = mmap((void *)want, ARG_SIZE, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
        if (p == (void *)want) {
            g_arg = p;
            return 0;
        }
        if (p != MAP_FAILED)
            munmap(p, ARG_SIZE);
    }
    abort();
}

/* A width or precision of 100,000 or more is valid and formats that many
 * characters before any output is cut: such inputs only cost time (a
 * bounded fuzz run in CI must not time out on them). Positions (7$) of
 * any length stay, being checked against the arguments. A wide format's
 * characters are 16-bit units (stride 2). */
static int has_huge_number(const uint8_t *data, size_t size, size_t stride)
{
    size_t run = 0;
    for (size_t i = 0; i + stride <= size; i += stride) {
        unsigned c = stride == 2 ? data[i] | (unsigned)data[i + 1] << 8 : data[i];
        if (c >= '0' && c <= '9') {
            run++;
            continue;
        }
        if (run > 4 && c != '$')
            return 1;
        run = 0;
    }
    return run > 4;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1 || has_huge_number(data + 1, size - 1, data[0] & 0x80 ? 2 : 1))
        return 0;
    unsigned mode = data[0];
    unsigned flags = mode & (FMT_WIDE_LEGACY | FMT_UCRT | FMT_POSITIONAL | FMT_THREE_DIGIT_EXP);
    data++;
    size--;

    size_t nargs = MAX_POSITION;
    for (size_t i = 0; i < size; i++)
        nargs += data[i] == '%' || data[i] == '*';
    uint64_t *args = malloc(nargs * sizeof *args);
    for (size_t i = 0; i < nargs; i++)
        args[i] = (uintptr_t)g_arg;
    memset(g_arg, 0, 64);

    struct discard d = { { discard_put }, 0 };
    if (mode & 0x80) {
        size_t units = size / 2;
        WCHAR *format = malloc((units + 1) * sizeof(WCHAR));
        memcpy(format, data, units * sizeof(WCHAR));
        format[units] = 0;
        fmt_vwprintf(&d.out, format, (__builtin_ms_va_list)args, flags);
        free(format);
    } else {
        char *format = malloc(size + 1);
        memcpy(format, data, size);
        format[size] = 0;
        fmt_vprintf(&d.out, format, (__builtin_ms_va_list)args, flags);
        free(format);
    }
    free(args);
    return 0;
}
