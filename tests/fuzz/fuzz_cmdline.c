/* CommandLineToArgvW on any command line: the list is terminated and its
 * words, made of the line's characters, are no longer than the line. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "kernel32.spec.h"
#include "shell32.spec.h"
#include "lv/teb.h"
#include "lv/wstr.h"
#include "harness.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    harness_init();
    teb_init_process();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t units = size / 2;
    WCHAR *line = malloc((units + 1) * sizeof(WCHAR));
    memcpy(line, data, units * sizeof(WCHAR));
    line[units] = 0;
    int argc = -1;
    WCHAR **argv = CommandLineToArgvW(line, &argc);
    if (argv) {
        if (argc < 1 || argv[argc])
            abort();
        size_t total = 0;
        for (int i = 0; i < argc; i++)
            total += wstr_len(argv[i]);
        if (line[0] && total > units)
            abort();
        LocalFree(argv);
    }
    free(line);
    return 0;
}
