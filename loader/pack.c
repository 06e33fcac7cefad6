/* lvrun pack: a folder (or one self-extracting file) holding the
 * runtime, the application, the prefix skeleton, the manifest and a
 * `run` launcher, which runs where lvrun is not installed.
 *
 *   DIR/run                 the launcher (sh)
 *   DIR/manifest.ini        the view; mount host paths relative to DIR
 *   DIR/bin/lvrun           lvrun (its libraries beyond glibc are linked in)
 *   DIR/bin/liblvpreload.so the preload library (libc only)
 *   DIR/app/                the application's files
 *   DIR/prefix/drive_c/     the prefix skeleton */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "elf/elf_loader.h"
#include "view_cli.h"

/* s in single quotes for sh. */
static char *quote(const char *s)
{
    char *out = malloc(4 * strlen(s) + 3), *p = out;
    *p++ = '\'';
    for (; *s; s++) {
        if (*s == '\'') {
            memcpy(p, "'\\''", 4);
            p += 4;
        } else {
            *p++ = *s;
        }
    }
    *p++ = '\'';
    *p = 0;
    return out;
}

static int run(const char *fmt, const char *a, const char *b)
{
    char *qa = quote(a), *qb = quote(b ? b : "");
    size_t n = strlen(fmt) + strlen(qa) + strlen(qb) + 1;
    char *cmd = malloc(n);
    snprintf(cmd, n, fmt, qa, qb);
    int r = system(cmd);
    free(cmd);
    free(qa);
    free(qb);
    return r;
}

static bool is_dynamic_host_elf(const char *path)
{
    if (!elf_is_elf(path))
        return false;
    char cmd[PATH_MAX + 64];
    char *q = quote(path);
    snprintf(cmd, sizeof cmd, "grep -q ld-musl %s", q);
    free(q);
    return system(cmd) != 0;
}

static int write_text(const char *dir, const char *name, const char *text, mode_t mode)
{
    char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    if (!f || fputs(text, f) < 0 || fclose(f) != 0) {
        fprintf(stderr, "lvrun: pack: %s: %s\n", path, strerror(errno));
        return 1;
    }
    chmod(path, mode);
    return 0;
}

/* The runtime: lvrun and the preload library. lvrun links every library
 * but glibc's statically, so that it needs no RUNPATH (whose search costs
 * every start some forty system calls); a build that does not is refused
 * rather than bundled half. */
static int copy_runtime(const char *dir)
{
    char exe[PATH_MAX], bin[PATH_MAX + 8];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n < 0)
        return 1;
    exe[n] = 0;
    snprintf(bin, sizeof bin, "%s/bin", dir);
    if (run("ldd %s | awk '$3 ~ /^\\// && $1 !~ /^(libc|libm|libpthread|libdl|librt|ld-linux)[.]/ "
            "{print \"lvrun: pack: lvrun needs \" $1 \", which a bundle cannot carry\" > \"/dev/stderr\"; bad=1} "
            "END {exit bad}'", exe, NULL))
        return 1;
    if (run("mkdir -p %s", bin, NULL) || run("cp %s %s/", exe, bin))
        return 1;
    const char *lib = view_cli_find_preload();
    if (!lib) {
        fprintf(stderr, "lvrun: pack: liblvpreload.so not found (set LVRUN_PRELOAD_LIB)\n");
        return 1;
    }
    return run("cp %s %s/", lib, bin) != 0;
}

static char *append(char *buf, const char *key, const char *value)
{
    size_t n = (buf ? strlen(buf) : 0) + strlen(key) + strlen(value) + 5;
    char *s = realloc(buf, n);
    if (!buf)
        s[0] = 0;
    strcat(s, key);
    strcat(s, " = ");
    strcat(s, value);
    strcat(s, "\n");
    return s;
}

/* A mount whose host path is one of the packed files is rewritten to
 * the file's place in the bundle (relative: the manifest's folder). */
static char *bundle_mount(const char *spec, char **files, int nfiles)
{
    const char *eq = strchr(spec, '=');
    if (!eq)
        return strdup(spec);
    char *host = realpath(eq + 1, NULL);
    size_t hn = strlen(eq + 1);
    bool ro = hn > 3 && !strcmp(eq + 1 + hn - 3, ":ro");
    if (!host && ro) {
        char *h = strndup(eq + 1, hn - 3);
        host = realpath(h, NULL);
        free(h);
    }
    for (int i = 0; host && i < nfiles; i++) {
        char *real = realpath(files[i], NULL);
        size_t rn = real ? strlen(real) : 0;
        if (real && !strncmp(host, real, rn) && (!host[rn] || host[rn] == '/')) {
            char *copy = strdup(real), *out = malloc(strlen(spec) + PATH_MAX);
            sprintf(out, "%.*s=app/%s%s%s", (int)(eq - spec), spec, basename(copy), host + rn,
                    ro ? ":ro" : "");
            free(copy);
            free(real);
            free(host);
            return out;
        }
        free(real);
    }
    free(host);
    return strdup(spec);
}

static int single_file(const char *folder, const char *out)
{
    char cmd[4 * PATH_MAX];
    char *qf = quote(folder), *qo = quote(out);
    snprintf(cmd, sizeof cmd,
             "set -e; h=$(tar -C %s -cf - . | sha256sum | cut -c1-64); "
             "{ printf '#!/bin/sh\\n'; "
             "printf '# lvrun bundle: extracted once into the cache, keyed by content.\\n'; "
             "printf 'c=\"${XDG_CACHE_HOME:-$HOME/.cache}/lvrun/%%s\"\\n' \"$h\"; "
             "printf 'if [ ! -x \"$c/run\" ]; then\\n'; "
             "printf '  t=\"$c.$$\"; mkdir -p \"$t\" && tail -n +9 \"$0\" | tar -xzf - -C \"$t\" && '; "
             "printf 'mv \"$t\" \"$c\" 2>/dev/null || rm -rf \"$t\"\\n'; "
             "printf 'fi\\n'; printf 'exec \"$c/run\" \"$@\"\\n'; printf 'exit 126\\n'; "
             "tar -C %s -czf - .; } > %s; chmod +x %s",
             qf, qf, qo, qo);
    free(qf);
    free(qo);
    return system(cmd) != 0;
}

int pack_main(int argc, char **argv)
{
    static const struct option opts[] = {
        { "entry", required_argument, NULL, 'e' },
        { "out", required_argument, NULL, 'o' },
        { "single-file", no_argument, NULL, 's' },
        { "mount", required_argument, NULL, 'm' },
        { "confine", no_argument, NULL, 'c' },
        { "env", required_argument, NULL, 'E' },
        { "unset-env", required_argument, NULL, 'U' },
        { "user", required_argument, NULL, 'u' },
        { "hostname", required_argument, NULL, 'H' },
        { "codepage", required_argument, NULL, 'C' },
        { 0, 0, 0, 0 },
    };
    const char *entry = NULL, *out = NULL;
    bool single = false;
    char **mounts = calloc((size_t)argc, sizeof *mounts);
    int nmounts = 0;
    char *manifest = NULL;
    int c;
    optind = 1;
    while ((c = getopt_long(argc, argv, "+", opts, NULL)) != -1) {
        switch (c) {
        case 'e': entry = optarg; break;
        case 'o': out = optarg; break;
        case 's': single = true; break;
        case 'm': mounts[nmounts++] = optarg; break;
        case 'c': manifest = append(manifest, "confine", "1"); break;
        case 'E': manifest = append(manifest, "env", optarg); break;
        case 'U': manifest = append(manifest, "unset-env", optarg); break;
        case 'u': manifest = append(manifest, "user", optarg); break;
        case 'H': manifest = append(manifest, "hostname", optarg); break;
        case 'C': manifest = append(manifest, "codepage", optarg); break;
        default:
            fprintf(stderr, "usage: lvrun pack --entry PROGRAM --out DIR [--single-file] [view options] FILES...\n");
            return 2;
        }
    }
    if (!entry || !out) {
        fprintf(stderr, "usage: lvrun pack --entry PROGRAM --out DIR [--single-file] [view options] FILES...\n");
        return 2;
    }
    char **files = argv + optind;
    int nfiles = argc - optind;
    for (int i = 0; i < nmounts; i++) {
        char *m = bundle_mount(mounts[i], files, nfiles);
        manifest = append(manifest, "mount", m);
        free(m);
    }
    char dir[PATH_MAX];
    if (single)
        snprintf(dir, sizeof dir, "%s.pack.%d", out, (int)getpid());
    else
        snprintf(dir, sizeof dir, "%s", out);
    if (run("mkdir -p %s/app %s/prefix/drive_c/windows/system32", dir, dir) ||
        run("mkdir -p %s/prefix/drive_c/windows/temp %s/prefix/drive_c/users/Public", dir, dir))
        return 1;
    char appdir[PATH_MAX + 8];
    snprintf(appdir, sizeof appdir, "%s/app/", dir);
    for (int i = 0; i < nfiles; i++)
        if (run("cp -a %s %s", files[i], appdir))
            return 1;
    char *ecopy = strdup(entry), *ebase = basename(ecopy);
    char in_app[2 * PATH_MAX];
    snprintf(in_app, sizeof in_app, "%s%s", appdir, ebase);
    if (access(in_app, F_OK) != 0 && run("cp -a %s %s", entry, appdir))
        return 1;
    if (copy_runtime(dir) ||
        write_text(dir, "manifest.ini", manifest ? manifest : "# no view settings\n", 0644))
        return 1;
    bool host = is_dynamic_host_elf(in_app);
    char launcher[4 * PATH_MAX];
    char *qe = quote(ebase);
    snprintf(launcher, sizeof launcher,
             "#!/bin/sh\n"
             "# Runs the bundled application with its view (manifest.ini).\n"
             "here=$(dirname \"$(readlink -f \"$0\")\")\n"
             "exec \"$here/bin/lvrun\" --prefix \"$here/prefix\" --manifest \"$here/manifest.ini\" "
             "%s\"$here/app/\"%s \"$@\"\n",
             host ? "--preload -- " : "", qe);
    free(qe);
    free(ecopy);
    if (write_text(dir, "run", launcher, 0755))
        return 1;
    if (single) {
        int r = single_file(dir, out);
        run("rm -rf %s", dir, NULL);
        return r;
    }
    return 0;
}
