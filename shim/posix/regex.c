/* POSIX regex over glibc's, with musl's regex_t (the host's is kept
 * behind __opaque) and musl's 64-bit regoff_t in the matches. The flag
 * and error numbers are the same (checked by abi_check.c); regerror is
 * in messages.c. */
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include "musl.sym.h"

int px_regcomp(struct px_regex *re, const char *pattern, int flags)
{
    regex_t *host = malloc(sizeof *host);
    if (!host)
        return REG_ESPACE;
    int r = regcomp(host, pattern, flags);
    if (r) {
        free(host);
        return r;
    }
    re->re_nsub = host->re_nsub;
    re->__opaque = host;
    return 0;
}

int px_regexec(const struct px_regex *re, const char *string, size_t count,
               struct px_regmatch *match, int flags)
{
    regex_t *host = re->__opaque;
    if (host->no_sub)
        count = 0;
    regmatch_t *m = count ? calloc(count, sizeof *m) : NULL;
    if (count && !m)
        return REG_ESPACE;
    int r = regexec(host, string, count, m, flags);
    for (size_t i = 0; !r && i < count; i++) {
        match[i].rm_so = m[i].rm_so;
        match[i].rm_eo = m[i].rm_eo;
    }
    free(m);
    return r;
}

void px_regfree(struct px_regex *re)
{
    regfree(re->__opaque);
    free(re->__opaque);
}
