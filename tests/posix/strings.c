#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int main(void)
{
    char buf[64] = "hello";
    strcat(buf, ", world");
    printf("%s %zu %d %d\n", buf, strlen(buf), strcmp("abc", "abd") < 0, strncmp("abc", "abd", 2));
    printf("chr %s rchr %s str %s\n", strchr(buf, 'o'), strrchr(buf, 'o'), strstr(buf, "wor"));
    printf("spn %zu cspn %zu pbrk %s\n", strspn("aabbc", "ab"), strcspn("xyz,abc", ","),
           strpbrk("find:me", ":"));
    char tok[] = "a,b;;c,d";
    for (char *t = strtok(tok, ",;"); t; t = strtok(NULL, ",;"))
        printf("tok %s\n", t);
    char tok2[] = "x y z", *save;
    for (char *t = strtok_r(tok2, " ", &save); t; t = strtok_r(NULL, " ", &save))
        printf("tok_r %s\n", t);
    char sep[] = "one::two", *p = sep, *f;
    while ((f = strsep(&p, ":")))
        printf("sep '%s'\n", f);
    memmove(buf + 2, buf, 5);
    printf("memmove %s\n", buf);
    printf("memchr %s memcmp %d\n", (char *)memchr("abcdef", 'd', 6), memcmp("ab", "ac", 2) < 0);
    char *d = strdup("duplicate"), *n = strndup("truncate", 4);
    printf("%s %s\n", d, n);
    free(d);
    free(n);
    printf("casecmp %d %d\n", strcasecmp("HeLLo", "hello"), strncasecmp("ABx", "aby", 2));
    char path1[] = "/usr/lib/", path2[] = "/usr/lib/", path3[] = "file", path4[] = "/";
    printf("basename '%s' '%s' '%s'\n", basename(path1), basename(path3), basename(path4));
    printf("dirname '%s'\n", dirname(path2));
    printf("strerror: %s | %s | %s\n", strerror(0), strerror(2), strerror(12));
    printf("strsignal: %s\n", strsignal(11));
    char e[8];
    printf("strerror_r small: %d '%s'\n", strerror_r(2, e, sizeof e), e);
    printf("ffs %d %d\n", ffs(0x80), ffs(0));
    printf("%s\n", strpbrk("abc", "x") ? "found" : "none");
    return 0;
}
