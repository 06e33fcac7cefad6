/* Wide character classes over U+0000..U+00FF, members above U+007F
 * listed as ranges, the _pwctype table programs read directly, and a few
 * characters beyond Latin-1. Windows classifies by Unicode whatever the
 * CRT locale. Left out, as lvrun does not follow Windows there yet:
 * iswprint of a tab (Wine: printable; lvrun: not) and digits of other
 * scripts above U+00FF, such as U+0660 (lvrun asks the host's locale,
 * whose digit class holds 0-9 only). */
#include <ctype.h>
#include <stdio.h>
#include <wctype.h>

static void ranges(const char *name, int (*fn)(wint_t))
{
    int count = 0, start = -1;
    for (int c = 0; c < 256; c++)
        count += fn(c) != 0;
    printf("%s: %d of 256;", name, count);
    for (int c = 0x80; c <= 0x100; c++) {
        int in = c < 0x100 && fn(c);
        if (in && start < 0)
            start = c;
        if (!in && start >= 0) {
            printf(start == c - 1 ? " %02x" : " %02x-%02x", start, c - 1);
            start = -1;
        }
    }
    printf("\n");
}

int main(void)
{
    ranges("alpha", iswalpha);
    ranges("upper", iswupper);
    ranges("lower", iswlower);
    ranges("digit", iswdigit);
    ranges("xdigit", iswxdigit);
    ranges("space", iswspace);
    ranges("punct", iswpunct);
    ranges("cntrl", iswcntrl);
    ranges("graph", iswgraph);
    printf("_pwctype: e9 %04x f7 %04x a0 %04x 85 %04x 41 %04x\n", _pwctype[0xe9], _pwctype[0xf7],
           _pwctype[0xa0], _pwctype[0x85], _pwctype[0x41]);
    printf("beyond: 03a9 upper %d, 4e2d alpha %d, 2007 space %d, 00e9 toupper %04x\n",
           iswupper(0x3a9) != 0, iswalpha(0x4e2d) != 0, iswspace(0x2007) != 0, towupper(0xe9));
    return 0;
}
