/* TEB and PEB fields read directly, as programs do: TEB Self (0x30) is the
 * TEB, PEB pointer (0x60) equals gs:[0x60], stack limits bracket a local,
 * ClientId matches the process/thread ids, PEB ImageBaseAddress and
 * BeingDebugged, ProcessParameters' command line matches GetCommandLineW,
 * and LastErrorValue (0x68) is what GetLastError returns. */
#include <windows.h>
#include "test.h"

struct ustring { USHORT length, max_length; WCHAR *buffer; }; /* UNICODE_STRING */

static void *gs_read(unsigned offset)
{
    void *v;

    __asm__ volatile("movq %%gs:(%1), %0" : "=r"(v) : "r"((ULONG_PTR)offset));
    return v;
}

int main(void)
{
    char *teb = (char *)NtCurrentTeb(), *peb;
    NT_TIB *tib = (NT_TIB *)teb;
    int local;
    char *params;
    struct ustring *cmd;

    printf("Self at 0x30 is the TEB: %d\n", *(char **)(teb + 0x30) == teb);
    printf("gs:[0x30] is the TEB: %d\n", gs_read(0x30) == teb);
    peb = *(char **)(teb + 0x60);
    printf("PEB at 0x60 equals gs:[0x60]: %d\n", peb == gs_read(0x60));
    printf("stack base > local > stack limit: %d\n",
           (char *)tib->StackBase > (char *)&local && (char *)&local > (char *)tib->StackLimit);
    printf("ClientId process %d thread %d\n",
           *(DWORD_PTR *)(teb + 0x40) == GetCurrentProcessId(),
           *(DWORD_PTR *)(teb + 0x48) == GetCurrentThreadId());
    SetLastError(1234);
    printf("LastErrorValue at 0x68: %lu\n", *(DWORD *)(teb + 0x68));
    *(DWORD *)(teb + 0x68) = 4321;
    printf("GetLastError after direct write: %lu\n", GetLastError());

    printf("PEB BeingDebugged (0x2): %d\n", peb[2]);
    printf("PEB ImageBaseAddress (0x10) == GetModuleHandle(NULL): %d\n",
           *(HMODULE *)(peb + 0x10) == GetModuleHandleA(NULL));
    printf("PEB Ldr (0x18) set: %d\n", *(void **)(peb + 0x18) != NULL);
    params = *(char **)(peb + 0x20);
    cmd = (struct ustring *)(params + 0x70);
    printf("ProcessParameters CommandLine == GetCommandLineW: %d\n",
           cmd->buffer == GetCommandLineW() ||
           (cmd->length == wcslen(GetCommandLineW()) * 2 &&
            !memcmp(cmd->buffer, GetCommandLineW(), cmd->length)));
    printf("PEB ProcessHeap (0x30) == GetProcessHeap: %d\n", *(HANDLE *)(peb + 0x30) == GetProcessHeap());
    printf("PEB OSMajorVersion (0x118) >= 6: %d\n", *(ULONG *)(peb + 0x118) >= 6);
    return test_summary();
}
