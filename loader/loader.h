/* Loader-internal interfaces shared by the files of loader/. */
#ifndef LV_LOADER_H
#define LV_LOADER_H

#include <stdbool.h>
#include "lv/module.h"

void loader_lock(void);
void loader_unlock(void);
PEB_LDR_DATA *loader_ldr_data(void);

/* The image's TLS directory: assign its index and template. */
bool tls_register_module(struct module *mod);
void tls_unregister_module(struct module *mod);
void tls_run_callbacks(struct module *mod, DWORD reason);

#endif
