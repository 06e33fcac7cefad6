#include <stdio.h>

int plugin_add(int, int);
const char *plugin_name(void);
extern int plugin_counter;

int main(void)
{
    printf("%s linked: %d counter %d\n", plugin_name(), plugin_add(2, 3), plugin_counter);
    plugin_counter++;
    printf("counter now %d, again %d\n", plugin_counter, plugin_add(0, 0));
    return 0;
}
