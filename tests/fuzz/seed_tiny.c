/* The smallest image with a relocation: no CRT, one absolute pointer. */
static int value = 7;
int *pointer = &value;

int start(void)
{
    return *pointer;
}
