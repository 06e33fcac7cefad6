#ifndef LV_CHECK_H
#define LV_CHECK_H

#include "lv/module.h"

/* lvrun --check: every import of the program and its DLLs with its status.
 * Returns the exit status: 0 when all are provided, 1 when some are not,
 * 126 when the program could not be loaded. json: one JSON document
 * {"program", "modules": [{"name", "path", "imports": [{"dll", "name" or
 * "ordinal", "delay_load", "status", "ok"}]}], "summary": {"imports",
 * "implemented", "missing"}} instead of the text. */
int check_report(struct module *exe, const char *path, bool json);

#endif
