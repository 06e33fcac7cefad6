/* The UCRT-side layouts of vcruntime140's exports. */
#ifndef VCRUNTIME_PRIVATE_H
#define VCRUNTIME_PRIVATE_H

#include <stdbool.h>
#include "cxx_private.h"

struct vcrt_exception_data {
    const char *what;
    bool do_free;
};

struct vcrt_type_info_data {
    const char *undecorated;
    char decorated[1];
};

#endif
