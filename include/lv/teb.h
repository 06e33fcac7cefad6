/* TEB, PEB and the loader's module entries, with the fields programs read
 * directly kept at their Windows x64 offsets (checked below). */
#ifndef LV_TEB_H
#define LV_TEB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include "lv/windef.h"

#define TLS_MINIMUM_AVAILABLE 64
#define TLS_EXPANSION_SLOTS 1024
/* Images with a TLS directory: the size of ThreadLocalStoragePointer. */
#define TEB_TLS_MODULES 256

typedef struct {
    ULONG Length;
    BOOLEAN Initialized;
    void *SsHandle;
    LIST_ENTRY InLoadOrderModuleList;
    LIST_ENTRY InMemoryOrderModuleList;
    LIST_ENTRY InInitializationOrderModuleList;
    void *EntryInProgress;
} PEB_LDR_DATA;

typedef struct {
    LIST_ENTRY InLoadOrderLinks;
    LIST_ENTRY InMemoryOrderLinks;
    LIST_ENTRY InInitializationOrderLinks;
    void *DllBase;
    void *EntryPoint;
    ULONG SizeOfImage;
    UNICODE_STRING FullDllName;
    UNICODE_STRING BaseDllName;
    ULONG Flags;
    WORD LoadCount;
    WORD TlsIndex;
    LIST_ENTRY HashLinks;
    ULONG TimeDateStamp;
} LDR_DATA_TABLE_ENTRY;

typedef struct {
    ULONG MaximumLength;
    ULONG Length;
    ULONG Flags;
    ULONG DebugFlags;
    HANDLE ConsoleHandle;
    ULONG ConsoleFlags;
    HANDLE StandardInput;
    HANDLE StandardOutput;
    HANDLE StandardError;
    UNICODE_STRING CurrentDirectoryPath;
    HANDLE CurrentDirectoryHandle;
    UNICODE_STRING DllPath;
    UNICODE_STRING ImagePathName;
    UNICODE_STRING CommandLine;
    WCHAR *Environment;
    ULONG StartingX, StartingY, CountX, CountY, CountCharsX, CountCharsY;
    ULONG FillAttribute;
    ULONG WindowFlags;
    ULONG ShowWindowFlags;
    UNICODE_STRING WindowTitle;
    UNICODE_STRING DesktopInfo;
    UNICODE_STRING ShellInfo;
    UNICODE_STRING RuntimeData;
} RTL_USER_PROCESS_PARAMETERS;

typedef struct {
    BOOLEAN InheritedAddressSpace;
    BOOLEAN ReadImageFileExecOptions;
    BOOLEAN BeingDebugged;
    BOOLEAN BitField;
    void *Mutant;
    void *ImageBaseAddress;                        /* 0x10 */
    PEB_LDR_DATA *Ldr;                             /* 0x18 */
    RTL_USER_PROCESS_PARAMETERS *ProcessParameters; /* 0x20 */
    void *SubSystemData;
    HANDLE ProcessHeap;                            /* 0x30 */
    void *FastPebLock;
    BYTE pad1[0xb8 - 0x40];
    ULONG NumberOfProcessors;                      /* 0xb8 */
    ULONG NtGlobalFlag;                            /* 0xbc */
    BYTE pad2[0x118 - 0xc0];
    ULONG OSMajorVersion;                          /* 0x118 */
    ULONG OSMinorVersion;
    WORD OSBuildNumber;
    WORD OSCSDVersion;
    ULONG OSPlatformId;
    BYTE pad3[0x7c8 - 0x128];
} PEB;

typedef struct {
    void *ExceptionList;
    void *StackBase;        /* 0x08 */
    void *StackLimit;       /* 0x10 */
    void *SubSystemTib;
    void *FiberData;
    void *ArbitraryUserPointer;
    void *Self;             /* 0x30 */
} NT_TIB;

typedef struct {
    NT_TIB Tib;
    void *EnvironmentPointer;       /* 0x38 */
    HANDLE UniqueProcess;           /* 0x40 */
    HANDLE UniqueThread;            /* 0x48 */
    void *ActiveRpcHandle;
    void **ThreadLocalStoragePointer; /* 0x58 */
    PEB *Peb;                       /* 0x60 */
    ULONG LastErrorValue;           /* 0x68 */
    BYTE pad1[0x1478 - 0x6c];
    void *DeallocationStack;        /* 0x1478 */
    void *TlsSlots[TLS_MINIMUM_AVAILABLE]; /* 0x1480 */
    LIST_ENTRY TlsLinks;            /* 0x1680 */
    BYTE pad2[0x1780 - 0x1690];
    void **TlsExpansionSlots;       /* 0x1780 */
    BYTE pad3[0x17c8 - 0x1788];
    void **FlsData;                 /* 0x17c8 */
    BYTE pad4[0x1838 - 0x17d0];
    /* lvrun's own, past Windows' TEB: the live-thread list and the
     * thread's alternate signal stack. */
    LIST_ENTRY LvThreadLinks;
    void *LvAltStack;
} TEB;

_Static_assert(offsetof(PEB, ImageBaseAddress) == 0x10, "PEB layout");
_Static_assert(offsetof(PEB, ProcessHeap) == 0x30, "PEB layout");
_Static_assert(offsetof(PEB, NumberOfProcessors) == 0xb8, "PEB layout");
_Static_assert(offsetof(PEB, OSMajorVersion) == 0x118, "PEB layout");
_Static_assert(offsetof(TEB, Tib.Self) == 0x30, "TEB layout");
_Static_assert(offsetof(TEB, ThreadLocalStoragePointer) == 0x58, "TEB layout");
_Static_assert(offsetof(TEB, Peb) == 0x60, "TEB layout");
_Static_assert(offsetof(TEB, LastErrorValue) == 0x68, "TEB layout");
_Static_assert(offsetof(TEB, TlsSlots) == 0x1480, "TEB layout");
_Static_assert(offsetof(TEB, TlsExpansionSlots) == 0x1780, "TEB layout");
_Static_assert(offsetof(TEB, FlsData) == 0x17c8, "TEB layout");
_Static_assert(offsetof(RTL_USER_PROCESS_PARAMETERS, CommandLine) == 0x70, "params layout");
_Static_assert(offsetof(RTL_USER_PROCESS_PARAMETERS, Environment) == 0x80, "params layout");
_Static_assert(offsetof(LDR_DATA_TABLE_ENTRY, DllBase) == 0x30, "LDR layout");
_Static_assert(offsetof(LDR_DATA_TABLE_ENTRY, BaseDllName) == 0x58, "LDR layout");

/* The calling thread's TEB, read through the GS base as guest code does. */
/* getpid(), asked of the host once per process (ntdll/teb.c). */
pid_t lv_process_id(void);
/* A process's start time (0: unknown), this process's, and whether the
 * process that had pid and started at start still runs: ids are reused,
 * so records in shared memory keep both. */
uint64_t lv_process_start(pid_t pid);
uint64_t lv_process_start_self(void);
bool lv_process_alive(int32_t pid, uint64_t start);

static inline TEB *lv_teb(void)
{
    TEB *teb;
    __asm__("mov %%gs:0x30, %0" : "=r"(teb));
    return teb;
}

static inline PEB *lv_peb(void)
{
    return lv_teb()->Peb;
}

/* Create the process's PEB and the calling thread's TEB, and point GS at
 * the TEB. Called once, before any guest code. */
void teb_init_process(void);
/* The calling thread's TEB, with its host thread id (also sets GS). */
TEB *teb_init_thread(void);
/* A TEB made by a thread's creator, with the Windows thread id it chose;
 * the new thread attaches it to itself (GS base, signal stack, thread
 * list) before running anything else. */
TEB *teb_new(DWORD tid);
void teb_attach(TEB *teb);
/* The ending thread's TEB goes: its TLS blocks are freed, and GS no longer
 * points at a TEB. Not for the last thread of the process. */
void teb_exit_thread(void);
/* fn for every live thread's TEB, under the thread-list lock. */
void teb_for_each(void (*fn)(TEB *teb, void *arg), void *arg);

#endif
