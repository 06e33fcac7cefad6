/* The runtime area of msvcrt (start-up, exit, errno, environment, locale,
 * signals, heap) and the kernel32 functions it builds on. kernel32's
 * exports are plain WINAPI C functions; only the few used here are
 * declared. */
#ifndef MSVCRT_RUNTIME_PRIVATE_H
#define MSVCRT_RUNTIME_PRIVATE_H

#include <stdbool.h>
#include "msvcrt_private.h"

HANDLE WINAPI GetProcessHeap(void);
void *WINAPI HeapAlloc(HANDLE, DWORD, SIZE_T);
void *WINAPI HeapReAlloc(HANDLE, DWORD, void *, SIZE_T);
BOOL WINAPI HeapFree(HANDLE, DWORD, void *);
SIZE_T WINAPI HeapSize(HANDLE, DWORD, const void *);
BOOL WINAPI HeapValidate(HANDLE, DWORD, const void *);
SIZE_T WINAPI HeapCompact(HANDLE, DWORD);
WCHAR *WINAPI GetCommandLineW(void);
WCHAR *WINAPI GetEnvironmentStringsW(void);
BOOL WINAPI FreeEnvironmentStringsW(WCHAR *);
BOOL WINAPI SetEnvironmentVariableW(const WCHAR *, const WCHAR *);
DWORD WINAPI GetModuleFileNameW(HMODULE, WCHAR *, DWORD);
UINT WINAPI GetACP(void);
int WINAPI MultiByteToWideChar(UINT, DWORD, const char *, int, WCHAR *, int);
int WINAPI WideCharToMultiByte(UINT, DWORD, const WCHAR *, int, char *, int,
                               const char *, BOOL *);

#define HEAP_ZERO_MEMORY 0x08
#define HEAP_REALLOC_IN_PLACE_ONLY 0x10

/* Strings between UTF-16 and the ANSI code page, on the CRT heap (free
 * with msvcrt_free); NULL on failure. */
char *msvcrt_wstr_to_acp(const WCHAR *w);
WCHAR *msvcrt_acp_to_wstr(const char *s);

/* environ.c: the CRT's copies of the environment, built at start-up. */
void msvcrt_environ_init(void);

/* startup.c: the split command line, built at start-up; the UCRT splits
 * "" inside quotes differently from msvcrt. */
void msvcrt_args_init(void);
void msvcrt_args_parse(bool ucrt_rules);
typedef void (CDECL *msvcrt_invalid_parameter_handler)(const WCHAR *, const WCHAR *,
                                                      const WCHAR *, UINT, uintptr_t);

/* exit.c: the guest-visible table of exit functions (UCRT's
 * _onexit_table_t), run last-registered first. */
struct msvcrt_onexit_table {
    msvcrt_ifn *first, *last, *end;
};
extern struct msvcrt_onexit_table msvcrt_atexit_table, msvcrt_quick_exit_table;
int msvcrt_onexit_register(struct msvcrt_onexit_table *t, msvcrt_ifn fn);
int msvcrt_onexit_execute(struct msvcrt_onexit_table *t);
__attribute__((noreturn)) void msvcrt_do_exit(int code, bool run_handlers);

/* heap.c: the new handler of _set_new_mode(1) and _callnewh. */
typedef int (CDECL *msvcrt_new_handler)(size_t);
int msvcrt_call_new_handler(size_t size);

/* locale.c: struct lconv as Windows lays it out. */
struct msvcrt_lconv {
    char *decimal_point, *thousands_sep, *grouping, *int_curr_symbol, *currency_symbol,
        *mon_decimal_point, *mon_thousands_sep, *mon_grouping, *positive_sign,
        *negative_sign;
    char int_frac_digits, frac_digits, p_cs_precedes, p_sep_by_space, n_cs_precedes,
        n_sep_by_space, p_sign_posn, n_sign_posn;
    WCHAR *_W_decimal_point, *_W_thousands_sep, *_W_int_curr_symbol, *_W_currency_symbol,
        *_W_mon_decimal_point, *_W_mon_thousands_sep, *_W_positive_sign, *_W_negative_sign;
};

/* signal.c: Windows' signal numbers and handlers. */
typedef void (CDECL *msvcrt_sighandler)(int);
#define MSVCRT_SIGABRT 22
__attribute__((noreturn)) void msvcrt_signal_default(int sig);

/* An invalid parameter: the program's handler, if it set one. */
void msvcrt_invalid_parameter(void);

#endif
