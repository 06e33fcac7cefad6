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

/* musl's wording for what glibc's getopt_long rejected (it ran silent):
 * the element just consumed tells which option and why. */
static void long_error(char *const *argv, int consumed, const char *optstring,
                       const struct option *opts, int optopt_value)
{
    const char *arg = argv[consumed];
    if (arg[0] == '-' && arg[1] != '-' && optopt_value) {
        const char *spec = strchr(optstring, optopt_value);
        message(argv[0], spec && spec[1] == ':' ? ": option requires an argument: "
                                                : ": unrecognized option: ", optopt_value);
        return;
    }
    const char *name = arg + (arg[1] == '-' ? 2 : 1);
    size_t len = strcspn(name, "=");
    int matches = 0;
    const struct option *match = NULL;
    for (const struct option *o = opts; o->name; o++) {
        if (strncmp(o->name, name, len))
            continue;
        if (strlen(o->name) == len) {
            match = o;
            matches = 1;
            break;
        }
        match = o;
        matches++;
    }
    const char *why = ": unrecognized option: ";
    if (matches > 1)
        why = ": option is ambiguous: ";
    else if (matches == 1 && name[len] == '=' && match->has_arg == no_argument)
        why = ": option does not take an argument: ";
    else if (matches == 1 && match->has_arg == required_argument)
        why = ": option requires an argument: ";
    fprintf(stderr, "%s%s%.*s\n", argv[0], why, (int)len, name);
}

/* The long forms are glibc's, run on the guest's variables (musl's
 * struct option is glibc's), with musl's error messages. */
static int long_form(int argc, char *const *argv, const char *optstring,
                     const struct px_option *longopts, int *index, bool only)
{
    static int returned = -1;
    struct state s = guest();
    /* glibc restarts its scan (and forgets lvrun's own "+" ordering) only
     * when it sees optind 0: a scan the guest starts or restarts. */
    optind = *s.optind <= 1 && *s.optind != returned ? 0 : *s.optind;
    opterr = 0;
    const struct option *opts = (const struct option *)longopts;
    int r = only ? getopt_long_only(argc, argv, optstring, opts, index)
                 : getopt_long(argc, argv, optstring, opts, index);
    bool silent = optstring[optstring[0] == '+' || optstring[0] == '-'] == ':';
    if ((r == '?' || r == ':') && *s.opterr && !silent && optind > 0)
        long_error(argv, optind - 1, optstring, opts, optopt);
    *s.optind = optind;
    *s.optarg = optarg;
    *s.optopt = optopt;
    returned = optind;
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
