#ifndef LV_CHECK_H
#define LV_CHECK_H

#include "lv/module.h"

/* lvrun --check: every import of the program and its DLLs with its status.
 * Returns the exit status: 0 when all are provided, 1 when some are not,
 * 126 when the program could not be loaded. */
int check_report(struct module *exe, const char *path);

#endif
