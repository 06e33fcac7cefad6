#include "ntdll.spec.h"
#include "lv/winerror.h"

TEB *WINAPI NtCurrentTeb(void)
{
    return lv_teb();
}

void WINAPI RtlGetNtVersionNumbers(ULONG *major, ULONG *minor, ULONG *build)
{
    PEB *peb = lv_peb();
    if (major)
        *major = peb->OSMajorVersion;
    if (minor)
        *minor = peb->OSMinorVersion;
    /* The high nibble marks a free (release) build. */
    if (build)
        *build = 0xf0000000u | peb->OSBuildNumber;
}

ULONG WINAPI RtlNtStatusToDosError(NTSTATUS status)
{
    switch ((uint32_t)status) {
    case 0: return ERROR_SUCCESS;
    case 0xC0000005: return ERROR_NOACCESS;
    case 0xC0000008: return ERROR_INVALID_HANDLE;
    case 0xC000000D: return ERROR_INVALID_PARAMETER;
    case 0xC0000017: return ERROR_NOT_ENOUGH_MEMORY;
    case 0xC0000023: return ERROR_INSUFFICIENT_BUFFER;
    case 0xC0000034: return ERROR_FILE_NOT_FOUND;
    case 0xC0000135: return ERROR_MOD_NOT_FOUND;
    case 0xC0000139: return ERROR_PROC_NOT_FOUND;
    case 0xC0000002: return ERROR_CALL_NOT_IMPLEMENTED;
    default: return 317; /* ERROR_MR_MID_NOT_FOUND, as Windows answers */
    }
}
