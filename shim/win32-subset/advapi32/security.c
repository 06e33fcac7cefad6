/* Tokens, privileges and file security, answered consistently from the
 * host's user without enforcing Windows ACLs: the host's permissions are
 * the ones that apply. The user's SID is a local account's with the host
 * uid in its last part; root is an elevated administrator, anyone else a
 * standard user. */
#include <stdbool.h>
#include <stdlib.h>
#include <strings.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>
#include "advapi32.spec.h"
#include "kernel32.spec.h"
#include "lv/handle.h"
#include "lv/w32error.h"
#include "lv/wstr.h"
#include "view.h"

#define ERROR_NOT_ALL_ASSIGNED 1300
#define ERROR_NO_SUCH_PRIVILEGE 1313
#define TokenUser 1
#define TokenPrivileges 3
#define TokenElevationType 18
#define TokenElevation 20
#define SE_PRIVILEGE_ENABLED 0x2

struct token_object {
    struct object obj;
    DWORD enabled[64 / 32 + 1]; /* a bit per privilege LUID below 64 */
};

static void token_destroy(struct object *obj)
{
    free(obj);
}

BOOL WINAPI OpenProcessToken(HANDLE process, DWORD access, HANDLE *token)
{
    (void)access;
    if (process != CURRENT_PROCESS_HANDLE) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    struct token_object *t = calloc(1, sizeof *t);
    object_init(&t->obj, OBJ_TOKEN, token_destroy);
    *token = handle_table_insert(&t->obj, false);
    object_release(&t->obj);
    return *token != NULL;
}

BOOL WINAPI OpenThreadToken(HANDLE thread, DWORD access, BOOL self, HANDLE *token)
{
    (void)thread, (void)access, (void)self, (void)token;
    /* Threads do not impersonate: there is no thread token. */
    SetLastError(ERROR_NO_TOKEN);
    return FALSE;
}

static const struct {
    const char *name;
    DWORD luid;
    bool standard_user; /* held by a non-administrator too */
} privileges[] = {
    { "SeCreateTokenPrivilege", 2, false },
    { "SeAssignPrimaryTokenPrivilege", 3, false },
    { "SeLockMemoryPrivilege", 4, false },
    { "SeIncreaseQuotaPrivilege", 5, false },
    { "SeMachineAccountPrivilege", 6, false },
    { "SeTcbPrivilege", 7, false },
    { "SeSecurityPrivilege", 8, false },
    { "SeTakeOwnershipPrivilege", 9, false },
    { "SeLoadDriverPrivilege", 10, false },
    { "SeSystemProfilePrivilege", 11, false },
    { "SeSystemtimePrivilege", 12, false },
    { "SeProfileSingleProcessPrivilege", 13, false },
    { "SeIncreaseBasePriorityPrivilege", 14, false },
    { "SeCreatePagefilePrivilege", 15, false },
    { "SeCreatePermanentPrivilege", 16, false },
    { "SeBackupPrivilege", 17, false },
    { "SeRestorePrivilege", 18, false },
    { "SeShutdownPrivilege", 19, true },
    { "SeDebugPrivilege", 20, false },
    { "SeAuditPrivilege", 21, false },
    { "SeSystemEnvironmentPrivilege", 22, false },
    { "SeChangeNotifyPrivilege", 23, true },
    { "SeRemoteShutdownPrivilege", 24, false },
    { "SeUndockPrivilege", 25, true },
    { "SeManageVolumePrivilege", 28, false },
    { "SeImpersonatePrivilege", 29, false },
    { "SeCreateGlobalPrivilege", 30, false },
    { "SeIncreaseWorkingSetPrivilege", 33, true },
    { "SeTimeZonePrivilege", 34, true },
    { "SeCreateSymbolicLinkPrivilege", 35, false },
};

#define NPRIVILEGES (sizeof privileges / sizeof privileges[0])

static bool is_admin(void)
{
    return geteuid() == 0;
}

static bool held(DWORD luid)
{
    for (size_t i = 0; i < NPRIVILEGES; i++)
        if (privileges[i].luid == luid)
            return is_admin() || privileges[i].standard_user;
    return false;
}

BOOL WINAPI LookupPrivilegeValueW(const WCHAR *system, const WCHAR *name, LUID *luid)
{
    (void)system;
    char *u = wstr_to_utf8(name);
    for (size_t i = 0; u && i < NPRIVILEGES; i++)
        if (!strcasecmp(u, privileges[i].name)) {
            luid->LowPart = privileges[i].luid;
            luid->HighPart = 0;
            free(u);
            return TRUE;
        }
    free(u);
    SetLastError(ERROR_NO_SUCH_PRIVILEGE);
    return FALSE;
}

BOOL WINAPI LookupPrivilegeValueA(const char *system, const char *name, LUID *luid)
{
    (void)system;
    WCHAR *w = utf8_to_wstr(name);
    BOOL r = LookupPrivilegeValueW(NULL, w, luid);
    free(w);
    return r;
}

/* Privileges are switched on and off in the token's record; asking for
 * one the user does not hold succeeds with ERROR_NOT_ALL_ASSIGNED, as on
 * Windows. */
BOOL WINAPI AdjustTokenPrivileges(HANDLE token, BOOL disable_all, TOKEN_PRIVILEGES *state,
                                  DWORD len, TOKEN_PRIVILEGES *previous, DWORD *ret_len)
{
    (void)len;
    struct token_object *t = (struct token_object *)handle_table_get(token, OBJ_TOKEN);
    if (!t)
        return FALSE;
    if (previous)
        previous->PrivilegeCount = 0;
    if (ret_len)
        *ret_len = sizeof(DWORD);
    bool all = true;
    if (disable_all) {
        memset(t->enabled, 0, sizeof t->enabled);
    } else if (state) {
        for (DWORD i = 0; i < state->PrivilegeCount; i++) {
            DWORD luid = state->Privileges[i].Luid.LowPart;
            if (!held(luid) || luid >= 64) {
                all = false;
                continue;
            }
            if (state->Privileges[i].Attributes & SE_PRIVILEGE_ENABLED)
                t->enabled[luid / 32] |= 1u << (luid % 32);
            else
                t->enabled[luid / 32] &= ~(1u << (luid % 32));
        }
    }
    object_release(&t->obj);
    SetLastError(all ? ERROR_SUCCESS : ERROR_NOT_ALL_ASSIGNED);
    return TRUE;
}

/* The user's SID: S-1-5-21-0-0-0-(uid + 1000). */
static size_t user_sid(BYTE *out)
{
    static const BYTE head[] = { 1, 5, 0, 0, 0, 0, 0, 5 };
    DWORD sub[5] = { 21, 0, 0, 0, (DWORD)getuid() + 1000 };
    if (out) {
        memcpy(out, head, sizeof head);
        memcpy(out + sizeof head, sub, sizeof sub);
    }
    return sizeof head + sizeof sub;
}

static BOOL answer(const void *data, DWORD size, void *buf, DWORD len, DWORD *ret_len)
{
    *ret_len = size;
    if (len < size) {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    memcpy(buf, data, size);
    return TRUE;
}

BOOL WINAPI GetTokenInformation(HANDLE token, int cls, void *buf, DWORD len, DWORD *ret_len)
{
    struct token_object *t = (struct token_object *)handle_table_get(token, OBJ_TOKEN);
    if (!t)
        return FALSE;
    BYTE data[512];
    DWORD size = 0;
    BOOL ok = TRUE;
    switch (cls) {
    case TokenUser: {
        /* TOKEN_USER: a SID_AND_ATTRIBUTES pointing at the SID after it;
         * the pointer is fixed up once the SID's place in buf is known. */
        size = 16 + (DWORD)user_sid(data + 16);
        memset(data, 0, 16);
        if (len >= size) {
            memcpy(buf, data, size);
            *(BYTE **)buf = (BYTE *)buf + 16;
            *ret_len = size;
            object_release(&t->obj);
            return TRUE;
        }
        break;
    }
    case TokenPrivileges: {
        TOKEN_PRIVILEGES *tp = (TOKEN_PRIVILEGES *)data;
        tp->PrivilegeCount = 0;
        for (size_t i = 0; i < NPRIVILEGES && tp->PrivilegeCount < 40; i++) {
            DWORD luid = privileges[i].luid;
            if (!held(luid))
                continue;
            LUID_AND_ATTRIBUTES *p = &tp->Privileges[tp->PrivilegeCount++];
            p->Luid.LowPart = luid;
            p->Luid.HighPart = 0;
            p->Attributes = (t->enabled[luid / 32] >> (luid % 32)) & 1 ? SE_PRIVILEGE_ENABLED : 0;
        }
        size = sizeof(DWORD) + tp->PrivilegeCount * sizeof(LUID_AND_ATTRIBUTES);
        break;
    }
    case TokenElevationType:
        /* TokenElevationTypeFull for root, Default otherwise. */
        *(DWORD *)data = is_admin() ? 2 : 1;
        size = sizeof(DWORD);
        break;
    case TokenElevation:
        *(DWORD *)data = is_admin();
        size = sizeof(DWORD);
        break;
    default:
        SetLastError(ERROR_INVALID_PARAMETER);
        ok = FALSE;
    }
    object_release(&t->obj);
    return ok && answer(data, size, buf, len, ret_len);
}

/* A self-relative security descriptor with the user as owner and group and
 * no DACL (full access to all): what lvrun can truthfully say of a host
 * file whose host permissions decide access. */
BOOL WINAPI GetFileSecurityW(const WCHAR *name, DWORD info, void *sd, DWORD len, DWORD *needed)
{
    (void)info;
    if (GetFileAttributesW(name) == INVALID_FILE_ATTRIBUTES)
        return FALSE;
    BYTE data[128];
    size_t sid = user_sid(NULL);
    memset(data, 0, 20);
    data[0] = 1;                    /* revision */
    *(WORD *)(data + 2) = 0x8000;   /* SE_SELF_RELATIVE */
    *(DWORD *)(data + 4) = 20;      /* owner offset */
    *(DWORD *)(data + 8) = 20 + (DWORD)sid; /* group offset */
    user_sid(data + 20);
    user_sid(data + 20 + sid);
    return answer(data, (DWORD)(20 + 2 * sid), sd, len, needed);
}

BOOL WINAPI GetFileSecurityA(const char *name, DWORD info, void *sd, DWORD len, DWORD *needed)
{
    WCHAR *w = utf8_to_wstr(name);
    BOOL r = GetFileSecurityW(w, info, sd, len, needed);
    free(w);
    return r;
}

/* Windows ACLs have no host meaning: a descriptor is accepted for an
 * existing file and not stored (host permissions stay as they are). */
BOOL WINAPI SetFileSecurityW(const WCHAR *name, DWORD info, void *sd)
{
    (void)info, (void)sd;
    return GetFileAttributesW(name) != INVALID_FILE_ATTRIBUTES;
}

BOOL WINAPI SetFileSecurityA(const char *name, DWORD info, void *sd)
{
    (void)info, (void)sd;
    return GetFileAttributesA(name) != INVALID_FILE_ATTRIBUTES;
}

/* RtlGenRandom. */
BOOLEAN WINAPI SystemFunction036(void *buf, ULONG len)
{
    for (ULONG done = 0; done < len;) {
        ssize_t n = getrandom((char *)buf + done, len - done, 0);
        if (n <= 0)
            return FALSE;
        done += (ULONG)n;
    }
    return TRUE;
}

BOOL WINAPI GetUserNameW(WCHAR *buf, DWORD *size)
{
    WCHAR name[256];
    DWORD n = view_user() ? (DWORD)MultiByteToWideChar(65001, 0, view_user(), -1, name, 256) - 1
                          : GetEnvironmentVariableW(u"USERNAME", name, 256);
    if (!n || n >= 256) {
        name[0] = 0;
        n = 0;
    }
    if (!buf || *size <= n) {
        *size = n + 1;
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return FALSE;
    }
    memcpy(buf, name, (n + 1) * sizeof(WCHAR));
    *size = n + 1;
    return TRUE;
}

BOOL WINAPI GetUserNameA(char *buf, DWORD *size)
{
    WCHAR w[256];
    DWORD wn = 256;
    if (!GetUserNameW(w, &wn))
        return FALSE;
    char *u = wstr_to_utf8(w);
    DWORD n = (DWORD)strlen(u);
    BOOL ok = buf && *size > n;
    if (ok)
        memcpy(buf, u, n + 1);
    else
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
    *size = n + 1;
    free(u);
    return ok;
}
