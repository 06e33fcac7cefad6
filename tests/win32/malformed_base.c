/* A valid program that make_malformed.py damages in various ways. */
#include <stdio.h>

int main(void)
{
    printf("this must never run\n");
    return 0;
}
