#ifndef LV_VIEW_CLI_H
#define LV_VIEW_CLI_H

#include <stdbool.h>

/* The preload library for host programs, or NULL. */
const char *view_cli_find_preload(void);
/* Runs argv[0] (a host program) with the view preloaded; returns only
 * on failure, with lvrun's status. */
int view_cli_preload(int argc, char **argv);
/* --register-binfmt / --unregister-binfmt: 0 or 1 after a message. */
int view_cli_register_binfmt(bool on);
/* lvrun pack ... (pack.c). */
int pack_main(int argc, char **argv);

#endif
