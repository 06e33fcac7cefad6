/* lvrun's builtin cmd.exe, run by a child lvrun (--cmd) when CreateProcess
 * targets cmd.exe. */
#ifndef LV_CMD_H
#define LV_CMD_H

#include "lv/windef.h"

/* Run the command line given after /c (or /k) in GetCommandLineW; the
 * exit code. */
UINT cmd_run(void);

#endif
