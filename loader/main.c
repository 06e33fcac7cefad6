/* lvrun: the command. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "lv/cmd.h"
#include "lv/module.h"
#include "lv/path.h"
#include "lv/process.h"
#include "lv/teb.h"
#include "lv/trace.h"
#include "check.h"
#include "path_cli.h"
#include "reg_cli.h"
#include "elf/elf_loader.h"
#include "view.h"
#include "view_cli.h"

/* Exit statuses of lvrun itself, beside the program's own. */
#define STATUS_LOAD_FAILED 126
#define STATUS_USAGE 2

void heap_init_process(void);

static void usage(FILE *out)
{
    fprintf(out,
        "Usage: lvrun [options] program.exe [arguments...]\n"
        "       lvrun [--prefix DIR] reg export FILE [KEY] | reg import FILE\n"
        "       lvrun [--prefix DIR] [view options] path --windows|--unix PATH...\n"
        "       lvrun --preload [view options] -- host-program [arguments...]\n"
        "       lvrun pack --entry PROGRAM --out DIR [--single-file] [view options] FILES...\n"
        "Runs a Windows x64 console program, or an ELF program built against musl.\n"
        "\n"
        "Options:\n"
        "  --prefix DIR   the Windows prefix (default: $LVRUN_PREFIX or ~/.lvrun);\n"
        "                 drive C: is DIR/drive_c, created on first use\n"
        "  --check        list every import of the program and its DLLs with its\n"
        "                 status; exit 1 if any is unimplemented; run nothing\n"
        "  --json         with --check: the same as one JSON document\n"
        "  --trace LIST   trace channels, as LVRUN_DEBUG (below)\n"
        "  -h, --help     this help\n"
        "\n"
        "lvrun path --windows HOST-PATH... prints the Windows path a program sees\n"
        "(C:\\... in the prefix's drive_c, Z:\\... elsewhere, mounts applied);\n"
        "--unix WINDOWS-PATH... the host path it opens (names matched without\n"
        "case as the file functions match them). Exit 1 if one cannot be\n"
        "translated (a drive other than C: and Z:, outside a confined view).\n"
        "\n"
        "The virtual view (the same for PE, musl, static and preloaded programs):\n"
        "  --mount GUEST=HOST[:ro]  GUEST (a path the program uses) is HOST on this\n"
        "                 machine; the longest GUEST prefix wins; files or folders\n"
        "  --confine      nothing outside the mounts is reachable (EACCES,\n"
        "                 ERROR_ACCESS_DENIED); :ro mounts refuse writes (EROFS)\n"
        "  --env K=V, --unset-env K   the program's environment\n"
        "  --user NAME, --hostname NAME   the names the program sees\n"
        "  --codepage N   the ANSI code page of PE programs (65001, 1252, 437, 936, 932, ...)\n"
        "  --manifest FILE  the same keys in an INI file (mount = /a=/b:ro, ...)\n"
        "  --preload      run a dynamically linked host program with the view\n"
        "                 (liblvpreload.so; or LD_PRELOAD=.../liblvpreload.so with\n"
        "                 LVRUN_VIEW='mount=/a=/b;confine=1', the keys above)\n"
        "  --register-binfmt, --unregister-binfmt   (root) let the kernel run\n"
        "                 ./program.exe through lvrun (binfmt_misc, magic \"MZ\")\n"
        "  --version      lvrun's version\n"
        "\n"
        "Exit status: the program's exit code, low 8 bits (Windows exit codes are\n"
        "32-bit; the host keeps 8). 126: the program could not be loaded.\n"
        "127: it called a function lvrun does not implement (named on stderr).\n"
        "\n"
        "Tracing: LVRUN_DEBUG=+relay,+file,-heap (or --trace) turns channels on\n"
        "and off (\"all\" names them all); lines go to stderr, or to the file\n"
        "LVRUN_LOG names (appended to). LVRUN_RELAY=kernel32.*File*,-*Heap* and\n"
        "LVRUN_RELAY_FROM=prog.exe choose the calls +relay shows (globs on\n"
        "DLL.function and on the calling module; \"-\" excludes). Channels:\n");
    trace_usage(out);
}

typedef int (WINAPI *entry_fn)(PEB *);

enum {
    OPT_COMMAND_LINE = 256,
    OPT_INHERIT,
    OPT_EXIT_CODE_FD,
    OPT_WINDOWS_ENV,
    OPT_CMD,
    OPT_MOUNT,
    OPT_CONFINE,
    OPT_ENV,
    OPT_UNSET_ENV,
    OPT_USER,
    OPT_HOSTNAME,
    OPT_CODEPAGE,
    OPT_MANIFEST,
    OPT_PRELOAD,
    OPT_REGISTER_BINFMT,
    OPT_UNREGISTER_BINFMT,
};

/* The view's flags, by option value: the key they set. */
static const char *view_key(int opt)
{
    static const char *const keys[] = {
        [OPT_MOUNT - OPT_MOUNT] = "mount", [OPT_ENV - OPT_MOUNT] = "env",
        [OPT_UNSET_ENV - OPT_MOUNT] = "unset-env", [OPT_USER - OPT_MOUNT] = "user",
        [OPT_HOSTNAME - OPT_MOUNT] = "hostname", [OPT_CODEPAGE - OPT_MOUNT] = "codepage",
    };
    return opt >= OPT_MOUNT && opt <= OPT_CODEPAGE ? keys[opt - OPT_MOUNT] : NULL;
}

/* The builtin cmd.exe, in the system folder where programs look for it. */
static int run_cmd(void)
{
    char *path = path_windows_to_host_alloc("C:\\windows\\system32\\cmd.exe");
    teb_init_process();
    heap_init_process();
    process_init_parameters(path, 1, &path);
    free(path);
    process_exit(cmd_run());
}

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
        { "json", no_argument, NULL, 'j' },
        { "trace", required_argument, NULL, 't' },
        /* Internal: a parent lvrun starting a child (CreateProcess). */
        { "command-line", required_argument, NULL, OPT_COMMAND_LINE },
        { "inherit", required_argument, NULL, OPT_INHERIT },
        { "exit-code-fd", required_argument, NULL, OPT_EXIT_CODE_FD },
        { "windows-env", no_argument, NULL, OPT_WINDOWS_ENV },
        { "cmd", no_argument, NULL, OPT_CMD },
        { "mount", required_argument, NULL, OPT_MOUNT },
        { "confine", no_argument, NULL, OPT_CONFINE },
        { "env", required_argument, NULL, OPT_ENV },
        { "unset-env", required_argument, NULL, OPT_UNSET_ENV },
        { "user", required_argument, NULL, OPT_USER },
        { "hostname", required_argument, NULL, OPT_HOSTNAME },
        { "codepage", required_argument, NULL, OPT_CODEPAGE },
        { "manifest", required_argument, NULL, OPT_MANIFEST },
        { "preload", no_argument, NULL, OPT_PRELOAD },
        { "register-binfmt", no_argument, NULL, OPT_REGISTER_BINFMT },
        { "unregister-binfmt", no_argument, NULL, OPT_UNREGISTER_BINFMT },
        { 0, 0, 0, 0 },
    };
    struct process_child_options child = { .exit_code_fd = -1 };
    bool cmd = false;
    bool check = false, json = false, preload = false;
    const char *bad;
    int c;
    if (!trace_init_from_env() || !view_load_env())
        return STATUS_USAGE;
    if (argc > 1 && !strcmp(argv[1], "pack"))
        return pack_main(argc - 1, argv + 1);
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
        case 'j':
            json = true;
            break;
        case 't':
            if (!trace_configure(optarg, &bad)) {
                fprintf(stderr, "lvrun: --trace: unknown channel \"%.*s\"\n",
                        (int)strcspn(bad, ","), bad);
                return STATUS_USAGE;
            }
            break;
        case OPT_COMMAND_LINE:
            child.command_line = optarg;
            break;
        case OPT_INHERIT:
            child.inherit = optarg;
            break;
        case OPT_EXIT_CODE_FD:
            child.exit_code_fd = atoi(optarg);
            break;
        case OPT_WINDOWS_ENV:
            child.windows_env = true;
            break;
        case OPT_CMD:
            cmd = true;
            break;
        case OPT_MOUNT:
        case OPT_ENV:
        case OPT_UNSET_ENV:
        case OPT_USER:
        case OPT_HOSTNAME:
        case OPT_CODEPAGE:
            if (!view_set(view_key(c), optarg))
                return STATUS_USAGE;
            break;
        case OPT_CONFINE:
            view_set("confine", "1");
            break;
        case OPT_MANIFEST:
            if (!view_load_manifest(optarg))
                return STATUS_USAGE;
            break;
        case OPT_PRELOAD:
            preload = true;
            break;
        case OPT_REGISTER_BINFMT:
        case OPT_UNREGISTER_BINFMT:
            return view_cli_register_binfmt(c == OPT_REGISTER_BINFMT);
        default:
            usage(stderr);
            return STATUS_USAGE;
        }
    }
    process_set_child_options(&child);
    if (preload)
        return view_cli_preload(argc - optind, argv + optind);
    view_export();
    if (cmd)
        return run_cmd();
    if (optind >= argc) {
        usage(stderr);
        return STATUS_USAGE;
    }
    if (!strcmp(argv[optind], "reg"))
        return reg_cli_main(argc - optind, argv + optind);
    if (!strcmp(argv[optind], "path"))
        return path_cli_main(argc - optind, argv + optind);
    const char *arg = argv[optind];
    char *path = find_program(arg);
    if (!path) {
        fprintf(stderr, "lvrun: %s: no such file\n", arg);
        return STATUS_LOAD_FAILED;
    }
    view_set_program(path, argc - optind, argv + optind);
    if (elf_is_elf(path))
        return check ? elf_check(path) : elf_run(path, argc - optind, argv + optind);
    teb_init_process();
    heap_init_process();
    process_init_parameters(path, argc - optind, argv + optind);
    struct module *exe = module_load_exe(path);
    if (check)
        return check_report(exe, path, json);
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
