/* Modules seen from Win32: LoadLibrary, GetModuleHandle, GetProcAddress. */
#include <stdlib.h>
#include <string.h>
#include "kernel32.spec.h"
#include "kernel32_private.h"
#include "lv/module.h"
#include "lv/w32error.h"
#include "lv/wstr.h"

#define LOAD_LIBRARY_AS_DATAFILE 0x2
#define GET_MODULE_HANDLE_EX_FLAG_PIN 0x1
#define GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT 0x2
#define GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS 0x4

static DWORD load_error(void)
{
    const char *why = loader_error();
    if (strstr(why, "not found"))
        return ERROR_MOD_NOT_FOUND;
    if (strstr(why, "DllMain"))
        return ERROR_DLL_INIT_FAILED;
    return ERROR_BAD_EXE_FORMAT;
}

HMODULE WINAPI LoadLibraryExW(const WCHAR *name, HANDLE file, DWORD flags)
{
    (void)file, (void)flags;
    if (!name) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return NULL;
    }
    char *u = wstr_to_utf8(name);
    struct module *mod = module_load_dll(u, NULL);
    free(u);
    if (!mod) {
        SetLastError(load_error());
        return NULL;
    }
    if (!module_attach_all()) {
        module_free(mod);
        SetLastError(ERROR_DLL_INIT_FAILED);
        return NULL;
    }
    return mod->base;
}

HMODULE WINAPI LoadLibraryExA(const char *name, HANDLE file, DWORD flags)
{
    WCHAR *w = ansi_to_wstr(name);
    HMODULE h = LoadLibraryExW(w, file, flags);
    free(w);
    return h;
}

HMODULE WINAPI LoadLibraryW(const WCHAR *name)
{
    return LoadLibraryExW(name, NULL, 0);
}

HMODULE WINAPI LoadLibraryA(const char *name)
{
    return LoadLibraryExA(name, NULL, 0);
}

BOOL WINAPI FreeLibrary(HMODULE h)
{
    struct module *mod = module_by_handle(h);
    if (!mod) {
        SetLastError(ERROR_INVALID_HANDLE);
        return FALSE;
    }
    module_free(mod);
    return TRUE;
}

HMODULE WINAPI GetModuleHandleW(const WCHAR *name)
{
    if (!name)
        return module_exe()->base;
    char *u = wstr_to_utf8(name);
    struct module *mod = module_by_name(u);
    free(u);
    if (!mod) {
        SetLastError(ERROR_MOD_NOT_FOUND);
        return NULL;
    }
    return mod->base;
}

HMODULE WINAPI GetModuleHandleA(const char *name)
{
    WCHAR *w = ansi_to_wstr(name);
    HMODULE h = GetModuleHandleW(w);
    free(w);
    return h;
}

BOOL WINAPI GetModuleHandleExW(DWORD flags, const WCHAR *name, HMODULE *out)
{
    struct module *mod;
    if (!out) {
        SetLastError(ERROR_INVALID_PARAMETER);
        return FALSE;
    }
    *out = NULL;
    if (flags & GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS)
        mod = module_by_address(name);
    else if (!name)
        mod = module_exe();
    else {
        char *u = wstr_to_utf8(name);
        mod = module_by_name(u);
        free(u);
    }
    if (!mod) {
        SetLastError(ERROR_MOD_NOT_FOUND);
        return FALSE;
    }
    if (!(flags & (GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT | GET_MODULE_HANDLE_EX_FLAG_PIN)))
        mod->refs++;
    *out = mod->base;
    return TRUE;
}

BOOL WINAPI GetModuleHandleExA(DWORD flags, const char *name, HMODULE *out)
{
    if (flags & GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS)
        return GetModuleHandleExW(flags, (const WCHAR *)name, out);
    WCHAR *w = ansi_to_wstr(name);
    BOOL r = GetModuleHandleExW(flags, w, out);
    free(w);
    return r;
}

FARPROC WINAPI GetProcAddress(HMODULE h, const char *name)
{
    struct module *mod = h ? module_by_handle(h) : module_exe();
    if (!mod) {
        SetLastError(ERROR_INVALID_HANDLE);
        return NULL;
    }
    /* A "name" below 64 KiB is an ordinal (MAKEINTRESOURCE). */
    uintptr_t v = (uintptr_t)name;
    void *p = v < 0x10000 ? module_get_export(mod, NULL, (unsigned)v)
                          : module_get_export(mod, name, 0);
    if (!p) {
        SetLastError(ERROR_PROC_NOT_FOUND);
        return NULL;
    }
    /* A forwarder may have loaded its target DLL: it is initialized before
     * the caller can reach it. */
    module_attach_all();
    return (FARPROC)p;
}

DWORD WINAPI GetModuleFileNameW(HMODULE h, WCHAR *buf, DWORD size)
{
    struct module *mod = h ? module_by_handle(h) : module_exe();
    if (!mod) {
        SetLastError(ERROR_MOD_NOT_FOUND);
        return 0;
    }
    const UNICODE_STRING *path = &mod->ldr.FullDllName;
    DWORD len = path->Length / 2;
    if (!size)
        return 0;
    /* Truncated to the buffer with a terminator, as Windows 7 and later. */
    DWORD n = len < size ? len : size - 1;
    memcpy(buf, path->Buffer, n * sizeof(WCHAR));
    buf[n] = 0;
    if (n < len) {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return size;
    }
    SetLastError(ERROR_SUCCESS);
    return n;
}

DWORD WINAPI GetModuleFileNameA(HMODULE h, char *buf, DWORD size)
{
    WCHAR w[32768];
    DWORD n = GetModuleFileNameW(h, w, 32768);
    if (!n)
        return 0;
    if (!size)
        return 0;
    size_t need = wstr_to_ansi_buf(w, buf, size);
    if (need >= size) {
        SetLastError(ERROR_INSUFFICIENT_BUFFER);
        return size;
    }
    return (DWORD)need;
}

BOOL WINAPI DisableThreadLibraryCalls(HMODULE h)
{
    return module_by_handle(h) != NULL;
}
