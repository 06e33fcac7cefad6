/* scanf reading a pipe: numbers and words until EOF. */
#include "test.h"

int main(void)
{
    int count = 0, sum = 0, v, r;
    char word[32];

    while ((r = scanf("%d", &v)) == 1) {
        sum += v;
        count++;
    }
    printf("numbers: %d sum %d stop %d\n", count, sum, r);
    r = scanf("%31s", word);
    printf("word: %d [%s]\n", r, word);
    r = scanf("%d", &v);
    printf("after: %d %d\n", r, v);
    r = scanf("%d", &v);
    printf("eof: %d\n", r);
    return test_summary();
}
