/* The <string.h> basics: copy, concatenate, compare, search, tokenize,
 * memory moves, and Microsoft's _strdup/_strrev/_strset. */
#include <stdlib.h>
#include "test.h"

static int sign(int v)
{
    return (v > 0) - (v < 0);
}

int main(void)
{
    char buf[64], tok[] = "  alpha, beta;;gamma ,delta";
    char *p, *dup, small[8];
    char mem[] = "0123456789";

    strcpy(buf, "hello");
    strcat(buf, ", world");
    printf("%s %d\n", buf, (int)strlen(buf));
    memcpy(buf, "HEL", 3);
    printf("%s\n", buf);
    memset(small, 'z', sizeof(small));
    strncpy(small, "ab", sizeof(small));
    printf("strncpy pads: %d %d %d\n", small[1], small[2], small[7]);
    strncat(buf, "!!!", 2);
    printf("%s\n", buf);
    printf("cmp: %d %d %d %d\n", sign(strcmp("abc", "abd")), sign(strcmp("b", "a")),
           sign(strcmp("", "")), sign(strcmp("a", "ab")));
    printf("ncmp: %d %d\n", sign(strncmp("abcx", "abcy", 3)), sign(strncmp("abcx", "abcy", 4)));
    printf("high bytes compare unsigned: %d\n", sign(strcmp("\xe9", "a")));
    printf("chr: %s | rchr: %s | str: %s | pbrk: %s\n", strchr(buf, 'o'), strrchr(buf, 'o'),
           strstr(buf, "wor"), strpbrk(buf, ",!"));
    printf("chr nul: %d | str miss: %d | str empty: %d\n", strchr(buf, 0) == buf + strlen(buf),
           strstr(buf, "xyz") == NULL, strstr(buf, "") == buf);
    printf("spn: %d cspn: %d\n", (int)strspn("aabbcd", "ab"), (int)strcspn("abc;def", ";,"));
    for (p = strtok(tok, " ,;"); p; p = strtok(NULL, " ,;"))
        printf("token [%s]\n", p);

    memmove(mem + 2, mem, 5);
    printf("memmove up: %s\n", mem);
    memmove(mem, mem + 3, 5);
    printf("memmove down: %s\n", mem);
    printf("memcmp: %d %d\n", sign(memcmp("ab\0c", "ab\0d", 4)), sign(memcmp("\x80", "\x7f", 1)));
    printf("memchr: %s\n", (char *)memchr("find-me", '-', 7));
    memset(buf, '*', 5);
    buf[5] = 0;
    printf("memset: %s\n", buf);

    dup = _strdup("duplicate");
    printf("_strdup: %s\n", dup);
    printf("_strrev: %s\n", _strrev(dup));
    printf("_strset: %s\n", _strset(dup, '-'));
    free(dup);
    return test_summary();
}
