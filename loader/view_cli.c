/* lvrun's side of the virtual view: --preload (run a host program with
 * liblvpreload.so) and binfmt_misc registration. */
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>
#include "view.h"
#include "view_cli.h"

#define BINFMT_DIR "/proc/sys/fs/binfmt_misc"

/* liblvpreload.so: LVRUN_PRELOAD_LIB, else beside lvrun (a bundle, the
 * build folder) or in the installed lib/lvrun. */
const char *view_cli_find_preload(void)
{
    static char found[PATH_MAX];
    const char *env = getenv("LVRUN_PRELOAD_LIB");
    if (env && *env)
        return env;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n < 0)
        return NULL;
    exe[n] = 0;
    const char *dir = dirname(exe);
    static const char *const where[] = {
        "liblvpreload.so", "lib/liblvpreload.so", "shim/posix/view/liblvpreload.so",
        "../lib/lvrun/liblvpreload.so",
    };
    for (size_t i = 0; i < sizeof where / sizeof *where; i++) {
        snprintf(found, sizeof found, "%s/%s", dir, where[i]);
        if (access(found, R_OK) == 0) {
            char *real = realpath(found, NULL);
            if (real) {
                snprintf(found, sizeof found, "%s", real);
                free(real);
            }
            return found;
        }
    }
    return NULL;
}

int view_cli_preload(int argc, char **argv)
{
    if (argc < 1) {
        fprintf(stderr, "lvrun: --preload: no program named (lvrun --preload [view options] -- program args)\n");
        return 2;
    }
    const char *lib = view_cli_find_preload();
    if (!lib) {
        fprintf(stderr, "lvrun: --preload: liblvpreload.so not found (set LVRUN_PRELOAD_LIB)\n");
        return 126;
    }
    view_set_preload_lib(lib);
    view_export();
    const char *old = getenv("LD_PRELOAD");
    char *value = malloc(strlen(lib) + (old ? strlen(old) : 0) + 2);
    sprintf(value, "%s%s%s", lib, old && *old ? ":" : "", old && *old ? old : "");
    setenv("LD_PRELOAD", value, 1);
    free(value);
    char host[PATH_MAX];
    const char *prog = argv[0];
    if (strchr(prog, '/') && view_translate(prog, VIEW_FOLLOW, host, sizeof host) == 0)
        prog = host;
    execvp(prog, argv);
    fprintf(stderr, "lvrun: %s: %s\n", argv[0], strerror(errno));
    return errno == ENOENT ? 127 : 126;
}

static int write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
        fprintf(stderr, "lvrun: %s: %s\n", path, strerror(errno));
        return 1;
    }
    return 0;
}

/* "MZ" at offset 0 means a PE to the kernel, as Wine's packaging says;
 * the kernel then runs "lvrun /path/prog.exe args". */
int view_cli_register_binfmt(bool on)
{
    struct stat st;
    if (stat(BINFMT_DIR "/register", &st) != 0 &&
        mount("binfmt_misc", BINFMT_DIR, "binfmt_misc", 0, NULL) != 0) {
        fprintf(stderr, "lvrun: binfmt_misc is not available (%s): mount it on " BINFMT_DIR
                " as root\n", strerror(errno));
        return 1;
    }
    if (!on) {
        if (stat(BINFMT_DIR "/lvrun", &st) != 0)
            return 0;
        return write_file(BINFMT_DIR "/lvrun", "-1");
    }
    char exe[PATH_MAX], rule[PATH_MAX + 32];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n < 0)
        return 1;
    exe[n] = 0;
    if (stat(BINFMT_DIR "/lvrun", &st) == 0 && write_file(BINFMT_DIR "/lvrun", "-1"))
        return 1;
    snprintf(rule, sizeof rule, ":lvrun:M::MZ::%s:", exe);
    return write_file(BINFMT_DIR "/register", rule);
}
