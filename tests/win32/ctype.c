/* <ctype.h> classes in the "C" locale over all 256 byte values: bytes
 * above 127 belong to no class. */
#include <ctype.h>
#include "test.h"

static void table(void)
{
    static const struct { const char *name; int (*fn)(int); } cls[] = {
        { "alpha", isalpha }, { "digit", isdigit }, { "xdigit", isxdigit },
        { "alnum", isalnum }, { "space", isspace }, { "punct", ispunct },
        { "upper", isupper }, { "lower", islower }, { "cntrl", iscntrl },
        { "print", isprint }, { "graph", isgraph },
    };
    int i, c;

    for (i = 0; i < (int)(sizeof(cls) / sizeof(cls[0])); i++) {
        int count = 0, high = 0;
        for (c = 0; c < 256; c++) {
            if (cls[i].fn(c)) {
                count++;
                high += c > 127;
            }
        }
        printf("%-6s %3d high %d:", cls[i].name, count, high);
        for (c = 0; c < 128; c++)
            if (cls[i].fn(c) && !isalnum(c))
                printf(c > 32 && c < 127 ? " %c" : " %02x", c);
        printf("\n");
    }
}

int main(void)
{
    table();
#ifdef _UCRT
    /* isblank is C99: ucrt has it, msvcrt.dll of older Windows does not */
    ok(isblank('\t') && isblank(' ') && !isblank('\n'), "isblank");
#endif
    printf("EOF classes: %d %d\n", isalpha(EOF), isspace(EOF));
    printf("__isascii: %d %d, __toascii: %d\n", __isascii(0x41), __isascii(0xc1), __toascii(0xc1));
    return test_summary();
}
