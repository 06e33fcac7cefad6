/* Thread-local storage of the exe: implicit TLS through the TLS directory
 * (a variable in the .tls template, reached as MSVC code does through
 * ThreadLocalStoragePointer at TEB 0x58 and _tls_index), GCC's __thread
 * (emulated, over TlsAlloc), a TLS callback that runs with DLL_PROCESS_ATTACH
 * before main, a second thread with its own copies, and TlsAlloc slots. */
#include <windows.h>
#include "test.h"

static __thread int counter = 41;
static __thread char name[16] = "main";
static int attach_seen, attach_before_main, thread_attach_seen;
static int in_main;

static void NTAPI tls_callback(PVOID module, DWORD reason, PVOID reserved)
{
    if (reason == DLL_PROCESS_ATTACH) {
        attach_seen++;
        attach_before_main = !in_main;
    } else if (reason == DLL_THREAD_ATTACH) {
        thread_attach_seen++;
    }
}

/* MinGW's CRT collects callbacks placed between .CRT$XLA and .CRT$XLZ. */
__attribute__((section(".CRT$XLB"), used)) PIMAGE_TLS_CALLBACK p_tls_callback = tls_callback;

static DWORD tls_slot;

__attribute__((section(".tls$LVR"))) int native_tls = 0x1234;
extern char ___tls_start__; /* start of the template (MinGW's tlssup.c) */
extern ULONG _tls_index;

static int *native_tls_ptr(void)
{
    char **slots = *(char ***)((char *)NtCurrentTeb() + 0x58);

    return (int *)(slots[_tls_index] + ((char *)&native_tls - &___tls_start__));
}

static DWORD WINAPI thread_main(void *arg)
{
    printf("thread sees counter %d name %s native %#x\n", counter, name, *native_tls_ptr());
    *native_tls_ptr() = 0x5678;
    counter = 7;
    strcpy(name, "thread");
    TlsSetValue(tls_slot, (void *)0x22);
    printf("thread slot %p\n", TlsGetValue(tls_slot));
    return (DWORD)counter;
}

int main(void)
{
    HANDLE h;
    DWORD code = 0;

    in_main = 1;
    printf("callback attach count %d, before main %d\n", attach_seen, attach_before_main);
    printf("ThreadLocalStoragePointer set: %d\n", *(void **)((char *)NtCurrentTeb() + 0x58) != NULL);
    printf("counter %d name %s\n", counter, name);
    counter++;
    printf("counter after ++ %d\n", counter);
    printf("native TLS %#x\n", *native_tls_ptr());
    *native_tls_ptr() = 0x4321;

    tls_slot = TlsAlloc();
    ok(tls_slot != TLS_OUT_OF_INDEXES, "TlsAlloc");
    printf("fresh slot value %p\n", TlsGetValue(tls_slot));
    TlsSetValue(tls_slot, (void *)0x11);

    fflush(stdout);
    h = CreateThread(NULL, 0, thread_main, NULL, 0, NULL);
    ok(h != NULL, "CreateThread");
    WaitForSingleObject(h, INFINITE);
    GetExitCodeThread(h, &code);
    CloseHandle(h);
    printf("thread exit code %lu, thread attach callbacks %d\n", code, thread_attach_seen);
    printf("main still has counter %d name %s slot %p native %#x\n", counter, name,
           TlsGetValue(tls_slot), *native_tls_ptr());
    ok(TlsFree(tls_slot), "TlsFree");
    return test_summary();
}
