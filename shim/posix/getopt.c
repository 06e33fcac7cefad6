/* getopt on the guest's own optind, optarg, opterr and optopt: after a
 * copy relocation they live in the program, not here. musl's getopt does
 * not permute and words its messages its own way. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include "musl.sym.h"
#include "px_surface.h"

int px_optind = 1, px_opterr = 1, px_optopt, px_optreset, px___optreset, px___optpos;
char *px_optarg;

struct state {
    int *optind, *opterr, *optopt, *optreset;
    char **optarg;
};

static struct state guest(void)
{
    static struct state s;
    if (!s.optind) {
        s.opterr = px_guest_data("opterr");
        s.optopt = px_guest_data("optopt");
        s.optarg = px_guest_data("optarg");
        s.optreset = px_guest_data("optreset");
        s.optind = px_guest_data("optind");
    }
    return s;
}

static void message(const char *prog, const char *what, char c)
{
    fprintf(stderr, "%s%s%c\n", prog, what, c);
}

int px_getopt(int argc, char *const *argv, const char *optstring)
{
    struct state s = guest();
    if (!*s.optind || *s.optreset || px___optreset) {
        *s.optreset = px___optreset = 0;
        px___optpos = 0;
        *s.optind = 1;
    }
    int i = *s.optind;
    if (i >= argc || !argv[i])
        return -1;
    if (argv[i][0] != '-') {
        if (optstring[0] == '-') {
            *s.optarg = argv[(*s.optind)++];
            return 1;
        }
        return -1;
    }
    if (!argv[i][1])
        return -1;
    if (argv[i][1] == '-' && !argv[i][2]) {
        (*s.optind)++;
        return -1;
    }
    if (!px___optpos)
        px___optpos = 1;
    char c = argv[i][px___optpos++];
    if (!argv[i][px___optpos]) {
        (*s.optind)++;
        px___optpos = 0;
    }
    if (optstring[0] == '-' || optstring[0] == '+')
        optstring++;
    const char *spec = c && c != ':' ? strchr(optstring, c) : NULL;
    if (!spec) {
        *s.optopt = c;
        if (optstring[0] != ':' && *s.opterr)
            message(argv[0], ": unrecognized option: ", c);
        return '?';
    }
    if (spec[1] == ':') {
        *s.optarg = NULL;
        if (spec[2] != ':' || px___optpos) {
            *s.optarg = argv[(*s.optind)++] + px___optpos;
            px___optpos = 0;
        }
        if (*s.optind > argc) {
            *s.optopt = c;
            if (optstring[0] == ':')
                return ':';
            if (*s.opterr)
                message(argv[0], ": option requires an argument: ", c);
            return '?';
        }
    }
    return c;
}

int px___posix_getopt(int argc, char *const *argv, const char *optstring)
{
    return px_getopt(argc, argv, optstring);
}

/* The long forms are glibc's, run on the guest's variables (musl's
 * struct option is glibc's). Their error messages are glibc's wording. */
static int long_form(int argc, char *const *argv, const char *optstring,
                     const struct px_option *longopts, int *index, bool only)
{
    struct state s = guest();
    optind = *s.optind;
    opterr = *s.opterr;
    int r = only ? getopt_long_only(argc, argv, optstring, (const struct option *)longopts, index)
                 : getopt_long(argc, argv, optstring, (const struct option *)longopts, index);
    *s.optind = optind;
    *s.optarg = optarg;
    *s.optopt = optopt;
    return r;
}

int px_getopt_long(int argc, char *const *argv, const char *optstring,
                   const struct px_option *longopts, int *index)
{
    return long_form(argc, argv, optstring, longopts, index, false);
}

int px_getopt_long_only(int argc, char *const *argv, const char *optstring,
                        const struct px_option *longopts, int *index)
{
    return long_form(argc, argv, optstring, longopts, index, true);
}
