/* `lvrun path --windows PATH...` and `lvrun path --unix PATH...`, as
 * winepath does: each path through kernel32's translator (lv/path.h), so
 * the prefix, the view's mounts and its confinement apply as they do to
 * a running program. One line out per path; a path that cannot be
 * translated is named on stderr and makes the status 1. */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lv/path.h"
#include "path_cli.h"

static int usage(void)
{
    fprintf(stderr, "Usage: lvrun path --windows HOST-PATH...\n"
                    "       lvrun path --unix WINDOWS-PATH...\n");
    return 2;
}

/* A host path is translatable when the program can reach what it
 * names: its Windows form translated back must not be refused (a
 * confined view refuses what lies outside its mounts). */
static char *to_windows(const char *host)
{
    char *win = path_host_to_windows(host);
    char *back = win ? path_windows_to_host_alloc(win) : NULL;
    if (!back) {
        free(win);
        return NULL;
    }
    free(back);
    return win;
}

int path_cli_main(int argc, char **argv)
{
    if (argc < 3)
        return usage();
    bool windows = !strcmp(argv[1], "--windows") || !strcmp(argv[1], "-w");
    if (!windows && strcmp(argv[1], "--unix") && strcmp(argv[1], "-u"))
        return usage();
    int status = 0;
    for (int i = 2; i < argc; i++) {
        char *out = windows ? to_windows(argv[i]) : path_windows_to_host_alloc(argv[i]);
        if (!out) {
            fprintf(stderr, "lvrun: path: %s: %s\n", argv[i],
                    !windows && errno == ENOENT && argv[i][0] && argv[i][1] == ':'
                        ? "no such drive (lvrun has C: and Z:)" : strerror(errno));
            status = 1;
            continue;
        }
        puts(out);
        free(out);
    }
    return status;
}
