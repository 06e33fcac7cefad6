#include <glob.h>
#include <regex.h>
#include <stdio.h>
#include <string.h>

static void match(const char *pattern, const char *s, int flags)
{
    regex_t re;
    regmatch_t m[4];
    int r = regcomp(&re, pattern, flags);
    if (r) {
        printf("regcomp(%s) failed: %d\n", pattern, r);
        return;
    }
    printf("/%s/ nsub %zu on \"%s\": ", pattern, re.re_nsub, s);
    if (regexec(&re, s, 4, m, 0)) {
        printf("no match\n");
    } else {
        for (size_t i = 0; i <= re.re_nsub && i < 4; i++)
            printf("[%d,%d \"%.*s\"] ", (int)m[i].rm_so, (int)m[i].rm_eo,
                   (int)(m[i].rm_eo - m[i].rm_so), s + m[i].rm_so);
        printf("\n");
    }
    regfree(&re);
}

int main(void)
{
    match("([a-z]+)@([a-z]+)\\.com", "mail bob@example.com now", REG_EXTENDED);
    match("^h.*o$", "hello", 0);
    match("HELLO", "say hello", REG_ICASE);
    match("x(y)?z", "xz", REG_EXTENDED);
    match("[0-9]{3}", "ab12cd", REG_EXTENDED);
    regex_t re;
    printf("bad pattern: %d\n", regcomp(&re, "a(b", REG_EXTENDED) != 0);
    printf("nosub: ");
    regcomp(&re, "b+", REG_EXTENDED | REG_NOSUB);
    printf("%d\n", regexec(&re, "abbbc", 0, NULL, 0));
    regfree(&re);
    const char *names[] = { "b.txt", "a.txt", "c.log", "d.txt" };
    for (int i = 0; i < 4; i++)
        fclose(fopen(names[i], "w"));
    glob_t g;
    int r = glob("*.txt", 0, NULL, &g);
    printf("glob: %d, %zu paths:", r, g.gl_pathc);
    for (size_t i = 0; i < g.gl_pathc; i++)
        printf(" %s", g.gl_pathv[i]);
    printf("\n");
    globfree(&g);
    r = glob("*.none", 0, NULL, &g);
    printf("no match: %d\n", r == GLOB_NOMATCH);
    r = glob("*.none", GLOB_NOCHECK, NULL, &g);
    printf("nocheck: %zu %s\n", g.gl_pathc, g.gl_pathv[0]);
    globfree(&g);
    g.gl_offs = 2;
    glob("*.log", GLOB_DOOFFS, NULL, &g);
    printf("dooffs: %p %s\n", (void *)g.gl_pathv[0], g.gl_pathv[2]);
    glob("a.*", GLOB_DOOFFS | GLOB_APPEND, NULL, &g);
    printf("append: %zu %s %s\n", g.gl_pathc, g.gl_pathv[2], g.gl_pathv[3]);
    globfree(&g);
    return 0;
}
