/* What msvcrt and ucrtbase do when the process attaches and detaches
 * them, as their DllMain would. Both share one CRT state. */
#include <pthread.h>
#include "lv/process.h"
#include "msvcrt.spec.h"
#include "ucrtbase.spec.h"
#include "stdio_private.h"

static pthread_once_t attach_once = PTHREAD_ONCE_INIT;

static void attach(void)
{
    msvcrt_stdio_init();
    msvcrt_runtime_init();
    process_flush_hook = msvcrt_stdio_flush_all;
}

void msvcrt_process_attach(void)
{
    pthread_once(&attach_once, attach);
}

void msvcrt_process_detach(void)
{
    msvcrt_stdio_exit();
}

void ucrt_process_attach(void)
{
    pthread_once(&attach_once, attach);
}

void ucrt_process_detach(void)
{
    msvcrt_stdio_exit();
}
