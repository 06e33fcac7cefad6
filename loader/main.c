/* lvrun: the command. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lv/module.h"
#include "lv/path.h"
#include "lv/process.h"
#include "lv/teb.h"
#include "check.h"
#include "reg_cli.h"
#include "elf/elf_loader.h"

/* Exit statuses of lvrun itself, beside the program's own. */
#define STATUS_LOAD_FAILED 126
#define STATUS_USAGE 2

void heap_init_process(void);

static void usage(FILE *out)
{
    fprintf(out,
        "Usage: lvrun [options] program.exe [arguments...]\n"
        "       lvrun [--prefix DIR] reg export FILE [KEY] | reg import FILE\n"
        "Runs a Windows x64 console program.\n"
        "\n"
        "Options:\n"
        "  --prefix DIR   the Windows prefix (default: $LVRUN_PREFIX or ~/.lvrun);\n"
        "                 drive C: is DIR/drive_c, created on first use\n"
        "  --check        list every import of the program and its DLLs with its\n"
        "                 status; exit 1 if any is unimplemented; run nothing\n"
        "  -h, --help     this help\n"
        "  --version      lvrun's version\n"
        "\n"
        "Exit status: the program's exit code, low 8 bits (Windows exit codes are\n"
        "32-bit; the host keeps 8). 126: the program could not be loaded.\n"
        "127: it called a function lvrun does not implement (named on stderr).\n");
}

typedef int (WINAPI *entry_fn)(PEB *);

/* A program named without a folder is looked up in the current folder
 * only, with ".exe" added when missing, as a shell user expects. */
static char *find_program(const char *arg)
{
    struct stat st;
    if (stat(arg, &st) == 0)
        return strdup(arg);
    size_t n = strlen(arg);
    if (n < 4 || strcasecmp(arg + n - 4, ".exe")) {
        char *with = malloc(n + 5);
        snprintf(with, n + 5, "%s.exe", arg);
        if (stat(with, &st) == 0)
            return with;
        free(with);
    }
    return NULL;
}

int main(int argc, char **argv)
{
    static const struct option opts[] = {
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, 'V' },
        { "prefix", required_argument, NULL, 'p' },
        { "check", no_argument, NULL, 'c' },
        { 0, 0, 0, 0 },
    };
    bool check = false;
    int c;
    /* "+": options end at the program's name; its own options are its. */
    while ((c = getopt_long(argc, argv, "+h", opts, NULL)) != -1) {
        switch (c) {
        case 'h':
            usage(stdout);
            return 0;
        case 'V':
            printf("lvrun %s\n", LVRUN_VERSION);
            return 0;
        case 'p':
            path_set_prefix(optarg);
            break;
        case 'c':
            check = true;
            break;
        default:
            usage(stderr);
            return STATUS_USAGE;
        }
    }
    if (optind >= argc) {
        usage(stderr);
        return STATUS_USAGE;
    }
    if (!strcmp(argv[optind], "reg"))
        return reg_cli_main(argc - optind, argv + optind);
    const char *arg = argv[optind];
    char *path = find_program(arg);
    if (!path) {
        fprintf(stderr, "lvrun: %s: no such file\n", arg);
        return STATUS_LOAD_FAILED;
    }
    if (elf_is_elf(path))
        return elf_run(path, argc - optind, argv + optind);
    teb_init_process();
    heap_init_process();
    process_init_parameters(path, argc - optind, argv + optind);
    struct module *exe = module_load_exe(path);
    if (check)
        return check_report(exe, path);
    if (!exe) {
        fprintf(stderr, "lvrun: %s: %s\n", arg, loader_error());
        return STATUS_LOAD_FAILED;
    }
    lv_peb()->ImageBaseAddress = exe->base;
    if (!module_attach_all()) {
        fprintf(stderr, "lvrun: %s: %s\n", arg, loader_error());
        process_abort(STATUS_LOAD_FAILED);
    }
    entry_fn entry = (entry_fn)exe->ldr.EntryPoint;
    if (!entry) {
        fprintf(stderr, "lvrun: %s: the program has no entry point\n", arg);
        return STATUS_LOAD_FAILED;
    }
    /* A returning entry point ends the process, as the thread start thunk
     * of Windows does. */
    process_exit((UINT)entry(lv_peb()));
}
