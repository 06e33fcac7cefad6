/* The PEB loader lists: InLoadOrderModuleList starts with the exe, holds
 * ntdll.dll and kernel32.dll (names compared case-insensitively), each
 * entry's DllBase matches GetModuleHandleW of its BaseDllName, and the
 * InMemoryOrder list has the same number of entries. */
#include <windows.h>
#include "test.h"

struct ustring { USHORT length, max_length; WCHAR *buffer; };

struct ldr_entry { /* LDR_DATA_TABLE_ENTRY, the documented-by-use prefix */
    LIST_ENTRY in_load_order, in_memory_order, in_init_order;
    void *dll_base, *entry_point;
    ULONG size_of_image;
    struct ustring full_name, base_name;
};

struct ldr_data { /* PEB_LDR_DATA */
    ULONG length;
    BOOLEAN initialized;
    void *ss_handle;
    LIST_ENTRY in_load_order, in_memory_order, in_init_order;
};

int main(void)
{
    char *peb = *(char **)((char *)NtCurrentTeb() + 0x60);
    struct ldr_data *ldr = *(struct ldr_data **)(peb + 0x18);
    LIST_ENTRY *head = &ldr->in_load_order, *e;
    int count = 0, mem_count = 0, found_ntdll = 0, found_k32 = 0, bases_ok = 1;

    for (e = head->Flink; e != head && count < 1000; e = e->Flink, count++) {
        struct ldr_entry *m = CONTAINING_RECORD(e, struct ldr_entry, in_load_order);
        WCHAR name[MAX_PATH] = { 0 };

        memcpy(name, m->base_name.buffer, min(m->base_name.length, sizeof(name) - 2));
        if (count == 0) {
            printf("first is the exe: %d\n", m->dll_base == (void *)GetModuleHandleW(NULL));
            printf("exe SizeOfImage matches: %d\n",
                   m->size_of_image == ((IMAGE_NT_HEADERS *)((char *)m->dll_base +
                   ((IMAGE_DOS_HEADER *)m->dll_base)->e_lfanew))->OptionalHeader.SizeOfImage);
        }
        found_ntdll |= !_wcsicmp(name, L"ntdll.dll");
        found_k32 |= !_wcsicmp(name, L"kernel32.dll");
        if (GetModuleHandleW(name) != (HMODULE)m->dll_base)
            bases_ok = 0;
    }
    for (e = ldr->in_memory_order.Flink; e != &ldr->in_memory_order && mem_count < 1000; e = e->Flink)
        mem_count++;
    printf("ntdll.dll listed: %d\n", found_ntdll);
    printf("kernel32.dll listed: %d\n", found_k32);
    printf("bases match GetModuleHandle: %d\n", bases_ok);
    printf("list is a cycle of at least 3: %d\n", count >= 3 && count < 1000);
    printf("memory-order list has the same count: %d\n", mem_count == count);
    return test_summary();
}
