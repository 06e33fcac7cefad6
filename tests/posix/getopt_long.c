#include <getopt.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    int verbose = 0;
    static struct option opts[] = {
        { "verbose", no_argument, NULL, 'v' },
        { "name", required_argument, NULL, 'n' },
        { "level", optional_argument, NULL, 'l' },
        { "flag", no_argument, NULL, 0 },
        { 0, 0, 0, 0 },
    };
    opts[3].flag = &verbose;
    opts[3].val = 9;
    int c, index;
    while ((c = getopt_long(argc, argv, "vn:l::", opts, &index)) != -1) {
        if (c == 0)
            printf("long flag %s, verbose now %d\n", opts[index].name, verbose);
        else if (c == '?')
            printf("unknown\n");
        else
            printf("option %c arg %s\n", c, optarg ? optarg : "(none)");
    }
    for (int i = optind; i < argc; i++)
        printf("operand %s\n", argv[i]);
    return 0;
}
