#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;

int main(int argc, char **argv)
{
    int c;
    while ((c = getopt(argc, argv, "ab:c::x")) != -1) {
        switch (c) {
        case 'a': printf("option a\n"); break;
        case 'b': printf("option b with %s\n", optarg); break;
        case 'c': printf("option c with %s\n", optarg ? optarg : "(none)"); break;
        case 'x': printf("option x\n"); break;
        default: printf("error '%c', optopt '%c'\n", c, optopt); break;
        }
    }
    printf("optind %d of %d\n", optind, argc);
    for (int i = optind; i < argc; i++)
        printf("operand %s\n", argv[i]);
    printf("PX_TEST=%s\n", getenv("PX_TEST"));
    setenv("PX_NEW", "value", 1);
    printf("PX_NEW=%s\n", getenv("PX_NEW"));
    int found = 0;
    for (char **e = environ; *e; e++)
        found += !strncmp(*e, "PX_", 3);
    printf("PX_ variables in environ: %d\n", found);
    unsetenv("PX_TEST");
    printf("after unsetenv: %s\n", getenv("PX_TEST") ? "set" : "unset");
    putenv("PX_PUT=1");
    printf("PX_PUT=%s\n", getenv("PX_PUT"));
    optind = 1;
    char *args[] = { "prog", "-q", "-b", NULL };
    while ((c = getopt(3, args, ":b:")) != -1)
        printf("second pass: %c optopt %c\n", c, optopt);
    return 0;
}
