/* The UCRT's own start-up and exit interface over msvcrt's runtime. */
#include "msvcrt.spec.h"
#include "ucrtbase.spec.h"
#include "runtime_private.h"

#define STATUS_INVALID_CRT_PARAMETER 0xc0000417u

/* Expanding wildcards (mode 2) is not done: arguments stay as given. */
int CDECL ucrt__configure_narrow_argv(int mode)
{
    (void)mode;
    msvcrt_args_init();
    msvcrt_args_parse(true);
    return 0;
}

int CDECL ucrt__configure_wide_argv(int mode)
{
    return ucrt__configure_narrow_argv(mode);
}

int CDECL ucrt__initialize_narrow_environment(void)
{
    msvcrt_environ_init();
    return 0;
}

int CDECL ucrt__initialize_wide_environment(void)
{
    msvcrt_environ_init();
    return 0;
}

char **CDECL ucrt__get_initial_narrow_environment(void)
{
    msvcrt_environ_init();
    return msvcrt___initenv;
}

WCHAR **CDECL ucrt__get_initial_wide_environment(void)
{
    msvcrt_environ_init();
    return msvcrt___winitenv;
}

/* WinMain's lpCmdLine: the command line after the program's name. */
char *CDECL ucrt__get_narrow_winmain_command_line(void)
{
    msvcrt_args_init();
    char *p = msvcrt__acmdln;
    bool quoted = false;
    for (; *p && (quoted || (*p != ' ' && *p != '\t')); p++)
        quoted ^= *p == '"';
    while (*p == ' ' || *p == '\t')
        p++;
    return p;
}

WCHAR *CDECL ucrt__get_wide_winmain_command_line(void)
{
    msvcrt_args_init();
    WCHAR *p = msvcrt__wcmdln;
    bool quoted = false;
    for (; *p && (quoted || (*p != ' ' && *p != '\t')); p++)
        quoted ^= *p == '"';
    while (*p == ' ' || *p == '\t')
        p++;
    return p;
}

void CDECL ucrt__set_app_type(int type)
{
    msvcrt___set_app_type(type);
}

int CDECL ucrt__crt_atexit(msvcrt_vfn fn)
{
    return msvcrt_atexit(fn);
}

int CDECL ucrt__crt_at_quick_exit(msvcrt_vfn fn)
{
    return msvcrt_at_quick_exit(fn);
}

int CDECL ucrt__initialize_onexit_table(struct msvcrt_onexit_table *t)
{
    if (!t)
        return -1;
    if (t->first == t->end)
        t->first = t->last = t->end = NULL;
    return 0;
}

int CDECL ucrt__register_onexit_function(struct msvcrt_onexit_table *t, msvcrt_ifn fn)
{
    return t ? msvcrt_onexit_register(t, fn) : -1;
}

int CDECL ucrt__execute_onexit_table(struct msvcrt_onexit_table *t)
{
    return t ? msvcrt_onexit_execute(t) : -1;
}

/* The UCRT's default for an invalid parameter ends the program. */
void CDECL ucrt__invalid_parameter_noinfo_noreturn(void)
{
    msvcrt_invalid_parameter();
    msvcrt_do_exit((int)STATUS_INVALID_CRT_PARAMETER, false);
}
