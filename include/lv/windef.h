/* Windows base types as the guest sees them (LLP64: long is 32 bits,
 * WCHAR is 16 bits). Only lvrun's Win32 side includes this. */
#ifndef LV_WINDEF_H
#define LV_WINDEF_H

#include <stdint.h>
#include <stddef.h>
#include <uchar.h>

/* Every Win32 export and every guest callback uses the Windows x64
 * convention; the compiler emits it, so calls need no trampoline. */
#define WINAPI __attribute__((ms_abi))
#define CDECL __attribute__((ms_abi))
#define CALLBACK __attribute__((ms_abi))
#define WINAPIV __attribute__((ms_abi))

typedef int32_t BOOL;
typedef uint8_t BYTE;
typedef uint8_t BOOLEAN;
typedef uint16_t WORD;
typedef uint32_t DWORD;
typedef uint32_t UINT;
typedef int32_t INT;
typedef int32_t LONG;
typedef uint32_t ULONG;
typedef int64_t LONGLONG;
typedef uint64_t ULONGLONG;
typedef uint64_t DWORD64;
typedef uint64_t ULONG_PTR;
typedef int64_t LONG_PTR;
typedef uint64_t SIZE_T;
typedef int64_t SSIZE_T;
typedef uint64_t DWORD_PTR;
typedef char16_t WCHAR;
typedef char CHAR;
typedef void *HANDLE;
typedef void *HMODULE;
typedef void *HINSTANCE;
typedef void *LPVOID;
typedef const void *LPCVOID;
typedef int32_t NTSTATUS;
typedef WCHAR *LPWSTR;
typedef const WCHAR *LPCWSTR;
typedef char *LPSTR;
typedef const char *LPCSTR;
typedef DWORD *LPDWORD;
typedef LONG HRESULT;
typedef struct {
    DWORD Data1;
    WORD Data2, Data3;
    BYTE Data4[8];
} GUID;
typedef WORD LANGID;
typedef DWORD LCID;

typedef LONG_PTR (WINAPI *FARPROC)(void);

#define TRUE 1
#define FALSE 0
#define INVALID_HANDLE_VALUE ((HANDLE)(LONG_PTR)-1)
#define MAX_PATH 260

typedef struct {
    DWORD dwLowDateTime;
    DWORD dwHighDateTime;
} FILETIME;

typedef struct {
    WORD wYear, wMonth, wDayOfWeek, wDay, wHour, wMinute, wSecond,
        wMilliseconds;
} SYSTEMTIME;

typedef union {
    struct {
        DWORD LowPart;
        LONG HighPart;
    } u;
    LONGLONG QuadPart;
} LARGE_INTEGER;

typedef union {
    struct {
        DWORD LowPart;
        DWORD HighPart;
    } u;
    ULONGLONG QuadPart;
} ULARGE_INTEGER;

typedef struct LIST_ENTRY {
    struct LIST_ENTRY *Flink, *Blink;
} LIST_ENTRY;

typedef struct {
    WORD Length;        /* bytes, without the terminator */
    WORD MaximumLength; /* bytes */
    WCHAR *Buffer;
} UNICODE_STRING;

typedef struct {
    DWORD nLength;
    void *lpSecurityDescriptor;
    BOOL bInheritHandle;
} SECURITY_ATTRIBUTES;

#endif
