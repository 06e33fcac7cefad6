/* The manifest parser and the view's path resolver on any input: the
 * bytes before the first NUL are a manifest (INI, read by libinih, every
 * key through view_set), those after it a path, resolved for reading and
 * for writing, translated, and mapped back from host to guest. The view
 * is cleared after each input. Mounts name folders of a throw-away tree
 * made at start (/tmp/lvrun-fuzz-view: a, a/b, ro), which the seeds
 * name. */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "view.h"
#include "harness.h"

static struct harness_file g_file;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    harness_init();
    /* Absolute paths: libFuzzer names its corpus relative to the
     * current folder, which must stay. */
    mkdir("/tmp/lvrun-fuzz-view", 0755);
    mkdir("/tmp/lvrun-fuzz-view/a", 0755);
    mkdir("/tmp/lvrun-fuzz-view/a/b", 0755);
    mkdir("/tmp/lvrun-fuzz-view/ro", 0755);
    harness_file_init(&g_file, "fuzz-view");
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const uint8_t *nul = memchr(data, 0, size);
    size_t manifest_size = nul ? (size_t)(nul - data) : size;
    harness_file_write(&g_file, data, manifest_size);
    view_load_manifest(g_file.path);
    if (nul) {
        size_t n = size - manifest_size - 1;
        char *path = malloc(n + 1), out[PATH_MAX];
        memcpy(path, nul + 1, n);
        path[n] = 0;
        for (int how = 0; how < 4; how++) {
            struct view_res r;
            if (view_resolve(AT_FDCWD, path, how, &r) == 0) {
                view_res_path(&r);
                view_release(&r);
            }
            view_translate(path, how, out, sizeof out);
        }
        view_host_to_guest(path, out, sizeof out);
        free(path);
    }
    view_clear();
    return 0;
}
