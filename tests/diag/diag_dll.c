/* The program's own DLL: no declaration, so relay shows raw registers;
 * its exports name the frames of a crash report. */
__declspec(dllexport) int diag_add(int a, int b)
{
    return a + b;
}

__declspec(dllexport) __attribute__((noinline)) void diag_fault(volatile int *p)
{
    *p = 1;
}

__declspec(dllexport) __attribute__((noinline)) void diag_fault_outer(int *p)
{
    diag_fault(p);
    __asm__ volatile("");
}
