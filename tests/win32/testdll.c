/* The test DLL (built twice: testdll.dll and testtwin.dll, same preferred
 * base). DllMain and a TLS callback report events with WriteFile on stdout
 * (unbuffered, so they interleave with the exe's flushed output in order);
 * tables of absolute pointers check that relocations were applied. */
#include <windows.h>

#ifndef DLLNAME
#define DLLNAME "testdll"
#endif

static int counter;
int testdll_data = 1234;

static void say(const char *text)
{
#ifdef QUIET
    (void)text; /* the twin stays quiet: its order against testdll may vary */
#else
    DWORD done;
    char line[128];
    int n = wsprintfA(line, "[%s] %s\n", DLLNAME, text);

    WriteFile(GetStdHandle(STD_OUTPUT_HANDLE), line, n, &done, NULL);
#endif
}

static void NTAPI tls_callback(PVOID module, DWORD reason, PVOID reserved)
{
    if (reason == DLL_PROCESS_ATTACH)
        say("tls callback PROCESS_ATTACH");
}

__attribute__((section(".CRT$XLB"), used)) PIMAGE_TLS_CALLBACK p_tls_callback = tls_callback;

BOOL WINAPI DllMain(HINSTANCE inst, DWORD reason, LPVOID reserved)
{
    if (reason == DLL_PROCESS_ATTACH)
        say(reserved ? "PROCESS_ATTACH static" : "PROCESS_ATTACH dynamic");
    else if (reason == DLL_PROCESS_DETACH)
        say(reserved ? "PROCESS_DETACH process exit" : "PROCESS_DETACH FreeLibrary");
    return TRUE;
}

int testdll_add(int a, int b)
{
    counter++;
    return a + b;
}

int testdll_get_counter(void)
{
    return counter;
}

int testdll_secret(void) /* exported by ordinal only */
{
    return 0x5ec12e7;
}

static const char *const names[] = { "zero", "one", "two", "three", "four", "five", "six", "seven" };
static int (*const funcs[])(int, int) = { testdll_add, testdll_add, testdll_add };
static int *const data_ptrs[] = { &counter, &testdll_data, &counter };
static const struct { const char *name; int *value; } records[] = {
    { "alpha", &testdll_data }, { "beta", &counter }, { "gamma", &testdll_data },
};

/* Nonzero when every absolute pointer points inside this module and at what
 * it should. */
int testdll_check_relocs(void)
{
    HMODULE self = NULL;
    IMAGE_NT_HEADERS *nt;
    char *lo, *hi;
    int i;

    GetModuleHandleExA(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                       (LPCSTR)testdll_check_relocs, &self);
    if (!self)
        return 0;
    nt = (IMAGE_NT_HEADERS *)((char *)self + ((IMAGE_DOS_HEADER *)self)->e_lfanew);
    lo = (char *)self;
    hi = lo + nt->OptionalHeader.SizeOfImage;
    for (i = 0; i < 8; i++)
        if ((char *)names[i] < lo || (char *)names[i] >= hi || lstrlenA(names[i]) < 3)
            return 0;
    if (lstrcmpA(names[7], "seven") || funcs[1](2, 3) != 5)
        return 0;
    for (i = 0; i < 3; i++)
        if ((char *)data_ptrs[i] < lo || (char *)data_ptrs[i] >= hi)
            return 0;
    return *records[2].value == testdll_data && !lstrcmpA(records[1].name, "beta");
}

/* Nonzero when loaded somewhere other than the preferred base. */
int testdll_is_relocated(void)
{
    HMODULE self = NULL;
    IMAGE_NT_HEADERS *nt;

    GetModuleHandleExA(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                       (LPCSTR)testdll_is_relocated, &self);
    nt = (IMAGE_NT_HEADERS *)((char *)self + ((IMAGE_DOS_HEADER *)self)->e_lfanew);
    return (ULONG_PTR)self != nt->OptionalHeader.ImageBase;
}
