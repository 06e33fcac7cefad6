#include <stdio.h>

int main(void)
{
    int a, b, n;
    char s[32], c;
    double d;
    unsigned x;
    n = sscanf("12 34 word 3.5 ff Z", "%d %d %31s %lf %x %c", &a, &b, s, &d, &x, &c);
    printf("%d: %d %d %s %g %u %c\n", n, a, b, s, d, x, c);
    n = sscanf("key=value;rest", "%31[^=]=%31[^;]", s, s + 16);
    printf("%d: %s %s\n", n, s, s + 16);
    n = sscanf("abc", "%d", &a);
    printf("no match: %d\n", n);
    n = sscanf("", "%d", &a);
    printf("empty: %d\n", n);
    n = sscanf("100 200", "%*d %d%n", &a, &b);
    printf("%d: %d consumed %d\n", n, a, b);
    long long ll;
    sscanf("-9223372036854775808", "%lld", &ll);
    printf("%lld\n", ll);
    FILE *f = fopen("in.txt", "w+");
    fprintf(f, "3\n1.5 2.5 3.5\n");
    rewind(f);
    fscanf(f, "%d", &n);
    double sum = 0;
    for (int i = 0; i < n; i++) {
        fscanf(f, "%lf", &d);
        sum += d;
    }
    printf("sum %g\n", sum);
    fclose(f);
    return 0;
}
