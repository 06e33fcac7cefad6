#include <stdio.h>
#include <stdlib.h>

static void first(void) { printf("atexit: first registered, runs last\n"); }
static void second(void) { printf("atexit: second registered\n"); }
__attribute__((constructor)) static void ctor(void) { printf("constructor\n"); }
__attribute__((destructor)) static void dtor(void) { printf("destructor\n"); }

int main(void)
{
    atexit(first);
    atexit(second);
    printf("main; stdout is buffered\n");
    exit(42);
}
