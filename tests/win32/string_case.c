/* Case-insensitive comparison and case conversion in the C locale:
 * _stricmp, _strnicmp, _strlwr, _strupr, _memicmp, tolower/toupper. */
#include <ctype.h>
#include "test.h"

static int sign(int v)
{
    return (v > 0) - (v < 0);
}

int main(void)
{
    char s1[] = "MiXeD Case 123 \xc9t\xe9";
    char s2[] = "MiXeD Case 123 \xc9t\xe9";

    printf("_stricmp: %d %d %d %d\n", sign(_stricmp("HELLO", "hello")), sign(_stricmp("abc", "ABD")),
           sign(_stricmp("b", "A")), sign(_stricmp("abc", "AB")));
    /* Both sides are lowered first, so '_' (0x5f) sorts before 'a' (0x61). */
    printf("_stricmp underscore: %d\n", sign(_stricmp("_", "A")));
    printf("_strnicmp: %d %d\n", sign(_strnicmp("PREFIXed", "prefixES", 6)),
           sign(_strnicmp("PREFIXed", "prefixES", 8)));
    printf("_memicmp: %d\n", sign(_memicmp("AbC\0x", "aBc\0y", 4)));
    _strlwr(s1);
    _strupr(s2);
    printf("_strlwr: %s\n", s1);
    printf("_strupr: %s\n", s2);
    printf("tolower/toupper: %c %c %c %c %d\n", tolower('Q'), toupper('q'), tolower('1'),
           toupper('['), toupper(0xe9));
    printf("_tolower/_toupper: %c %c\n", _tolower('A'), _toupper('a'));
    return test_summary();
}
