/* The guest process's life: start-up state, exit. */
#ifndef LV_PROCESS_H
#define LV_PROCESS_H

#include <stdbool.h>
#include "lv/windef.h"

/* What a parent lvrun passes to a child it starts (CreateProcess), through
 * lvrun's hidden options; set before process_init_parameters. */
struct process_child_options {
    const char *command_line; /* the parent's lpCommandLine, exactly */
    const char *inherit;      /* inherited handles: "HANDLE=FD,..." (hex) */
    int exit_code_fd;         /* where the full 32-bit exit code goes, or -1 */
    bool windows_env;         /* the host environment is the Windows block */
};
void process_set_child_options(const struct process_child_options *opts);

/* Build the PEB's process parameters: the Windows command line from the
 * program's Windows path and arguments, the environment, the standard
 * handles and the current folder. */
void process_init_parameters(const char *exe_host_path, int argc, char **argv);

/* ExitProcess: detach every module (DllMain, the CRT's flushing), then end
 * the host process with the low 8 bits of code. */
__attribute__((noreturn)) void process_exit(UINT code);
/* End now, after flushing the CRT's buffered output, without running any
 * more guest code: for lvrun's own fatal reports. */
__attribute__((noreturn)) void process_abort(int status);

/* Set by the CRT (msvcrt) so that process_abort can flush its streams. */
extern void (*process_flush_hook)(void);

#endif
