/* The Windows path translator on any string: path_windows_to_host_alloc
 * (UTF-8), path_windows_to_host_w and GetFullPathNameW's full_path_name
 * (UTF-16), inside a throw-away prefix. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "kernel32.spec.h"
#include "kernel32_private.h"
#include "lv/path.h"
#include "lv/teb.h"
#include "harness.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    harness_init();
    char dir[] = "/tmp/lvrun-fuzz-path-XXXXXX";
    if (!mkdtemp(dir))
        abort();
    path_set_prefix(dir);
    teb_init_process();
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    memcpy(s, data, size);
    s[size] = 0;
    free(path_windows_to_host_alloc(s));
    free(s);

    size_t units = size / 2;
    WCHAR *w = malloc((units + 1) * sizeof(WCHAR));
    memcpy(w, data, units * sizeof(WCHAR));
    w[units] = 0;
    free(path_windows_to_host_w(w));
    free(full_path_name(w));
    free(w);
    return 0;
}
