/* C's __try/__except/__finally through __C_specific_handler: the scoped
 * code is seh_try_body.c, built with clang (GCC has no __try). */
int seh_try_run(void);

int main(void)
{
    return seh_try_run();
}
