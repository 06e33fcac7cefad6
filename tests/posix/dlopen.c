#include <dlfcn.h>
#include <stdio.h>

int main(void)
{
    void *h = dlopen("libplugin.so", RTLD_NOW);
    if (!h) {
        printf("dlopen failed\n");
        return 1;
    }
    int (*add)(int, int) = (int (*)(int, int))dlsym(h, "plugin_add");
    const char *(*name)(void) = (const char *(*)(void))dlsym(h, "plugin_name");
    int *counter = dlsym(h, "plugin_counter");
    printf("%s: %d %d %d\n", name(), add(1, 2), add(1, 2), *counter);
    printf("missing symbol: %p\n", dlsym(h, "no_such_symbol"));
    printf("dlerror set: %d\n", dlerror() != NULL);
    printf("missing library: %p\n", dlopen("libnonexistent.so", RTLD_NOW));
    printf("dlerror set: %d\n", dlerror() != NULL);
    printf("dlclose: %d\n", dlclose(h));
    return 0;
}
