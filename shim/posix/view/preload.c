/* liblvpreload.so: the view for dynamically linked host programs
 * (`lvrun --preload -- prog`, or LD_PRELOAD=.../liblvpreload.so with
 * LVRUN_VIEW set). The wrappers are the view's (wrap_*.c built with
 * VIEW_PRELOAD); this sets the view up before the program's code runs. */
#include <dlfcn.h>
#include <stdlib.h>
#include <unistd.h>
#include "view.h"

__attribute__((constructor)) static void view_preload_init(void)
{
    Dl_info info;
    if (dladdr((void *)view_preload_init, &info) && info.dli_fname)
        view_set_preload_lib(info.dli_fname);
    if (!view_load_env())
        _exit(126);
    view_export();
}
