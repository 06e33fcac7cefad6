#include <ctype.h>
#include <locale.h>
#include <stdio.h>
#include <wctype.h>

int main(void)
{
    int counts[8] = { 0 };
    for (int c = 0; c < 128; c++) {
        counts[0] += !!isalpha(c);
        counts[1] += !!isdigit(c);
        counts[2] += !!isspace(c);
        counts[3] += !!ispunct(c);
        counts[4] += !!isupper(c);
        counts[5] += !!isprint(c);
        counts[6] += !!iscntrl(c);
        counts[7] += !!isxdigit(c);
    }
    for (int i = 0; i < 8; i++)
        printf("%d ", counts[i]);
    printf("\n%c %c %c\n", toupper('a'), tolower('Q'), toupper('1'));
    printf("setlocale: %s\n", setlocale(LC_ALL, "C"));
    struct lconv *lc = localeconv();
    printf("decimal point '%s' thousands '%s'\n", lc->decimal_point, lc->thousands_sep);
    printf("iswalpha %d towupper %c\n", !!iswalpha(L'x'), (int)towupper(L'x'));
    printf("isalpha(200) %d\n", !!isalpha(200));
    return 0;
}
