/* What MSVC's static CRT would give a program: its entry point, the
 * floating-point marker, type_info's vtable symbol (which descriptors
 * reference and no code calls through) and __std_terminate (vcruntime140's
 * name for msvcrt's terminate). */
int main(void);
__declspec(dllimport) void __stdcall ExitProcess(unsigned);
extern void (*__imp_terminate)(void) __asm__("__imp_?terminate@@YAXXZ");
int _fltused = 1;
const void *type_info_vftable[2] __asm__("??_7type_info@@6B@");

void mainCRTStartup(void)
{
    ExitProcess(main());
}

void __std_terminate(void)
{
    __imp_terminate();
}
