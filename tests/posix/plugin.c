static __thread int calls = 10;
int plugin_counter = 5;

int plugin_add(int a, int b)
{
    return a + b + calls++;
}

const char *plugin_name(void)
{
    return "musl plugin";
}
